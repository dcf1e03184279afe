import { preload } from 'react-dom';
import WorkoutDetail from '@/components/workouts/WorkoutDetail';

export const metadata = { title: 'Ride · CyclingCoach' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  preload(`/api/workouts/${encodeURIComponent(id)}/streams`, { as: 'fetch', crossOrigin: 'anonymous' });
  return <WorkoutDetail />;
}
