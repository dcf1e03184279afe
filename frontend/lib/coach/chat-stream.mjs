// The ask-the-coach answer: POST /api/coach/chat answers as server-sent events (conversation, delta…, proposal…,
// error, done: the chat names of lib/api/events.json). EventSource only does GET, so the page reads the
// response body itself: this parses the SSE wire format from chunks split anywhere and folds the events into the
// reply being written. Pure, plain ESM (node --test runs it unbuilt).

/** @typedef {{ event: string, data: string, id?: string }} SseMessage */
/**
 * @typedef {{ type: string, conversationId?: string | null, text?: string | null, analysisId?: string | null,
 *   messageId?: string | null, engine?: string | null }} ChatEvent
 */
/**
 * @typedef {{ conversationId: string | null, text: string, proposals: string[], error: string | null,
 *   done: boolean, messageId: string | null, engine: string | null }} Reply
 */

/**
 * An incremental parser of the text/event-stream format (WHATWG HTML §9.2.6): lines end in CRLF, LF or CR (a CR
 * at the end of one chunk and the LF starting the next are one line end), `data:` lines of one event join with
 * LF, a blank line dispatches, `:` lines are comments, one space after the colon is dropped.
 * @returns {{ push: (chunk: string) => SseMessage[], end: () => SseMessage[] }}
 */
export function createSseParser() {
  let buffer = '';
  let skipLeadingLf = false;
  let event = '';
  /** @type {string[]} */
  let data = [];
  let id = /** @type {string | undefined} */ (undefined);
  let first = true;

  /** @param {string} line @param {SseMessage[]} out */
  function line(line, out) {
    if (line === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  /** @param {string} chunk */
  function push(chunk) {
    /** @type {SseMessage[]} */
    const out = [];
    if (chunk === '') return out;
    if (first) {
      first = false;
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
    }
    if (skipLeadingLf && chunk.startsWith('\n')) chunk = chunk.slice(1);
    skipLeadingLf = false;
    buffer += chunk;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      line(buffer.slice(start, i), out);
      if (c === '\r') {
        if (i + 1 < buffer.length) {
          if (buffer[i + 1] === '\n') i++;
        } else {
          skipLeadingLf = true;
        }
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
    return out;
  }

  /** The stream ended: an event without its blank line is incomplete and dropped, as a browser does. */
  function end() {
    buffer = '';
    data = [];
    event = '';
    return [];
  }

  return { push, end };
}

/** @returns {Reply} */
export function emptyReply() {
  return { conversationId: null, text: '', proposals: [], error: null, done: false, messageId: null, engine: null };
}

/**
 * The reply after one more chat event. Unknown event types change nothing, so a newer server stays readable.
 * @param {Reply} reply @param {ChatEvent} event @returns {Reply}
 */
export function applyChatEvent(reply, event) {
  switch (event.type) {
    case 'conversation':
      return { ...reply, conversationId: event.conversationId ?? reply.conversationId };
    case 'delta':
      return { ...reply, text: reply.text + (event.text ?? '') };
    case 'proposal':
      return event.analysisId && !reply.proposals.includes(event.analysisId)
        ? { ...reply, proposals: [...reply.proposals, event.analysisId] }
        : reply;
    case 'error':
      return { ...reply, error: event.text ?? 'The answer failed.' };
    case 'done':
      return {
        ...reply,
        done: true,
        conversationId: event.conversationId ?? reply.conversationId,
        messageId: event.messageId ?? null,
        engine: event.engine ?? null,
      };
    default:
      return reply;
  }
}

/**
 * The chat events in parsed SSE messages; a message whose data is not JSON becomes an `error` event.
 * @param {SseMessage[]} messages @returns {ChatEvent[]}
 */
export function chatEvents(messages) {
  return messages.map((m) => {
    try {
      const body = JSON.parse(m.data);
      return { ...body, type: body?.type ?? m.event };
    } catch {
      return { type: 'error', text: `Unreadable event from the coach: ${m.data.slice(0, 80)}` };
    }
  });
}

/**
 * Reads a chat response body to its end, calling `onReply` with the reply after every event. Resolves with the
 * final reply; a stream that ends without `done` resolves with `error` set.
 * @param {ReadableStream<Uint8Array>} body @param {(reply: Reply) => void} onReply @returns {Promise<Reply>}
 */
export async function readChatStream(body, onReply) {
  const parser = createSseParser();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let reply = emptyReply();
  const apply = (/** @type {SseMessage[]} */ messages) => {
    for (const event of chatEvents(messages)) {
      reply = applyChatEvent(reply, event);
      onReply(reply);
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    apply(parser.push(decoder.decode(value, { stream: true })));
  }
  apply(parser.push(decoder.decode()));
  parser.end();
  if (!reply.done && !reply.error) {
    reply = { ...reply, error: 'The answer stopped before it was finished.' };
    onReply(reply);
  }
  return reply;
}
