import { Suspense } from 'react';
import { Loading } from '@/components/States';
import WorkoutsPage from '@/components/workouts/WorkoutsPage';
import { workoutsPath } from '@/lib/api';
import type { Page as Paged, WorkoutSummary } from '@/lib/api/types';
import { ServerZoneProvider } from '@/lib/format/zone';
import { requestZone, serverGet } from '@/lib/server/server-api';
import { filtersToApiQuery, readFilters } from '@/lib/workouts/workout-filters.mjs';

export const metadata = { title: 'Workouts · CyclingCoach' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

// The list the filters in the address ask for is read here and comes in the HTML; the page asks again from the
// browser on a new filter or page, and when a ride is imported or deleted.
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === 'string') params.set(key, value);
  const query = filtersToApiQuery(readFilters(params));
  const [read, zone] = await Promise.all([serverGet<Paged<WorkoutSummary>>(workoutsPath(query)), requestZone()]);
  const state = read.status === 'ready' ? { status: 'ready' as const, items: read.value.items, total: read.value.total } : read;
  return (
    <ServerZoneProvider zone={zone}>
      <Suspense fallback={<Loading what="workouts" />}>
        <WorkoutsPage initial={{ query, state }} />
      </Suspense>
    </ServerZoneProvider>
  );
}
