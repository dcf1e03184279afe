// Backend-for-frontend: every method of /api/* goes to the gateway with the API key added server-side, and the web
// app's own credential beside it (the gateway counts wrong keys from the web app apart from other local callers).
// Bodies stream both ways (uploads, and the /api/events Server-Sent Events stream), so nothing is buffered here.
import { randomBytes } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { NextRequest } from 'next/server';
import { hasValidSession } from '@/lib/security/auth';
import { CLIENT_HEADER } from '@/lib/server/client-address.mjs';
import { problem } from '@/lib/api/problem';
import { readApiKey } from '@/lib/security/session.mjs';
import { gatewayBaseUrl } from '@/lib/server/server-config';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// Never forwarded: hop-by-hop headers, our own cookie, and any credential the browser tries to send.
const DROPPED_REQUEST_HEADERS = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'expect', 'host', 'cookie', 'authorization', 'x-api-key', 'x-web-proxy-key',
  'x-service-key', 'content-length', 'accept-encoding', 'origin', 'referer', CLIENT_HEADER,
]);
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-connection', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'content-encoding', 'content-length', 'set-cookie',
]);

async function forward(request: NextRequest): Promise<Response> {
  if (!hasValidSession(request)) {
    return problem(request, 401, 'Unauthorized', 'Sign in to the web app first.');
  }
  if (!isSameOrigin(request)) {
    return problem(request, 403, 'Forbidden', 'Cross-site requests are not accepted.');
  }
  const gateway = gatewayBaseUrl();
  const apiKey = readApiKey();
  if (!gateway || !apiKey) {
    return problem(request, 503, 'Service Unavailable', 'The web app has no gateway address or API key configured.');
  }

  const target = `${gateway}${request.nextUrl.pathname}${request.nextUrl.search}`;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: upstreamHeaders(request, apiKey),
      body: hasBody ? request.body : undefined,
      // Required by Node's fetch to send a ReadableStream body without buffering it.
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      cache: 'no-store',
      signal: request.signal,
    } as RequestInit);
  } catch (error) {
    if (request.signal.aborted) {
      return new Response(null, { status: 499 });
    }
    console.error(`proxy: ${request.method} ${request.nextUrl.pathname} failed: ${(error as Error).message}`);
    return problem(request, 502, 'Bad Gateway', 'The CyclingCoach gateway could not be reached.');
  }

  if (upstream.status === 401) {
    // The rider's session is valid, so a 401 here means the web app and the gateway disagree about the key.
    // Passing it on would send the browser back to sign-in, which would send it straight back here.
    await upstream.arrayBuffer().catch(() => undefined); // read to the end: awaiting body.cancel() can hang (see app/ical)
    return problem(request, 502, 'Bad Gateway', 'The gateway refused the web app\'s API key: check Auth__ApiKey on both.');
  }
  return new Response(upstream.body, { status: upstream.status, headers: downstreamHeaders(upstream) });
}

function upstreamHeaders(request: NextRequest, apiKey: string): Headers {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROPPED_REQUEST_HEADERS.has(name) && !name.startsWith('x-forwarded-') && !name.startsWith('x-middleware-')) {
      headers.set(name, value);
    }
  });
  headers.set('x-api-key', apiKey);
  headers.set('x-web-proxy-key', process.env.Auth__WebProxyKey ?? '');
  if (trace.getActiveSpan()) {
    // OpenTelemetry is on (instrumentation.ts): the fetch instrumentation adds this request's own traceparent, a
    // child of the incoming one; a copied header beside it would be a second, conflicting one.
    headers.delete('traceparent');
    headers.delete('tracestate');
    headers.delete('baggage');
  } else if (!headers.has('traceparent')) {
    headers.set('traceparent', `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`);
  }
  const client = request.headers.get(CLIENT_HEADER);
  if (client && client !== 'unknown') {
    headers.set('x-forwarded-for', client);
  }
  headers.set('x-forwarded-proto', request.nextUrl.protocol.replace(':', ''));
  headers.set('x-forwarded-host', request.headers.get('host') ?? request.nextUrl.host);
  return headers;
}

function downstreamHeaders(upstream: Response): Headers {
  const headers = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) {
      headers.append(name, value);
    }
  });
  if (headers.get('content-type')?.startsWith('text/event-stream')) {
    // no-transform keeps Next's compression (and any proxy) from buffering the stream.
    headers.set('cache-control', 'no-cache, no-transform');
    headers.set('x-accel-buffering', 'no');
  }
  return headers;
}

/** Unsafe methods must come from our own pages (the SameSite=Lax cookie already blocks most cross-site use). */
function isSameOrigin(request: NextRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') {
    return true;
  }
  const origin = request.headers.get('origin');
  if (!origin) {
    return true;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export {
  forward as GET,
  forward as POST,
  forward as PUT,
  forward as PATCH,
  forward as DELETE,
  forward as HEAD,
  forward as OPTIONS,
};
