import { readApiKey, SESSION_COOKIE, sessionSecret, verifySessionToken } from './session.mjs';

type CookieSource = { cookies: { get(name: string): { value: string } | undefined } };

/** True when the request carries a valid session cookie for the configured API key. */
export function hasValidSession(request: CookieSource): boolean {
  return verifySessionToken(request.cookies.get(SESSION_COOKIE)?.value, {
    apiKey: readApiKey(),
    secret: sessionSecret(),
  });
}

/** Only same-site relative paths may be a post-sign-in destination (no open redirects). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}
