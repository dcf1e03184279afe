import LibraryPage, { type LibraryRead } from '@/components/library/LibraryPage';
import type { LibraryWorkout } from '@/lib/api/library';
import { CURRENT_PLAN_PATH, type PlanVersion } from '@/lib/api/plan';
import { requestZone, serverGet } from '@/lib/server/server-api';
import { libraryQuery, plannableDays, readLibraryFilter } from '@/lib/workouts/workout-library.mjs';

export const metadata = { title: 'Workout library · CyclingCoach' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

// The sessions the filter in the address asks for and the plan's days from the rider's today on are read here and
// stream in with the HTML (the heading and the filter go first); a new filter reads the page again (LibraryFilters).
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === 'string') params.set(key, value);
  const filter = readLibraryFilter(params);
  return <LibraryPage filter={filter} read={read(filter)} />;
}

async function read(filter: { type: string; length: string }): Promise<LibraryRead> {
  const [workouts, plan, zone] = await Promise.all([
    serverGet<LibraryWorkout[]>(libraryQuery(filter)),
    serverGet<PlanVersion | null>(CURRENT_PLAN_PATH, { notFoundAsNull: true }),
    requestZone(),
  ]);
  const current = plan.status === 'ready' ? plan.value : null;
  return { workouts, days: plannableDays(current?.plan, zone.today), hasPlan: current !== null };
}
