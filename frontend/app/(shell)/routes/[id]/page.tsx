import RouteDetail from '@/components/routes/RouteDetail';

export const metadata = { title: 'Route · CyclingCoach' };

export default function Page() {
  return <RouteDetail />;
}
