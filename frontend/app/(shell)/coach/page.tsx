import CoachPage from '@/components/coach/CoachPage';

export const metadata = { title: 'Coach · CyclingCoach' };

export default function Page() {
  return <CoachPage />;
}
