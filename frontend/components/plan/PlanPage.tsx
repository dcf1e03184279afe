// The plan page, rendered on the server from what app/(shell)/plan/page.tsx read: the version's facts, the calendar
// (weeks, days, totals, planned against done) and the compliance. What the rider acts on is client leaves: Generate,
// Undo and the live refresh (PlanControls), the week's suggestions, the version history with its diffs, the calendar
// push and the iCal link.
import type { Compliance, PlanVersion, PlanVersionSummary, Week } from '@/lib/api/plan';
import type { Page, PlanPush } from '@/lib/api/types';
import type { Loaded } from '@/lib/api/use-load';
import type { ServerZone } from '@/lib/format/zone';
import { calendarWeeks, versionOrigin } from '@/lib/plan/plan-data.mjs';
import { Empty, ErrorState } from '../States';
import CalendarFeedCard from './CalendarFeedCard';
import CalendarPushCard from './CalendarPushCard';
import PlanCalendar from './PlanCalendar';
import PlanControls, { OpenGenerate, PlanActions, PlanMessageAndPanel } from './PlanControls';
import VersionHistory from './VersionHistory';
import WeekSuggestions from './WeekSuggestions';

export type PlanRead = { current: PlanVersion | null; done: Compliance | null };

type Props = {
  plan: Loaded<PlanRead>;
  versions: Loaded<Page<PlanVersionSummary>>;
  week: Loaded<Week>;
  push: Loaded<PlanPush> | null;
  zone: ServerZone;
};

/** The week's pending suggestions decided at once, the current plan's calendar with planned against done, its versions and diffs, generate, undo and exports. */
export default function PlanPage({ plan, versions, week, push, zone }: Props) {
  const current = plan.status === 'ready' ? plan.value.current : null;
  const done = plan.status === 'ready' ? plan.value.done : null;
  return (
    <PlanControls hasPlan={current !== null}>
      <div className="page-heading">
        <div>
          <h1>Plan</h1>
          {current && (
            <p className="muted" data-testid="plan-summary">
              v{current.version} · {versionOrigin(current).label} · {current.plan.startDate} to {current.plan.endDate} · {current.plan.focus}
            </p>
          )}
        </div>
        <PlanActions version={current?.version ?? null} />
      </div>
      <PlanMessageAndPanel />

      <WeekSuggestions today={zone.today} initial={week} />

      <section className="card" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Calendar</h2>
        {plan.status === 'error' && <ErrorState what="the plan" message={plan.message} refresh />}
        {plan.status === 'ready' && !current && (
          <Empty title="No plan yet">
            Generate one from your rules: <OpenGenerate />
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
        {current && <PlanCalendar weeks={calendarWeeks(current.plan, done?.days ?? [], zone.today)} locale={zone.locale} />}
        {done?.score != null && (
          <p className="muted" data-testid="compliance-score">
            Compliance so far: {Math.round(done.score)} %
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Version history</h2>
        {versions.status === 'error' && <ErrorState what="versions" message={versions.message} refresh />}
        {versions.status === 'ready' && versions.value.items.length === 0 && <p className="muted empty">No versions yet.</p>}
        {versions.status === 'ready' && versions.value.items.length > 0 && <VersionHistory first={versions.value} />}
      </section>

      {current && <CalendarPushCard initial={push ?? undefined} />}
      {current && <CalendarFeedCard />}
    </PlanControls>
  );
}
