import { preload } from 'react-dom';
import WorkoutDetail from '@/components/workouts/WorkoutDetail';
import type { Workout } from '@/lib/api/types';
import { requestZone, serverGet } from '@/lib/server/server-api';

export const metadata = { title: 'Ride · CyclingCoach' };
export const dynamic = 'force-dynamic';

// The ride's facts are read here and come in the HTML; its streams (large) are preloaded for the charts, which read
// them in the browser (components/workouts/RideStreams.tsx).
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/api/workouts/${encodeURIComponent(id)}`;
  preload(`${path}/streams`, { as: 'fetch', crossOrigin: 'anonymous' });
  const [workout, zone] = await Promise.all([serverGet<Workout | null>(path, { notFoundAsNull: true }), requestZone()]);
  return <WorkoutDetail workout={workout} zone={zone} />;
}
