import { readApiKey, SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionSecret, verifySessionToken } from './session.mjs';
import { sessionStore } from './session-store.mjs';

export { safeReturnPath } from './return-path.mjs';

type CookieSource = { cookies: { get(name: string): { value: string } | undefined } };

/** The session token the request carries: the __Host- cookie (over TLS) or the plain one. */
export function sessionTokenOf(request: CookieSource): string | undefined {
  return request.cookies.get(SECURE_SESSION_COOKIE)?.value ?? request.cookies.get(SESSION_COOKIE)?.value;
}

/** True when the request carries a valid session cookie for the configured API key, of a session not ended. */
export function hasValidSession(request: CookieSource): boolean {
  return verifySessionToken(sessionTokenOf(request), {
    apiKey: readApiKey(),
    secret: sessionSecret(),
    sessions: sessionStore(),
  });
}
