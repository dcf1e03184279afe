import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyChatEvent, chatEvents, createSseParser, emptyReply, readChatStream } from '../lib/coach/chat-stream.mjs';

// What the Coaching service wrote for "How is my form?" (ASP.NET's ServerSentEvents: event, data, blank line).
const conversationId = '01a2313d-0164-7fb3-ab41-f862e4766f5a';
const WIRE =
  `event: conversation\ndata: {"type":"conversation","conversationId":"${conversationId}","text":null}\n\n` +
  'event: delta\ndata: {"type":"delta","text":"Form (TSB) +3: "}\n\n' +
  'event: delta\ndata: {"type":"delta","text":"fresh — a good day for the key session."}\n\n' +
  'event: proposal\ndata: {"type":"proposal","analysisId":"a1"}\n\n' +
  `event: done\ndata: {"type":"done","conversationId":"${conversationId}","messageId":"m1","engine":"builtin"}\n\n`;

/** Feeds `text` in the given pieces and returns every message parsed. */
function parse(pieces) {
  const parser = createSseParser();
  return [...pieces.flatMap((p) => parser.push(p)), ...parser.end()];
}

describe('createSseParser', () => {
  const whole = parse([WIRE]);

  it('parses events with their names and data', () => {
    assert.deepEqual(whole.map((m) => m.event), ['conversation', 'delta', 'delta', 'proposal', 'done']);
    assert.equal(JSON.parse(whole[1].data).text, 'Form (TSB) +3: ');
  });

  it('gives the same events however the stream is cut, down to one character at a time', () => {
    assert.deepEqual(parse([...WIRE]), whole);
    for (let cut = 1; cut < WIRE.length; cut += 7) {
      assert.deepEqual(parse([WIRE.slice(0, cut), WIRE.slice(cut)]), whole, `cut at ${cut}`);
    }
  });

  it('treats CRLF and CR like LF, also when CR and LF arrive in different chunks', () => {
    const crlf = WIRE.replaceAll('\n', '\r\n');
    assert.deepEqual(parse([crlf]), whole);
    const cr = crlf.indexOf('\r');
    assert.deepEqual(parse([crlf.slice(0, cr + 1), crlf.slice(cr + 1)]), whole, 'CR | LF split is one line end');
    assert.deepEqual(parse([WIRE.replaceAll('\n', '\r')]), whole);
  });

  it('joins data lines, drops comments and one leading space, and defaults the name to message', () => {
    const messages = parse([': keep-alive\n', 'data:a\ndata:  b\n\n', 'event:x\n\n', 'data\n\n']);
    assert.deepEqual(messages, [
      { event: 'message', data: 'a\n b' },
      { event: 'message', data: '' },
    ]);
  });

  it('drops an event the stream ended before its blank line', () => {
    assert.deepEqual(parse(['event: delta\ndata: {"type":"delta","text":"half"}\n']), []);
  });

  it('keeps the last id and strips a byte order mark', () => {
    assert.deepEqual(parse(['\uFEFFid: 7\ndata: x\n\n']), [{ event: 'message', data: 'x', id: '7' }]);
  });
});

describe('the reply', () => {
  it('folds the events into the answer, its proposals and the stored message', () => {
    const reply = chatEvents(parse([WIRE])).reduce(applyChatEvent, emptyReply());
    assert.deepEqual(reply, {
      conversationId,
      text: 'Form (TSB) +3: fresh — a good day for the key session.',
      proposals: ['a1'],
      error: null,
      done: true,
      messageId: 'm1',
      engine: 'builtin',
    });
  });

  it('keeps the text written before an error, ignores unknown events and repeated proposals', () => {
    let reply = emptyReply();
    for (const e of [
      { type: 'delta', text: 'So far' },
      { type: 'thinking', text: 'ignored' },
      { type: 'proposal', analysisId: 'a1' },
      { type: 'proposal', analysisId: 'a1' },
      { type: 'error', text: 'The answer was cut off: timeout' },
    ]) reply = applyChatEvent(reply, e);
    assert.equal(reply.text, 'So far');
    assert.deepEqual(reply.proposals, ['a1']);
    assert.equal(reply.error, 'The answer was cut off: timeout');
    assert.equal(reply.done, false);
  });

  it('turns data that is not JSON into an error event', () => {
    const [event] = chatEvents([{ event: 'delta', data: 'not json' }]);
    assert.equal(event.type, 'error');
  });
});

describe('readChatStream', () => {
  /** A byte stream cut inside a multi-byte character (the em dash is 3 bytes in UTF-8). */
  function bytes(text, size) {
    const all = new TextEncoder().encode(text);
    return new ReadableStream({
      start(controller) {
        for (let i = 0; i < all.length; i += size) controller.enqueue(all.slice(i, i + size));
        controller.close();
      },
    });
  }

  it('streams the reply as it grows and decodes characters split between chunks', async () => {
    const texts = [];
    const reply = await readChatStream(bytes(WIRE, 5), (r) => texts.push(r.text));
    assert.equal(reply.text, 'Form (TSB) +3: fresh — a good day for the key session.');
    assert.ok(texts.includes('Form (TSB) +3: '), 'the first delta is shown before the second arrives');
    assert.equal(reply.done, true);
  });

  it('says so when the stream stops before done', async () => {
    const reply = await readChatStream(bytes(WIRE.slice(0, WIRE.indexOf('event: proposal')), 64), () => {});
    assert.equal(reply.done, false);
    assert.match(reply.error ?? '', /stopped before/);
    assert.equal(reply.text, 'Form (TSB) +3: fresh — a good day for the key session.');
  });
});
