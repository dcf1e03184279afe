import LibraryPage from '@/components/library/LibraryPage';

export const metadata = { title: 'Workout library · CyclingCoach' };

export default function Page() {
  return <LibraryPage />;
}
