'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '@/lib/api';
import { compliance, currentPlan, planVersions, undoPlan, type PlanVersion, type PlanVersionSummary } from '@/lib/api/plan';
import { useEventListener } from '@/lib/client/events';
import { appendPage, calendarWeeks, localToday, versionOrigin } from '@/lib/plan/plan-data.mjs';
import type { Page } from '@/lib/api/types';
import { useLoad, type Loaded } from '@/lib/api/use-load';
import { Empty, ErrorState, Loading } from '../States';
import CalendarFeedCard from './CalendarFeedCard';
import CalendarPushCard from './CalendarPushCard';
import GeneratePlanForm from './GeneratePlanForm';
import PlanCalendar from './PlanCalendar';
import VersionHistory from './VersionHistory';
import WeekSuggestions from './WeekSuggestions';

/** The week's pending suggestions decided at once, the current plan's calendar with planned against done, its versions and diffs, generate, undo and exports. */
export default function PlanPage() {
  const today = localToday();
  const [plan, reloadPlan] = useLoad(async () => {
    const current = await currentPlan();
    const done = current ? await compliance(current.plan.startDate, current.plan.endDate ?? undefined) : null;
    return { current, done };
  }, []);
  const [versions, reloadVersions] = useLoad(() => planVersions(1, VERSIONS_PAGE), []);
  const history = useOlderVersions(versions);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [showGenerate, setShowGenerate] = useState(false);

  const reload = useCallback(() => {
    void reloadPlan();
    void reloadVersions();
  }, [reloadPlan, reloadVersions]);
  useEventListener(['plan-version-created', 'workout-imported', 'workout-deleted'], reload);

  const weeks = useMemo(
    () => (plan.status === 'ready' && plan.value.current ? calendarWeeks(plan.value.current.plan, plan.value.done?.days ?? [], today) : null),
    [plan, today],
  );

  function generated(version: PlanVersion) {
    setShowGenerate(false);
    setMessage({ text: `Plan v${version.version} generated${version.repairs.length ? ` (${version.repairs.length} repairs to keep the rules)` : ''}.` });
    reload();
  }

  async function undo() {
    setUndoing(true);
    setMessage(null);
    try {
      const version = await undoPlan();
      setMessage({ text: `Undone: v${version.version} is the plan before the last change.` });
      reload();
    } catch (error) {
      setMessage({ text: error instanceof ApiError && error.status === 409 ? (error.problem?.detail ?? 'Nothing to undo.') : `Could not undo: ${(error as Error).message}`, bad: true });
    } finally {
      setUndoing(false);
    }
  }

  const current = plan.status === 'ready' ? plan.value.current : null;
  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Plan</h1>
          {current && (
            <p className="muted" data-testid="plan-summary">
              v{current.version} · {versionOrigin(current).label} · {current.plan.startDate} to {current.plan.endDate} · {current.plan.focus}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="button" onClick={() => setShowGenerate((v) => !v)} aria-expanded={showGenerate} aria-controls="generate-panel">
            {current ? 'Generate…' : 'Generate plan…'}
          </button>
          {current && current.version > 1 && (
            <button type="button" className="secondary" onClick={undo} disabled={undoing}>
              {undoing ? 'Undoing…' : 'Undo last change'}
            </button>
          )}
        </div>
      </div>
      {message && (
        <p className={message.bad ? 'field-error' : 'success'} role={message.bad ? 'alert' : 'status'} data-testid="plan-message">
          {message.text}
        </p>
      )}
      {showGenerate && (
        <section className="card" id="generate-panel" aria-labelledby="generate-heading">
          <h2 id="generate-heading">Generate a plan</h2>
          <p className="muted hint">From your active rules, your thresholds and current fitness. It becomes the current version; the old one stays in the history.</p>
          <GeneratePlanForm onGenerated={generated} hasPlan={current !== null} />
        </section>
      )}

      <WeekSuggestions today={today} onChanged={reload} />

      <section className="card" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Calendar</h2>
        {plan.status === 'loading' && <Loading what="the plan" />}
        {plan.status === 'error' && <ErrorState what="the plan" message={plan.message} onRetry={reloadPlan} />}
        {plan.status === 'ready' && !current && (
          <Empty title="No plan yet">
            Generate one from your rules: <button type="button" className="secondary small" onClick={() => setShowGenerate(true)}>Generate plan…</button>
          </Empty>
        )}
        {current?.plan.notes && (
          <p className="plan-notes" data-testid="plan-notes">
            {current.plan.notes}
          </p>
        )}
        {current && (current.warnings.length > 0 || current.repairs.length > 0) && (
          <ul className="warnings">
            {[...current.repairs, ...current.warnings].map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {weeks && <PlanCalendar weeks={weeks} />}
        {plan.status === 'ready' && plan.value.done?.score != null && (
          <p className="muted" data-testid="compliance-score">
            Compliance so far: {Math.round(plan.value.done.score)} %
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Version history</h2>
        {versions.status === 'loading' && <Loading what="versions" />}
        {versions.status === 'error' && <ErrorState what="versions" message={versions.message} onRetry={reloadVersions} />}
        {versions.status === 'ready' && versions.value.items.length === 0 && <p className="muted empty">No versions yet.</p>}
        {versions.status === 'ready' && versions.value.items.length > 0 && (
          <VersionHistory
            versions={history.items}
            more={
              history.items.length < versions.value.total && (
                <div className="load-more">
                  {history.older.status === 'error' && <ErrorState what="older versions" message={history.older.message} />}
                  <button type="button" className="secondary" onClick={history.loadOlder} disabled={history.older.status === 'loading'} data-testid="older-versions">
                    {history.older.status === 'loading' ? 'Loading…' : `Show older versions (${versions.value.total - history.items.length} more)`}
                  </button>
                </div>
              )
            }
          />
        )}
      </section>

      {current && <CalendarPushCard />}
      {current && <CalendarFeedCard />}
    </>
  );
}

const VERSIONS_PAGE = 50;

type Older = { pages: number; items: PlanVersionSummary[]; status: 'idle' | 'loading' } | { pages: number; items: PlanVersionSummary[]; status: 'error'; message: string };

/** The history's first page (from useLoad) and the older pages the rider asked for; a reload starts over. */
function useOlderVersions(first: Loaded<Page<PlanVersionSummary>>) {
  const [older, setOlder] = useState<Older>({ pages: 1, items: [], status: 'idle' });
  useEffect(() => setOlder({ pages: 1, items: [], status: 'idle' }), [first]);
  const items = useMemo(() => (first.status === 'ready' ? appendPage(first.value.items, older.items) : []), [first, older.items]);
  const loadOlder = useCallback(async () => {
    setOlder((o) => ({ ...o, status: 'loading' }));
    try {
      // Pages counted, not items: a version created meanwhile shifts each page by one, and the duplicate is dropped.
      const page = await planVersions(older.pages + 1, VERSIONS_PAGE);
      setOlder((o) => ({ pages: o.pages + 1, items: appendPage(o.items, page.items), status: 'idle' }));
    } catch (error) {
      setOlder((o) => ({ ...o, status: 'error', message: (error as Error).message }));
    }
  }, [older.pages]);
  return { items, older, loadOlder };
}
