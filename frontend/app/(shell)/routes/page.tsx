import RoutesPage, { type State } from '@/components/routes/RoutesPage';
import { ROUTES_FIRST_SORT, routesPath } from '@/lib/api';
import type { Page as Paged, RouteSummary } from '@/lib/api/types';
import { ServerZoneProvider } from '@/lib/format/zone';
import { requestZone, serverGet } from '@/lib/server/server-api';

export const metadata = { title: 'Routes · CyclingCoach' };
export const dynamic = 'force-dynamic';

// The library's first page (newest first) is read here and comes in the HTML; sorting and uploads ask from the browser.
export default async function Page() {
  const [read, zone] = await Promise.all([serverGet<Paged<RouteSummary>>(routesPath(ROUTES_FIRST_SORT, true)), requestZone()]);
  const initial: State = read.status === 'ready' ? { status: 'ready', items: read.value.items, total: read.value.total } : read;
  return (
    <ServerZoneProvider zone={zone}>
      <RoutesPage initial={initial} />
    </ServerZoneProvider>
  );
}
