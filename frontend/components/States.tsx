// The loading, error and empty states every page shows (one look everywhere).
import Link from 'next/link';
import RetryButton from './live/RetryButton';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** `onRetry` runs the read again in the browser; a server-rendered card passes `refresh` to read the page again. */
export function ErrorState({ what, message, onRetry, refresh }: { what: string; message: string; onRetry?: () => void; refresh?: boolean }) {
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
      {refresh && !onRetry && <RetryButton />}
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
