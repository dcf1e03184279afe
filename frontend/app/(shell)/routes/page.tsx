import RoutesPage from '@/components/routes/RoutesPage';

export const metadata = { title: 'Routes · CyclingCoach' };

export default function Page() {
  return <RoutesPage />;
}
