// POST /auth/sign-in: form post (or JSON) with the API key printed by ./coach up. Sets the session cookie.
import { safeReturnPath } from '@/lib/auth';
import { problem } from '@/lib/problem';
import { isSecureRequest } from '@/lib/server-config';
import {
  createSessionToken,
  keysMatch,
  readApiKey,
  SESSION_COOKIE,
  sessionCookieOptions,
  sessionSecret,
} from '@/lib/session.mjs';
import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

const FAILURE_DELAY_MS = 400;

export async function POST(request: NextRequest): Promise<Response> {
  const wantsJson = request.headers.get('content-type')?.includes('application/json') ?? false;
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

  const response = wantsJson ? NextResponse.json({ signedIn: true }) : seeOther(next);
  const token = createSessionToken({ apiKey: expected as string, secret: sessionSecret() });
  response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(isSecureRequest(request)));
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
