// POST /auth/sign-in: form post (or JSON) with the API key printed by ./coach up. Sets the session cookie.
// Wrong keys are counted per client and overall (lib/security/sign-in-limiter.mjs): past the limit every attempt is a 429.
import { safeReturnPath } from '@/lib/security/auth';
import { CLIENT_HEADER } from '@/lib/server/client-address.mjs';
import { problem } from '@/lib/api/problem';
import { isSecureRequest } from '@/lib/server/server-config';
import { createSessionToken, keysMatch, readApiKey, sessionCookie, sessionSecret } from '@/lib/security/session.mjs';
import { sessionStore } from '@/lib/security/session-store.mjs';
import { signInLimiter } from '@/lib/security/sign-in-limiter.mjs';
import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

const FAILURE_DELAY_MS = 400;

export async function POST(request: NextRequest): Promise<Response> {
  const wantsJson = request.headers.get('content-type')?.includes('application/json') ?? false;
  // Counted before the body is read: parallel guesses cannot all start before the first one is judged.
  const client = request.headers.get(CLIENT_HEADER) ?? 'unknown';
  const limiter = signInLimiter();
  const attempt = limiter.begin(client);
  if (!attempt.allowed) {
    const wait = `Too many wrong keys; try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} min.`;
    const headers = { 'retry-after': String(attempt.retryAfterSeconds), 'cache-control': 'no-store' };
    return wantsJson
      ? problem(request, 429, 'Too Many Requests', wait, headers)
      : new NextResponse(`<!doctype html><meta charset="utf-8"><title>CyclingCoach</title><p>${wait}</p><p><a href="/sign-in">Sign in</a></p>`, {
          status: 429,
          headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
        });
  }

  const { apiKey, next } = await readCredentials(request, wantsJson);
  const expected = readApiKey();

  if (!keysMatch(apiKey, expected)) {
    await new Promise((resolve) => setTimeout(resolve, FAILURE_DELAY_MS));
    if (wantsJson) {
      return problem(request, 401, 'Unauthorized', 'That API key is not the one this CyclingCoach was started with.');
    }
    const query = new URLSearchParams({ error: expected ? 'invalid' : 'unconfigured' });
    if (next !== '/') {
      query.set('next', next);
    }
    return seeOther(`/sign-in?${query}`);
  }

  limiter.succeeded(client);
  const response = wantsJson ? NextResponse.json({ signedIn: true }) : seeOther(next);
  const token = createSessionToken({ apiKey: expected as string, secret: sessionSecret(), sessions: sessionStore() });
  const cookie = sessionCookie(isSecureRequest(request));
  response.cookies.set(cookie.name, token, cookie.options);
  return response;
}

async function readCredentials(request: NextRequest, json: boolean): Promise<{ apiKey: string; next: string }> {
  try {
    if (json) {
      const body = (await request.json()) as { apiKey?: unknown; next?: unknown };
      return { apiKey: typeof body.apiKey === 'string' ? body.apiKey.trim() : '', next: safeReturnPath(body.next) };
    }
    const form = await request.formData();
    const apiKey = form.get('apiKey');
    return { apiKey: typeof apiKey === 'string' ? apiKey.trim() : '', next: safeReturnPath(form.get('next')) };
  } catch {
    return { apiKey: '', next: '/' };
  }
}

/** 303 with a relative Location: correct behind any reverse proxy, whatever Host the server believes it has. */
function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
