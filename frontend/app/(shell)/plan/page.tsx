import PlanPage from '@/components/plan/PlanPage';

export const metadata = { title: 'Plan · CyclingCoach' };

export default function Page() {
  return <PlanPage />;
}
