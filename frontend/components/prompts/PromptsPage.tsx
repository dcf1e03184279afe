'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api';
import {
  activatePrompt, createPrompt, listAiCalls, listPrompts, promptPlaceholders, type AiAction, type AiCallPage, type Prompt,
} from '@/lib/api/prompts';
import { formatDateTime } from '@/lib/format/format';
import {
  ACTION_LABELS, formatCost, formatLatency, formatTokens, groupPrompts, insertPlaceholder, isFailure, tabKeyTarget, unknownPlaceholders, unusedPlaceholders,
} from '@/lib/coach/prompts-view.mjs';
import { Empty, ErrorState, Loading } from '../States';
import '../coaching.css';

type Data =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; prompts: Prompt[]; placeholders: Record<string, string[]> };

/** `engine`: the AI engine's status, rendered on the server by the page (components/settings/EngineStatus.tsx). */
export default function PromptsPage({ engine }: { engine: React.ReactNode }) {
  const [data, setData] = useState<Data>({ status: 'loading' });
  const [action, setAction] = useState<string>('rule_parsing');

  const load = useCallback(async () => {
    try {
      const [page, placeholders] = await Promise.all([listPrompts(), promptPlaceholders()]);
      setData({ status: 'ready', prompts: page.items, placeholders: Object.fromEntries(placeholders.map((p) => [p.action, p.placeholders])) });
    } catch (e) {
      setData({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const groups = data.status === 'ready' ? groupPrompts(data.prompts) : null;

  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Prompts</h1>
          <p className="muted">What the AI model is told for each job, versioned. The built-in coach needs no prompt.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="engine-heading">
        <h2 id="engine-heading">AI engine</h2>
        {engine}
      </section>

      <section className="card" aria-labelledby="prompts-heading">
        <h2 id="prompts-heading">Prompts per job</h2>
        {data.status === 'loading' && <Loading what="the prompts" />}
        {data.status === 'error' && <ErrorState what="the prompts" message={data.message} onRetry={load} />}
        {groups && data.status === 'ready' && (
          <>
            {/* WAI-ARIA tabs: one tab in the Tab order (roving tabindex); arrows, Home and End move and select. */}
            <div className="tabs" role="tablist" aria-label="Job" onKeyDown={(event) => {
              const actions = [...groups.keys()];
              const target = tabKeyTarget(event.key, actions.indexOf(action), actions.length);
              if (target == null) return;
              event.preventDefault();
              setAction(actions[target]);
              document.getElementById(`tab-${actions[target]}`)?.focus();
            }}>
              {[...groups.keys()].map((a) => (
                <button
                  key={a}
                  type="button"
                  role="tab"
                  id={`tab-${a}`}
                  aria-selected={a === action}
                  aria-controls="prompt-panel"
                  tabIndex={a === action ? 0 : -1}
                  className={a === action ? 'tab active' : 'tab'}
                  onClick={() => setAction(a)}
                  data-testid="prompt-tab"
                >
                  {ACTION_LABELS[a] ?? a}
                  <span className="tab-count">{[...(groups.get(a)?.values() ?? [])].flat().length}</span>
                </button>
              ))}
            </div>
            <div id="prompt-panel" role="tabpanel" aria-labelledby={`tab-${action}`}>
              <ActionPrompts
                key={action}
                action={action}
                models={groups.get(action) ?? new Map()}
                allowed={data.placeholders[action] ?? []}
                onChanged={load}
              />
            </div>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="calls-heading">
        <h2 id="calls-heading">AI call log</h2>
        <AiCallLog />
      </section>
    </>
  );
}

function ActionPrompts({ action, models, allowed, onChanged }: { action: string; models: Map<string, Prompt[]>; allowed: string[]; onChanged: () => Promise<void> }) {
  const modelNames = [...models.keys()];
  const [model, setModel] = useState(modelNames[0] ?? 'default');
  const versions = models.get(model) ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = versions.find((v) => v.id === selectedId) ?? versions.find((v) => v.isActive) ?? versions[0] ?? null;
  const [editing, setEditing] = useState<{ model: string; template: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function act(work: () => Promise<Prompt>, message: (p: Prompt) => string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const prompt = await work();
      await onChanged();
      setModel(prompt.model);
      setSelectedId(prompt.id);
      setEditing(null);
      setNotice(message(prompt));
    } catch (e) {
      setError(e instanceof ApiError && e.problem?.errors ? Object.values(e.problem.errors).flat().join(' ') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="prompt-layout">
      <div className="prompt-versions">
        <label htmlFor="prompt-model">Model</label>
        <select id="prompt-model" value={model} onChange={(e) => { setModel(e.target.value); setSelectedId(null); }}>
          {(modelNames.length ? modelNames : ['default']).map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <p className="hint muted">“default” serves every model without a prompt of its own.</p>
        {versions.length === 0 ? (
          <p className="muted">No prompt for this job yet.</p>
        ) : (
          <ol className="prompt-version-list" data-testid="prompt-versions">
            {versions.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className={v.id === selected?.id ? 'version-pick current' : 'version-pick'}
                  aria-pressed={v.id === selected?.id}
                  onClick={() => setSelectedId(v.id)}
                >
                  v{v.version} {v.isActive && <span className="badge badge-active">active</span>}
                  <span className="muted version-meta">
                    {formatDateTime(v.createdAt)} · {v.createdBy}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>

      <div className="prompt-detail">
        {editing ? (
          <PromptEditor
            action={action}
            allowed={allowed}
            draft={editing}
            busy={busy}
            onChange={setEditing}
            onCancel={() => { setEditing(null); setError(null); }}
            onSave={() => void act(() => createPrompt(action as AiAction, editing.model, editing.template), (p) => `Saved version ${p.version} for ${p.model}; it is active now.`)}
          />
        ) : selected ? (
          <>
            <div className="card-heading">
              <h3>
                Version {selected.version} {selected.isActive ? <span className="badge badge-active">active</span> : <span className="badge">inactive</span>}
              </h3>
              <div className="actions">
                <button type="button" className="small" onClick={() => setEditing({ model: selected.model, template: selected.template })} disabled={busy}>
                  Edit as new version
                </button>
                {!selected.isActive && (
                  <button
                    type="button"
                    className="small secondary"
                    disabled={busy}
                    onClick={() => void act(() => activatePrompt(selected.id), (p) => `Version ${p.version} is active again.`)}
                  >
                    Activate (roll back)
                  </button>
                )}
              </div>
            </div>
            <pre className="prompt-template" data-testid="prompt-template" tabIndex={0}>
              {selected.template}
            </pre>
          </>
        ) : (
          <Empty title="No prompt">
            <button type="button" className="small" onClick={() => setEditing({ model, template: '' })}>
              Write one
            </button>
          </Empty>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {notice && (
          <p className="success" role="status">
            {notice}
          </p>
        )}
      </div>
    </div>
  );
}

function PromptEditor({
  action, allowed, draft, busy, onChange, onCancel, onSave,
}: {
  action: string;
  allowed: string[];
  draft: { model: string; template: string };
  busy: boolean;
  onChange: (draft: { model: string; template: string }) => void;
  onCancel: () => void;
  onSave: () => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const unknown = unknownPlaceholders(draft.template, allowed);
  const unused = unusedPlaceholders(draft.template, allowed);

  function insert(name: string) {
    const el = area.current;
    const start = el?.selectionStart ?? draft.template.length;
    const end = el?.selectionEnd ?? start;
    const next = insertPlaceholder(draft.template, start, end, name);
    onChange({ ...draft, template: next.text });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  }

  return (
    <form className="stack wide-stack" aria-label={`Edit the ${ACTION_LABELS[action] ?? action} prompt`} onSubmit={(e) => { e.preventDefault(); onSave(); }}>
      <label htmlFor="prompt-edit-model">For model</label>
      <input id="prompt-edit-model" value={draft.model} maxLength={120} onChange={(e) => onChange({ ...draft, model: e.target.value })} aria-describedby="prompt-model-hint" />
      <p id="prompt-model-hint" className="hint muted">
        “default” serves every model without its own prompt; a model id (e.g. anthropic/claude-sonnet-4.5) takes precedence for that model.
      </p>
      <label htmlFor="prompt-edit-template">Template</label>
      <textarea
        id="prompt-edit-template"
        ref={area}
        rows={16}
        value={draft.template}
        onChange={(e) => onChange({ ...draft, template: e.target.value })}
        aria-invalid={unknown.length > 0 ? true : undefined}
        aria-describedby="placeholder-help"
      />
      <div id="placeholder-help" className="placeholder-help">
        <p className="hint">
          Placeholders for this job (click to insert at the cursor). Data goes in as JSON, so it reads as data:
        </p>
        <div className="actions" data-testid="placeholders">
          {allowed.map((name) => (
            <button key={name} type="button" className="small secondary placeholder" onClick={() => insert(name)}>
              {`{{${name}}}`}
            </button>
          ))}
        </div>
        {unknown.length > 0 && (
          <p className="field-error">
            Not known for this job: {unknown.map((n) => `{{${n}}}`).join(', ')}. The server refuses the template with these.
          </p>
        )}
        {unknown.length === 0 && unused.length > 0 && <p className="hint muted">Not used: {unused.map((n) => `{{${n}}}`).join(', ')} — the model will not see that data.</p>}
      </div>
      <div className="actions">
        <button type="submit" disabled={busy || unknown.length > 0 || draft.template.trim() === ''}>
          {busy ? 'Saving…' : 'Save as new version'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type Calls = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: AiCallPage };

function AiCallLog() {
  const [page, setPage] = useState(1);
  const [calls, setCalls] = useState<Calls>({ status: 'loading' });
  const pageSize = 25;

  const load = useCallback(async () => {
    try {
      setCalls({ status: 'ready', page: await listAiCalls(page, pageSize) });
    } catch (e) {
      setCalls({ status: 'error', message: (e as Error).message });
    }
  }, [page]);
  useEffect(() => void load(), [load]);

  if (calls.status === 'loading') return <Loading what="the AI calls" />;
  if (calls.status === 'error') return <ErrorState what="the AI calls" message={calls.message} onRetry={load} />;
  const { items, total } = calls.page;
  if (total === 0)
    return (
      <Empty title="No AI calls yet">
        Every call to the AI model is logged here with its tokens, cost, latency and outcome. The built-in coach makes none.
      </Empty>
    );
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <div className="table-scroll">
        <table className="data-table" data-testid="ai-calls">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Job</th>
              <th scope="col">Prompt</th>
              <th scope="col">Model</th>
              <th scope="col" className="num">Tokens in → out</th>
              <th scope="col" className="num">Cost</th>
              <th scope="col" className="num">Latency</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>{formatDateTime(c.startedAt)}</td>
                <td>{ACTION_LABELS[c.action] ?? c.action}</td>
                <td>{c.promptVersion ? `v${c.promptVersion}` : '—'}</td>
                <td title={c.modelUsed && c.modelUsed !== c.modelRequested ? `asked for ${c.modelRequested}` : undefined}>{c.modelUsed ?? c.modelRequested}</td>
                <td className="num">{formatTokens(c.inputTokens, c.outputTokens)}</td>
                <td className="num">{formatCost(c.cost)}</td>
                <td className="num">{formatLatency(c.latencyMilliseconds)}</td>
                <td>
                  <span className={isFailure(c.outcome) ? 'outcome outcome-bad' : 'outcome outcome-good'} title={c.error ?? undefined}>
                    {c.outcome.replace(/_/g, ' ')}
                  </span>
                  {c.attempts > 1 && <span className="muted"> · {c.attempts} attempts</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="pager">
          <button type="button" className="secondary small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            ← Newer
          </button>
          <span className="muted">
            Page {page} of {pages} · {total} calls
          </span>
          <button type="button" className="secondary small" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Older →
          </button>
        </div>
      )}
    </>
  );
}
