// Pages need a session: anything not signed in goes to /sign-in (Next.js 16 "proxy", formerly middleware).
// /api/* answers 401 ProblemDetails itself instead of redirecting; /auth/*, /healthz and assets are public.
// Every page gets its Content-Security-Policy here (a nonce per response, which Next.js puts on its own inline
// scripts; our theme script by its hash) and, behind TLS, HSTS.
import { NextResponse, type NextRequest } from 'next/server';
import { hasValidSession } from '@/lib/security/auth';
import { contentSecurityPolicy, HSTS } from '@/lib/security/security-headers.mjs';
import { isSecureRequest } from '@/lib/server/server-config';
import { THEME_BOOT_SCRIPT } from '@/lib/client/theme';
import { tileSettings } from '@/lib/charts/tiles.mjs';

const themeScriptHash = crypto.subtle
  .digest('SHA-256', new TextEncoder().encode(THEME_BOOT_SCRIPT))
  .then((digest) => btoa(String.fromCharCode(...new Uint8Array(digest))));

export async function proxy(request: NextRequest) {
  const signedIn = hasValidSession(request);
  const { pathname, search } = request.nextUrl;

  if (pathname === '/sign-in' && signedIn) {
    return NextResponse.redirect(new URL('/', request.url));
  }
  if (pathname !== '/sign-in' && !signedIn) {
    const signIn = new URL('/sign-in', request.url);
    if (pathname !== '/') {
      signIn.searchParams.set('next', `${pathname}${search}`);
    }
    return NextResponse.redirect(signIn);
  }

  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy({ nonce, scriptHashes: [await themeScriptHash], tileUrl: tileSettings().tileUrl });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp); // Next.js reads the nonce from here for its own inline scripts
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  if (isSecureRequest(request)) {
    response.headers.set('strict-transport-security', HSTS);
  }
  return response;
}

export const config = {
  matcher: ['/((?!api/|auth/|ical/|healthz|_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)'],
};
