import { Suspense } from 'react';
import { Loading } from '@/components/States';
import WorkoutsPage from '@/components/workouts/WorkoutsPage';

export const metadata = { title: 'Workouts · CyclingCoach' };

export default function Page() {
  return (
    <Suspense fallback={<Loading what="workouts" />}>
      <WorkoutsPage />
    </Suspense>
  );
}
