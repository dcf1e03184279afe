'use client';

import Link from 'next/link';
import { compliance, type Compliance } from '@/lib/api/plan';
import { weekOf } from '@/lib/plan/dashboard-data';
import { useEventListener } from '@/lib/client/events';
import { formatDuration, weekdayLabel } from '@/lib/format/format';
import { weekPlannedVsDone } from '@/lib/plan/plan-data.mjs';
import { useLoad, type Loaded } from '@/lib/api/use-load';
import { useToday, useZone } from '@/lib/format/zone';
import { Empty, ErrorState, Loading } from '../States';

const STATUS = { done: 'Done', partial: 'Partly done', missed: 'Missed', rest: 'Rest', extra: 'Unplanned ride', upcoming: 'Planned' } as const;

/** This week (Monday to Sunday) planned against done, from the current plan's compliance. */
export default function WeekCard({ initial }: { initial?: Loaded<Compliance | null> }) {
  const today = useToday();
  const { monday, sunday } = weekOf(today);
  const [state, reload] = useLoad(() => compliance(monday, sunday), [monday], initial);
  useEventListener(['plan-version-created', 'workout-imported', 'workout-deleted'], () => void reload());

  return (
    <section className="card" aria-labelledby="week-heading" data-testid="week-card">
      <div className="card-heading">
        <h2 id="week-heading">This week</h2>
        <Link href="/plan" className="muted">
          Plan →
        </Link>
      </div>
      {state.status === 'loading' && <Loading what="this week" />}
      {state.status === 'error' && <ErrorState what="this week" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.value === null && (
        <Empty title="No plan yet">
          <Link href="/plan">Generate a plan</Link> to see planned against done here.
        </Empty>
      )}
      {state.status === 'ready' && state.value && <Week days={state.value.days} monday={monday} today={today} />}
    </section>
  );
}

function Week({ days, monday, today }: { days: Parameters<typeof weekPlannedVsDone>[0]; monday: string; today: string }) {
  const { locale } = useZone();
  const { rows, totals } = weekPlannedVsDone(days, monday, today);
  const pct = totals.plannedSeconds > 0 ? Math.min(100, (100 * totals.doneSeconds) / totals.plannedSeconds) : 0;
  return (
    <>
      <p className="week-totals" data-testid="week-totals">
        <strong>{formatDuration(totals.doneSeconds)}</strong> of {formatDuration(totals.plannedSeconds)} h ·{' '}
        <strong>{Math.round(totals.doneLoad)}</strong> of {Math.round(totals.plannedTss)} TSS · {totals.sessionsDone}/{totals.sessionsPlanned} sessions
      </p>
      <div className="progress" role="progressbar" aria-label="Share of the week's planned time ridden" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <ol className="week-days">
        {rows.map((r) => (
          <li key={r.date} className={`week-day status-${r.status}${r.when === 'today' ? ' is-today' : ''}`} data-testid="week-day" data-status={r.status}>
            <span className="week-date">{weekdayLabel(r.date, locale)}</span>
            <span className="week-plan">{r.planned.length === 0 ? 'Rest' : r.planned.map((s) => s.name).join(' + ')}</span>
            <span className="week-done">
              {r.doneSeconds > 0 ? formatDuration(r.doneSeconds) : r.plannedSeconds > 0 ? `– / ${formatDuration(r.plannedSeconds)}` : ''}
              {r.compliancePercent != null && (r.doneSeconds > 0 || r.when === 'past') && ` · ${Math.round(r.compliancePercent)} %`}
            </span>
            <span className="badge">{STATUS[r.status]}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
