import LibraryPage from '@/components/library/LibraryPage';
import type { LibraryWorkout } from '@/lib/api/library';
import { CURRENT_PLAN_PATH, type PlanVersion } from '@/lib/api/plan';
import { ServerZoneProvider } from '@/lib/format/zone';
import { requestZone, serverGet } from '@/lib/server/server-api';
import { libraryQuery } from '@/lib/workouts/workout-library.mjs';

export const metadata = { title: 'Workout library · CyclingCoach' };
export const dynamic = 'force-dynamic';

// Every session (the page opens unfiltered) and the current plan's days are read here and come in the HTML.
export default async function Page() {
  const [workouts, plan, zone] = await Promise.all([
    serverGet<LibraryWorkout[]>(libraryQuery({})),
    serverGet<PlanVersion | null>(CURRENT_PLAN_PATH, { notFoundAsNull: true }),
    requestZone(),
  ]);
  return (
    <ServerZoneProvider zone={zone}>
      <LibraryPage initial={{ workouts, plan }} />
    </ServerZoneProvider>
  );
}
