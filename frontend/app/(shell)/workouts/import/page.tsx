import ImportPage from '@/components/workouts/ImportPage';

export const metadata = { title: 'Import · CyclingCoach' };

export default function Page() {
  return <ImportPage />;
}
