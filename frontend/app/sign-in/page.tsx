import { safeReturnPath } from '@/lib/security/auth';

export const dynamic = 'force-dynamic';

const MESSAGES: Record<string, string> = {
  invalid: 'That API key is not the one this CyclingCoach was started with.',
  unconfigured: 'The web app has no API key configured (Auth__ApiKey).',
};

type Props = { searchParams: Promise<{ error?: string; next?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, next } = await searchParams;
  const message = error ? (MESSAGES[error] ?? MESSAGES.invalid) : null;

  return (
    <main className="sign-in">
      <form className="card sign-in-card" method="post" action="/auth/sign-in">
        <h1>CyclingCoach</h1>
        <p className="muted">
          Paste the API key that <code>./coach up</code> printed. It stays on the server; this browser only keeps a
          signed session cookie.
        </p>
        <label htmlFor="apiKey">API key</label>
        <input
          id="apiKey"
          name="apiKey"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'sign-in-error' : undefined}
        />
        <input type="hidden" name="next" value={safeReturnPath(next)} />
        {message && (
          <p id="sign-in-error" className="field-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
