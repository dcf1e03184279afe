// Server-sent event names are said once, in lib/api/events.json (the gateway's and Coaching's tests check their C#
// names against it). Here: the web app listens for no name that file lacks, and the chat reader handles exactly its
// chat names — so a name changed on one side only fails a test.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { applyChatEvent, emptyReply } from '../lib/coach/chat-stream.mjs';

const root = resolve(import.meta.dirname, '..');
const names = JSON.parse(await readFile(join(root, 'lib', 'api', 'events.json'), 'utf8'));

async function sources(dir) {
  const out = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(tsx?|mjs)$/.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

const literals = (text) => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]);

describe('event names (lib/api/events.json)', () => {
  it('every event a page listens for is one the gateway relays', async () => {
    const relayed = new Set(names.stream.relayed);
    const heard = [];
    for (const file of [...(await sources('components')), ...(await sources('lib')), ...(await sources('app'))]) {
      for (const call of (await readFile(file, 'utf8')).matchAll(/useEventListener\(\s*\[([^\]]*)\]/g)) heard.push(...literals(call[1]));
    }
    assert.ok(heard.length >= 10, `found only ${heard.length} listened-for names: the scan is broken`);
    assert.deepEqual(heard.filter((n) => !relayed.has(n)), []);
  });

  it("the fake gateway sends, and the app's stream reads, only the gateway's names", async () => {
    const fake = await readFile(join(root, 'e2e', 'fake-gateway.mjs'), 'utf8');
    const sent = [...fake.matchAll(/broadcast\('([^']+)'/g), ...fake.matchAll(/event: ([a-z-]+)\\n/g)].map((m) => m[1]);
    const known = new Set([...names.stream.relayed, ...names.stream.control]);
    const events = await readFile(join(root, 'lib', 'client', 'events.tsx'), 'utf8');
    sent.push(...[...events.matchAll(/addEventListener\('([^']+)'/g)].map((m) => m[1]));
    assert.ok(sent.length > 0);
    assert.deepEqual(sent.filter((n) => !known.has(n)), []);
  });

  it("the chat reader handles each of Coaching's chat events, and no other", async () => {
    const full = { conversationId: 'c', text: 't', analysisId: 'a', messageId: 'm', engine: 'e' };
    for (const type of names.chat) {
      assert.notDeepEqual(applyChatEvent(emptyReply(), { type, ...full }), emptyReply(), `chat event ${type} is not handled`);
    }
    assert.deepEqual(applyChatEvent(emptyReply(), { type: 'unheard-of', ...full }), emptyReply());
    const reader = await readFile(join(root, 'lib', 'coach', 'chat-stream.mjs'), 'utf8');
    const cases = [...reader.matchAll(/case '([^']+)':/g)].map((m) => m[1]);
    assert.deepEqual(cases.sort(), [...names.chat].sort());
  });
});
