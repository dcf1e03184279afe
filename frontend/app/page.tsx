import Dashboard from '@/components/Dashboard';

export default function HomePage() {
  return (
    <>
      <header className="topbar">
        <span className="brand">CyclingCoach</span>
        <form method="post" action="/auth/sign-out">
          <button type="submit" className="link-button">
            Sign out
          </button>
        </form>
      </header>
      <main className="page">
        <Dashboard />
      </main>
    </>
  );
}
