// POST /auth/sign-out: clears the session cookie.
import { SESSION_COOKIE } from '@/lib/session.mjs';
import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

export function POST(): Response {
  const response = new NextResponse(null, { status: 303, headers: { location: '/sign-in', 'cache-control': 'no-store' } });
  response.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
  return response;
}
