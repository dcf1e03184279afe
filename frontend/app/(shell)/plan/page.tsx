import PlanPage, { type PlanRead } from '@/components/plan/PlanPage';
import { compliancePath, CURRENT_PLAN_PATH, planVersionsPath, weekPath, type Compliance, type PlanVersion, type PlanVersionSummary, type Week } from '@/lib/api/plan';
import { PLAN_PUSH_PATH } from '@/lib/api/plan-push';
import type { Page as Paged, PlanPush } from '@/lib/api/types';
import type { Loaded } from '@/lib/api/use-load';
import { ServerZoneProvider } from '@/lib/format/zone';
import { mondayOf } from '@/lib/plan/plan-data.mjs';
import { requestZone, serverGet } from '@/lib/server/server-api';

export const metadata = { title: 'Plan · CyclingCoach' };
export const dynamic = 'force-dynamic';

// The plan, what was ridden of it, its history's first page, this week's suggestions and the calendar push are read
// here and come in the HTML; the client parts read again after a change and on live events (router.refresh).
export default async function Page() {
  const zone = await requestZone();
  const [current, versions, week, push] = await Promise.all([
    serverGet<PlanVersion | null>(CURRENT_PLAN_PATH, { notFoundAsNull: true }),
    serverGet<Paged<PlanVersionSummary>>(planVersionsPath()),
    serverGet<Week>(weekPath(mondayOf(zone.today))),
    serverGet<PlanPush>(PLAN_PUSH_PATH),
  ]);
  return (
    <ServerZoneProvider zone={zone}>
      <PlanPage plan={await withCompliance(current)} versions={versions} week={week} push={push} zone={zone} />
    </ServerZoneProvider>
  );
}

/** The current plan with its days planned against done (from its start to its end); either failing fails the card. */
async function withCompliance(current: Loaded<PlanVersion | null>): Promise<Loaded<PlanRead>> {
  if (current.status !== 'ready') return current;
  if (!current.value) return { status: 'ready', value: { current: null, done: null } };
  const done = await serverGet<Compliance | null>(compliancePath(current.value.plan.startDate, current.value.plan.endDate ?? undefined), { notFoundAsNull: true });
  return done.status === 'ready' ? { status: 'ready', value: { current: current.value, done: done.value } } : done;
}
