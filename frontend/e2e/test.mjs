// Node 20's `node --test <dir>` only picks files named like *.test.mjs or test.mjs; this makes `node --test e2e/` (and
// `node --test frontend/e2e/` from the repo root) run every *.e2e.mjs file of this folder, in name order, in this one
// process: a new file runs without being listed anywhere. The suites share the real stack's database and assert
// relative to what was there before, so their order does not matter.
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url);
for (const file of readdirSync(here).filter((name) => name.endsWith('.e2e.mjs')).sort()) {
  await import(new URL(file, here).href);
}
