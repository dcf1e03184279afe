// The committed lib/api/*.d.ts must be what openapi-typescript makes of the committed openapi/*.json snapshots:
// regenerate into a temp dir and compare byte for byte. Fails after a snapshot refresh without `npm run gen:api`,
// or after a hand edit of the generated types.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { generateAll, numbersAsNumbers, services } from '../scripts/gen-api.mjs';

const root = resolve(import.meta.dirname, '..');

describe('generated API types', () => {
  it('has snapshots for sync, routes and coaching', async () => {
    const present = await services();
    for (const service of ['sync', 'routes', 'coaching']) assert.ok(present.includes(service), `openapi/${service}.json missing`);
  });

  it('are current with the OpenAPI snapshots', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cyclingcoach-gen-api-'));
    try {
      await generateAll(dir);
      for (const service of await services()) {
        const fresh = await readFile(join(dir, `${service}.d.ts`), 'utf8');
        const committed = await readFile(join(root, 'lib', 'api', `${service}.d.ts`), 'utf8').catch(() => '');
        assert.ok(committed === fresh, `lib/api/${service}.d.ts is stale: run npm run gen:api`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads ASP.NET number-or-string schemas as numbers and leaves real strings alone', () => {
    const doc = numbersAsNumbers({
      a: { type: ['null', 'number', 'string'], pattern: '^-?\\d+$', format: 'double' },
      b: { type: 'string', pattern: '^ST-' },
      c: { items: { type: ['integer', 'string'], pattern: '^\\d+$' } },
    });
    assert.deepEqual(doc.a, { type: ['null', 'number'], format: 'double' });
    assert.deepEqual(doc.b, { type: 'string', pattern: '^ST-' });
    assert.deepEqual(doc.c.items, { type: ['integer'] });
  });
});
