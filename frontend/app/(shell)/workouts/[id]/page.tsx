import WorkoutDetail from '@/components/workouts/WorkoutDetail';

export const metadata = { title: 'Ride · CyclingCoach' };

export default function Page() {
  return <WorkoutDetail />;
}
