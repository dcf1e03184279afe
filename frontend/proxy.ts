// Pages need a session: anything not signed in goes to /sign-in (Next.js 16 "proxy", formerly middleware).
// /api/* answers 401 ProblemDetails itself instead of redirecting; /auth/*, /healthz and assets are public.
import { NextResponse, type NextRequest } from 'next/server';
import { hasValidSession } from '@/lib/auth';

export function proxy(request: NextRequest) {
  const signedIn = hasValidSession(request);
  const { pathname, search } = request.nextUrl;

  if (pathname === '/sign-in') {
    return signedIn ? NextResponse.redirect(new URL('/', request.url)) : NextResponse.next();
  }
  if (signedIn) {
    return NextResponse.next();
  }
  const signIn = new URL('/sign-in', request.url);
  if (pathname !== '/') {
    signIn.searchParams.set('next', `${pathname}${search}`);
  }
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/((?!api/|auth/|ical/|healthz|_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)'],
};
