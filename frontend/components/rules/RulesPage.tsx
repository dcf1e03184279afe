'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, listRoutes } from '@/lib/api';
import { diffRules, listRuleVersions, parseRules, saveRules, type RuleParseResponse, type RuleSetDiff, type RuleSetVersion } from '@/lib/api/rules';
import { formatDateTime } from '@/lib/format/format';
import { baselines, diffRows, parsePreview, ruleLines, withEventRoute } from '@/lib/rules/rules-view.mjs';
import type { RouteSummary } from '@/lib/api/types';
import { Empty, ErrorState, Loading } from '../States';
import '../coaching.css';

type Versions = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: RuleSetVersion[]; total: number };
type Routes = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: RouteSummary[] };
/** Route id → name, for the events' courses in every rule line and diff. */
type RouteNames = Map<string, string>;

function problemMessage(e: unknown) {
  return e instanceof ApiError && e.problem?.errors ? Object.values(e.problem.errors).flat().join(' ') : (e as Error).message;
}

const EXAMPLE =
  'I can ride at most 8 hours a week. Rest on Mondays. Long ride on Saturday, up to 4 hours. ' +
  'No more than two hard sessions a week, never two hard days in a row. Tuesdays at most an hour.';

export default function RulesPage() {
  const [versions, setVersions] = useState<Versions>({ status: 'loading' });
  const [text, setText] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<{ text: string; parsed: RuleParseResponse } | null>(null);
  const [busy, setBusy] = useState<'parse' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<RuleSetVersion | null>(null);
  const [routes, setRoutes] = useState<Routes>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const page = await listRuleVersions();
      setVersions({ status: 'ready', items: page.items, total: page.total });
      // The editor starts from the active version's words (once; never over what the rider is typing).
      setText((current) => current ?? page.items.find((v) => v.isActive)?.text ?? '');
    } catch (e) {
      setVersions({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void load(), [load]);
  const loadRoutes = useCallback(async () => {
    try {
      setRoutes({ status: 'ready', items: (await listRoutes('name', false)).items });
    } catch (e) {
      setRoutes({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void loadRoutes(), [loadRoutes]);
  const routeNames: RouteNames = useMemo(() => new Map(routes.status === 'ready' ? routes.items.map((r) => [r.id, r.name]) : []), [routes]);

  const current = text ?? '';
  const previewIsCurrent = preview !== null && preview.text === current.trim();
  const active = versions.status === 'ready' ? versions.items.find((v) => v.isActive) : undefined;
  const nextVersion = versions.status === 'ready' ? Math.max(0, ...versions.items.map((v) => v.version)) + 1 : null;

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    setBusy('parse');
    try {
      const trimmed = current.trim();
      setPreview({ text: trimmed, parsed: await parseRules(trimmed) });
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function onSave() {
    setError(null);
    setBusy('save');
    try {
      const version = await saveRules(current.trim(), name.trim());
      setSaved(version);
      setName('');
      await load();
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Rules</h1>
          <p className="muted">Your training rules in plain words. Every plan the coach makes keeps them.</p>
        </div>
        {active && (
          <p className="badge" data-testid="active-rules">
            Active: version {active.version}
          </p>
        )}
      </div>

      <div className="rules-grid">
        <section className="card" aria-labelledby="editor-heading">
          <h2 id="editor-heading">Write your rules</h2>
          {versions.status === 'loading' && text === null ? (
            <Loading what="your rules" />
          ) : (
            <form onSubmit={onPreview} className="stack wide-stack" aria-label="Rules in plain words" noValidate>
              <label htmlFor="rules-text">In plain words, one rule per sentence</label>
              <textarea
                id="rules-text"
                className="prose-input"
                rows={8}
                maxLength={10_000}
                value={current}
                placeholder={EXAMPLE}
                onChange={(e) => setText(e.target.value)}
                aria-describedby="rules-hint"
              />
              <p id="rules-hint" className="hint muted">
                Days you can ride or must rest, hours a week or on a day, the long ride, hard sessions, holidays
                (2026-12-20 to 2026-12-27) and a target event with its date.
              </p>
              <label htmlFor="rules-name">Name of this version (optional)</label>
              <input id="rules-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="Winter base" />
              <div className="actions">
                <button type="submit" disabled={busy !== null || current.trim() === ''}>
                  {busy === 'parse' ? 'Reading…' : 'Preview'}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy !== null || !previewIsCurrent}
                  onClick={() => void onSave()}
                  data-testid="save-rules"
                >
                  {busy === 'save' ? 'Saving…' : nextVersion ? `Save as version ${nextVersion}` : 'Save'}
                </button>
              </div>
              {!previewIsCurrent && current.trim() !== '' && <p className="hint muted">Preview first to see what the coach understood; then save.</p>}
            </form>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {saved && (
            <p className="success" role="status" data-testid="rules-saved">
              Saved as version {saved.version}.
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="preview-heading" aria-live="polite">
          <h2 id="preview-heading">What the coach understood</h2>
          {preview ? (
            <ParsePreview parsed={preview.parsed} stale={!previewIsCurrent} routeNames={routeNames} />
          ) : active ? (
            <>
              <p className="hint muted">Version {active.version}, in force now. Press Preview to see what your edited words give.</p>
              <RuleLinesList lines={ruleLines(active.rules, routeNames)} testId="active-rule-lines" />
            </>
          ) : (
            <Empty title="No preview yet">Write your rules and press Preview. Nothing is saved until you save.</Empty>
          )}
        </section>
      </div>

      {active && (active.rules.events?.length ?? 0) > 0 && (
        <EventCourses
          active={active}
          routes={routes}
          routeNames={routeNames}
          onRetryRoutes={loadRoutes}
          onSaved={async (version) => {
            setSaved(version);
            await load();
          }}
        />
      )}

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {versions.status === 'loading' && <Loading what="the rule versions" />}
        {versions.status === 'error' && <ErrorState what="the rule versions" message={versions.message} onRetry={load} />}
        {versions.status === 'ready' &&
          (versions.items.length === 0 ? (
            <Empty title="No rules saved yet">The first version you save appears here; each later one with what changed.</Empty>
          ) : (
            <VersionHistory versions={versions.items} total={versions.total} openId={saved?.id ?? versions.items[0].id} routeNames={routeNames} />
          ))}
      </section>
    </>
  );
}

/**
 * The active version's events, each with the route of the library it is ridden on. Picking one saves the next version
 * with the same words and the event's routeId (the plan for an A event with a course prepares for its key climbs).
 */
function EventCourses({ active, routes, routeNames, onRetryRoutes, onSaved }: {
  active: RuleSetVersion;
  routes: Routes;
  routeNames: RouteNames;
  onRetryRoutes: () => void;
  onSaved: (version: RuleSetVersion) => Promise<void>;
}) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const events = active.rules.events ?? [];

  async function pick(index: number, routeId: string) {
    setBusy(index);
    setError(null);
    try {
      const event = events[index];
      const name = routeId ? `Course of ${event.name}: ${routeNames.get(routeId) ?? 'a route'}` : `No course for ${event.name}`;
      await onSaved(await saveRules(active.text, name.slice(0, 120), withEventRoute(active.rules, index, routeId || null)));
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="courses-heading">
      <h2 id="courses-heading">Events and their courses</h2>
      <p className="hint muted">
        Pick the route an event is ridden on: the plan toward an A event then prepares for its key climbs. Your words stay as they are, and a
        later edit of them keeps the course of an event that is still there.
      </p>
      {routes.status === 'error' && <ErrorState what="your routes" message={routes.message} onRetry={onRetryRoutes} />}
      {routes.status === 'ready' && routes.items.length === 0 && (
        <p className="hint muted">
          No routes yet: <Link href="/routes">upload a GPX file on Routes</Link> to pick it here.
        </p>
      )}
      <ul className="event-courses" data-testid="event-courses">
        {events.map((event, i) => {
          const id = `event-route-${i}`;
          const unknown = event.routeId && routes.status === 'ready' && !routeNames.has(event.routeId);
          return (
            <li key={`${event.name}-${event.date}`} className="event-course" data-testid="event-course">
              <div>
                <strong>{event.name}</strong>
                <span className="muted"> · {event.date} · priority {(event.priority ?? 'a').toUpperCase()}</span>
                <p className="event-course-route" data-testid="event-route">
                  {event.routeId ? (
                    <>
                      Course: <Link href={`/routes/${event.routeId}`}>{routeNames.get(event.routeId) ?? 'a route of your library'}</Link>
                      {unknown && <span className="muted"> (no longer in your library)</span>}
                    </>
                  ) : (
                    <span className="muted">No course</span>
                  )}
                </p>
              </div>
              <div className="event-course-pick">
                <label htmlFor={id}>Course</label>
                <select
                  id={id}
                  value={event.routeId ?? ''}
                  disabled={busy !== null || routes.status !== 'ready'}
                  onChange={(e) => void pick(i, e.target.value)}
                >
                  <option value="">No course</option>
                  {unknown && <option value={event.routeId!}>(deleted route)</option>}
                  {routes.status === 'ready' &&
                    routes.items.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name} · {(r.distanceMeters / 1000).toFixed(0)} km
                      </option>
                    ))}
                </select>
                {busy === i && <span className="muted"> Saving…</span>}
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function ParsePreview({ parsed, stale, routeNames }: { parsed: RuleParseResponse; stale: boolean; routeNames: RouteNames }) {
  const view = parsePreview(parsed, routeNames);
  return (
    <div data-testid="rules-preview" className={stale ? 'stale' : undefined}>
      {stale && <p className="warn-box">The text changed since this preview: preview again before saving.</p>}
      {view.nothingUnderstood ? (
        <p className="warn-box">No rule understood. Try one rule per sentence, e.g. “Rest on Mondays.”</p>
      ) : (
        <RuleLinesList lines={view.understood} testId="understood" />
      )}
      {view.notUnderstood.length > 0 && (
        <div className="not-understood" data-testid="not-understood">
          <h3>Not understood</h3>
          <p className="hint muted">These phrases set no rule; reword them or leave them as notes.</p>
          <ul>
            {view.notUnderstood.map((phrase, i) => (
              <li key={i}>“{phrase}”</li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint muted">
        Read by the {view.engine === 'llm' ? 'AI model' : 'built-in coach'}
        {view.fallbackReason ? ` (the AI model failed: ${view.fallbackReason})` : ''}.
      </p>
    </div>
  );
}

function VersionHistory({ versions, total, openId, routeNames }: { versions: RuleSetVersion[]; total: number; openId: string; routeNames: RouteNames }) {
  const base = baselines(versions);
  return (
    <>
      {total > versions.length && (
        <p className="hint muted">
          The newest {versions.length} of {total} versions.
        </p>
      )}
      {/* Keyed by the newest version: a new save starts the comparison again from the two newest. */}
      {versions.length > 1 && <CompareVersions key={versions[0].id} versions={versions} routeNames={routeNames} />}
      <ol className="version-list" data-testid="rule-versions">
        {versions.map((v) => (
          <VersionItem key={v.id} version={v} baseline={base.get(v.id) ?? null} initiallyOpen={v.id === openId} routeNames={routeNames} />
        ))}
      </ol>
    </>
  );
}

type DiffRows = ReturnType<typeof diffRows>;
type Changes = RuleSetDiff['changes'];
/** The changes as the API gave them: worded at render, so a route's name shows once the routes are in. */
type Diff = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; changes: Changes };

function VersionItem({ version, baseline, initiallyOpen, routeNames }: {
  version: RuleSetVersion;
  baseline: RuleSetVersion | null;
  initiallyOpen: boolean;
  routeNames: RouteNames;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [diff, setDiff] = useState<Diff | null>(null);
  useEffect(() => {
    setOpen(initiallyOpen);
  }, [initiallyOpen]);

  const loadDiff = useCallback(async () => {
    if (!baseline) return;
    setDiff({ status: 'loading' });
    try {
      setDiff({ status: 'ready', changes: (await diffRules(baseline.id, version.id)).changes });
    } catch (e) {
      setDiff({ status: 'error', message: (e as Error).message });
    }
  }, [baseline, version.id]);
  useEffect(() => {
    if (open && diff === null) void loadDiff();
  }, [open, diff, loadDiff]);

  const panel = `version-${version.id}`;
  return (
    <li className="version" data-testid="rule-version" data-version={version.version}>
      <button type="button" className="version-head" aria-expanded={open} aria-controls={panel} onClick={() => setOpen((o) => !o)}>
        <span className="version-number">v{version.version}</span>
        <span className="version-name">{version.name || 'Rules'}</span>
        {version.isActive && <span className="badge badge-active">active</span>}
        <span className="muted version-meta">
          {formatDateTime(version.createdAt)} · {version.createdBy}
        </span>
        <span aria-hidden="true" className="chevron">
          {open ? '▾' : '▸'}
        </span>
      </button>
      {open && (
        <div id={panel} className="version-body">
          <h3>{baseline ? `Changes from version ${baseline.version}` : 'First version'}</h3>
          {!baseline ? (
            <RuleLinesList lines={ruleLines(version.rules, routeNames)} />
          ) : diff === null || diff.status === 'loading' ? (
            <Loading what="the changes" />
          ) : diff.status === 'error' ? (
            <ErrorState what="the changes" message={diff.message} onRetry={loadDiff} />
          ) : diffRows(diff.changes, routeNames).length === 0 ? (
            <p className="muted">No rule changed (only the words).</p>
          ) : (
            <DiffTable rows={diffRows(diff.changes, routeNames)} />
          )}
          <details className="version-text">
            <summary>The words of version {version.version}</summary>
            <p>{version.text}</p>
            {version.notUnderstood.length > 0 && <p className="muted">Not understood: {version.notUnderstood.map((p) => `“${p}”`).join(', ')}</p>}
          </details>
        </div>
      )}
    </li>
  );
}

function RuleLinesList({ lines, testId }: { lines: ReturnType<typeof ruleLines>; testId?: string }) {
  return lines.length === 0 ? (
    <p className="muted">No rule set.</p>
  ) : (
    <dl className="rule-list" data-testid={testId}>
      {lines.map((line) => (
        <div key={line.field} className="rule-line">
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DiffTable({ rows, testId = 'rule-diff' }: { rows: DiffRows; testId?: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table diff-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={`diff-${row.kind}`}>
              <th scope="row">
                {row.label} <span className={`diff-kind diff-kind-${row.kind}`}>{row.kind}</span>
              </th>
              <td className="diff-before">{row.before ?? '—'}</td>
              <td className="diff-after">{row.after ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Any two versions side by side (the history shows each against its parent). */
function CompareVersions({ versions, routeNames }: { versions: RuleSetVersion[]; routeNames: RouteNames }) {
  const [from, setFrom] = useState(versions[1]?.id ?? '');
  const [to, setTo] = useState(versions[0]?.id ?? '');
  const [diff, setDiff] = useState<Diff | null>(null);
  const label = (id: string) => `v${versions.find((v) => v.id === id)?.version ?? '?'}`;

  async function compare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDiff({ status: 'loading' });
    try {
      setDiff({ status: 'ready', changes: (await diffRules(from, to)).changes });
    } catch (e) {
      setDiff({ status: 'error', message: (e as Error).message });
    }
  }

  return (
    <details className="compare">
      <summary>Compare two versions</summary>
      <form className="compare-form" onSubmit={compare} aria-label="Compare two rule versions">
        <div>
          <label htmlFor="compare-from">From</label>
          <select id="compare-from" value={from} onChange={(e) => { setFrom(e.target.value); setDiff(null); }}>
            {versions.map((v) => <option key={v.id} value={v.id}>v{v.version} · {v.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="compare-to">To</label>
          <select id="compare-to" value={to} onChange={(e) => { setTo(e.target.value); setDiff(null); }}>
            {versions.map((v) => <option key={v.id} value={v.id}>v{v.version} · {v.name}</option>)}
          </select>
        </div>
        <button type="submit" className="secondary" disabled={from === to}>Compare</button>
      </form>
      {diff?.status === 'loading' && <Loading what="the changes" />}
      {diff?.status === 'error' && <ErrorState what="the changes" message={diff.message} />}
      {diff?.status === 'ready' &&
        (diffRows(diff.changes, routeNames).length === 0 ? (
          <p className="muted">No rule differs between {label(from)} and {label(to)}.</p>
        ) : (
          <DiffTable rows={diffRows(diff.changes, routeNames)} testId="compare-diff" />
        ))}
    </details>
  );
}
