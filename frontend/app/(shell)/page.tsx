import Dashboard from '@/components/Dashboard';
import { workoutsPath } from '@/lib/api';
import { analysesPath, compliancePath, fitnessPath, type Analysis, type Compliance, type Fitness } from '@/lib/api/plan';
import { fitnessFrom, RIDES_QUERY, WAITING_QUERY, weekOf } from '@/lib/plan/dashboard-data';
import { requestZone, serverGet } from '@/lib/server/server-api';
import type { Page, WorkoutSummary } from '@/lib/api/types';

// Rendered per request: the cards' first data comes with the HTML (the largest text paints without waiting for
// hydration and a round trip through the proxy); the cards refresh themselves from the browser afterwards.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const zone = await requestZone();
  const { monday, sunday } = weekOf(zone.today);
  const [rides, week, waiting, fitness] = await Promise.all([
    serverGet<Page<WorkoutSummary>>(workoutsPath(RIDES_QUERY)),
    serverGet<Compliance | null>(compliancePath(monday, sunday), { notFoundAsNull: true }),
    serverGet<Page<Analysis>>(analysesPath(WAITING_QUERY)),
    serverGet<Fitness>(fitnessPath(fitnessFrom(zone.today))),
  ]);
  return (
    <>
      <h1>Dashboard</h1>
      <Dashboard initial={{ rides, week, waiting, fitness }} zone={zone} />
    </>
  );
}
