import Dashboard from '@/components/Dashboard';

export default function HomePage() {
  return (
    <>
      <h1>Dashboard</h1>
      <Dashboard />
    </>
  );
}
