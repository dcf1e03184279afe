import RouteDetail from '@/components/routes/RouteDetail';
import type { RouteDetail as Route } from '@/lib/api/types';
import { requestZone, serverGet } from '@/lib/server/server-api';

export const metadata = { title: 'Route · CyclingCoach' };
export const dynamic = 'force-dynamic';

// The route (summary, sections, profile and track) is read here and comes in the HTML.
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [route, zone] = await Promise.all([serverGet<Route | null>(`/api/routes/${encodeURIComponent(id)}`, { notFoundAsNull: true }), requestZone()]);
  return <RouteDetail route={route} zone={zone} />;
}
