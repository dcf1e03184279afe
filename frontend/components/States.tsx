// The loading, error and empty states every page shows (one look everywhere).
import Link from 'next/link';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function ErrorState({ what, message, onRetry }: { what: string; message: string; onRetry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <p>
        Could not load {what}: {message}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

/** A page whose API is not there yet: says so plainly instead of failing. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <section className="card coming-soon" data-testid="coming-soon">
        <p className="empty-title">Coming soon</p>
        <p className="muted">{children}</p>
        <p>
          <Link href="/workouts">Go to your workouts</Link> · <Link href="/routes">Routes</Link>
        </p>
      </section>
    </>
  );
}
