'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '@/lib/api';
import {
  askCoach, getConversation, listConversations, type ConversationMessage, type ConversationSummary, type Reply,
} from '@/lib/api/chat';
import { formatDateTime, relativeTime } from '@/lib/format/format';
import { Empty, ErrorState, Loading } from '../States';
import ProposalCard from './ProposalCard';
import '../coaching.css';

type List = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: ConversationSummary[] };
type Thread = { status: 'empty' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };
type Turn = { key: string; role: 'user' | 'assistant'; text: string; engine?: string | null; proposals: string[]; error?: string | null; streaming?: boolean };

// What the built-in coach answers (services/Coaching/Chat/CoachChatService.cs, Help).
const STARTERS = ['How much training is planned this week?', 'How is my form?', 'When is my next key session?', "Why is today's session planned?"];

const fromMessage = (m: ConversationMessage): Turn => ({
  key: m.id, role: m.role === 'user' ? 'user' : 'assistant', text: m.content, engine: m.engine, proposals: m.proposalIds,
});

export default function CoachPage() {
  const [list, setList] = useState<List>({ status: 'loading' });
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [thread, setThread] = useState<Thread>({ status: 'empty' });
  const [turns, setTurns] = useState<Turn[]>([]);
  const [question, setQuestion] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);

  const loadList = useCallback(async () => {
    try {
      setList({ status: 'ready', items: (await listConversations()).items });
    } catch (e) {
      setList({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void loadList(), [loadList]);
  useEffect(() => () => abort.current?.abort(), []);
  // The log scrolls itself to the newest words (not the page: scrollIntoView would move the whole page).
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [turns]);

  const open = useCallback(async (id: string) => {
    abort.current?.abort();
    setConversationId(id);
    setError(null);
    setThread({ status: 'loading' });
    try {
      const conversation = await getConversation(id);
      setTurns(conversation.messages.map(fromMessage));
      setThread({ status: 'ready' });
    } catch (e) {
      setThread({ status: 'error', message: (e as Error).message });
    }
  }, []);

  // The open conversation is in the address (?conversation=<id>): a reload or a bookmark comes back to it.
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get('conversation');
    if (id) void open(id);
  }, [open]);
  useEffect(() => {
    const url = new URL(window.location.href);
    if ((url.searchParams.get('conversation') ?? null) === conversationId) return;
    if (conversationId) url.searchParams.set('conversation', conversationId);
    else url.searchParams.delete('conversation');
    window.history.replaceState(window.history.state, '', url);
  }, [conversationId]);

  function startNew() {
    abort.current?.abort();
    setConversationId(null);
    setTurns([]);
    setThread({ status: 'empty' });
    setError(null);
    input.current?.focus();
  }

  async function ask(text: string) {
    const message = text.trim();
    if (!message || asking) return;
    setError(null);
    setAsking(true);
    setQuestion('');
    const controller = new AbortController();
    abort.current = controller;
    const replyKey = `reply-${Date.now()}`;
    setTurns((t) => [
      ...t,
      { key: `ask-${Date.now()}`, role: 'user', text: message, proposals: [] },
      { key: replyKey, role: 'assistant', text: '', proposals: [], streaming: true },
    ]);
    setThread({ status: 'ready' });
    const show = (reply: Reply) =>
      setTurns((t) =>
        t.map((turn) =>
          turn.key === replyKey
            ? { ...turn, text: reply.text, proposals: reply.proposals, error: reply.error, engine: reply.engine, streaming: !reply.done && !reply.error }
            : turn,
        ),
      );
    try {
      const reply = await askCoach(message, conversationId, show, controller.signal);
      if (reply.conversationId) setConversationId(reply.conversationId);
      await loadList();
    } catch (e) {
      if (controller.signal.aborted) {
        setTurns((t) => t.map((turn) => (turn.key === replyKey ? { ...turn, streaming: false, error: 'Stopped.' } : turn)));
      } else {
        const text = e instanceof ApiError && e.problem?.errors ? Object.values(e.problem.errors).flat().join(' ') : (e as Error).message;
        setTurns((t) => t.filter((turn) => turn.key !== replyKey));
        setError(text);
        setQuestion(message);
      }
    } finally {
      setAsking(false);
      abort.current = null;
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void ask(question);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter starts a new line (as in most chats).
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void ask(question);
    }
  }

  const title = list.status === 'ready' ? list.items.find((c) => c.id === conversationId)?.title : undefined;

  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Coach</h1>
          <p className="muted">Ask about your training. Changes the coach proposes wait for your approval.</p>
        </div>
        <button type="button" className="secondary" onClick={startNew} disabled={asking}>
          New conversation
        </button>
      </div>
      <div className="coach-grid">
        <section className="card conversation-list" aria-labelledby="conversations-heading">
          <h2 id="conversations-heading">Conversations</h2>
          {list.status === 'loading' && <Loading what="conversations" />}
          {list.status === 'error' && <ErrorState what="conversations" message={list.message} onRetry={loadList} />}
          {list.status === 'ready' &&
            (list.items.length === 0 ? (
              <p className="muted">None yet: your first question starts one.</p>
            ) : (
              <ul data-testid="conversations">
                {list.items.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className={c.id === conversationId ? 'conversation-link current' : 'conversation-link'}
                      aria-current={c.id === conversationId ? 'true' : undefined}
                      onClick={() => void open(c.id)}
                      disabled={asking}
                    >
                      <span className="conversation-title">{c.title}</span>
                      <span className="muted conversation-when" title={formatDateTime(c.updatedAt)}>
                        {relativeTime(c.updatedAt)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </section>

        <section className="card chat" aria-labelledby="chat-heading">
          <h2 id="chat-heading" className="chat-title">
            {title ?? (conversationId ? 'Conversation' : 'New conversation')}
          </h2>
          <div className="chat-log" ref={log} data-testid="chat-log" aria-live="polite" aria-busy={asking}>
            {thread.status === 'loading' && <Loading what="the conversation" />}
            {thread.status === 'error' && <ErrorState what="the conversation" message={thread.message} onRetry={() => conversationId && void open(conversationId)} />}
            {thread.status === 'empty' && (
              <Empty title="Ask the coach">
                <p>Try one of these:</p>
                <div className="starters">
                  {STARTERS.map((s) => (
                    <button key={s} type="button" className="secondary small" onClick={() => void ask(s)} disabled={asking}>
                      {s}
                    </button>
                  ))}
                </div>
              </Empty>
            )}
            {thread.status === 'ready' &&
              turns.map((turn) => (
                <article key={turn.key} className={`bubble bubble-${turn.role}`} data-testid={turn.role === 'assistant' ? 'coach-reply' : 'my-question'}>
                  <p className="bubble-who">
                    {turn.role === 'user' ? 'You' : 'Coach'}
                    {turn.role === 'assistant' && turn.engine && <span className="badge">{turn.engine === 'llm' ? 'AI model' : 'built-in coach'}</span>}
                  </p>
                  <div className="bubble-text">
                    {turn.text || (turn.streaming ? <span className="muted">Thinking…</span> : null)}
                    {turn.streaming && <span className="cursor" aria-hidden="true" />}
                  </div>
                  {turn.error && <p className="field-error">{turn.error}</p>}
                  {turn.proposals.map((id) => (
                    <ProposalCard key={id} analysisId={id} />
                  ))}
                </article>
              ))}
          </div>
          <form className="chat-form" onSubmit={onSubmit} aria-label="Ask the coach">
            <label htmlFor="chat-question" className="visually-hidden">
              Your question
            </label>
            <textarea
              id="chat-question"
              ref={input}
              rows={2}
              maxLength={4000}
              className="prose-input"
              placeholder="Ask about your week, your form, a session…"
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <div className="actions">
              {asking ? (
                <button type="button" className="danger" onClick={() => abort.current?.abort()}>
                  Stop
                </button>
              ) : (
                <button type="submit" disabled={question.trim() === ''}>
                  Send
                </button>
              )}
              <span className="hint muted">Enter sends · Shift+Enter for a new line</span>
            </div>
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
        </section>
      </div>
    </>
  );
}
