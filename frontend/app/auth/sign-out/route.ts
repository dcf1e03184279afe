// POST /auth/sign-out: ends the session on the server (a copy of the cookie stops working too) and clears the cookie.
import { sessionTokenOf } from '@/lib/security/auth';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionIdOf } from '@/lib/security/session.mjs';
import { sessionStore } from '@/lib/security/session-store.mjs';
import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest): Response {
  const id = sessionIdOf(sessionTokenOf(request));
  if (id) {
    sessionStore().remove(id);
  }
  const response = new NextResponse(null, { status: 303, headers: { location: '/sign-in', 'cache-control': 'no-store' } });
  response.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
  response.cookies.set(SECURE_SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0, secure: true });
  return response;
}
