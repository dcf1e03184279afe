import { randomBytes } from 'node:crypto';

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
};

/** Trace id from an incoming W3C traceparent, or a fresh one. */
export function traceIdOf(request: Request): string {
  const traceparent = request.headers.get('traceparent');
  const match = traceparent?.match(/^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/);
  return match ? match[1] : randomBytes(16).toString('hex');
}

/** RFC 9457 ProblemDetails response, the same shape the .NET services return. */
export function problem(request: Request, status: number, title: string, detail: string, headers?: HeadersInit): Response {
  const body = {
    type: TYPES[status] ?? 'about:blank',
    title,
    status,
    detail,
    traceId: traceIdOf(request),
  };
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'application/problem+json');
  responseHeaders.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: responseHeaders });
}
