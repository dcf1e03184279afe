/** Gateway base URL as Aspire injects it (`WithReference(gateway)`), https preferred. */
export function gatewayBaseUrl(): string | null {
  const value = (process.env.GATEWAY_HTTPS ?? process.env.GATEWAY_HTTP ?? '').trim();
  return value.length > 0 ? value.replace(/\/+$/, '') : null;
}

/** Secure cookies when the rider reached us over https (directly or through a TLS proxy); COOKIE_SECURE overrides. */
export function isSecureRequest(request: Request): boolean {
  const forced = process.env.COOKIE_SECURE?.trim().toLowerCase();
  if (forced === 'true' || forced === 'false') {
    return forced === 'true';
  }
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwardedProto) {
    return forwardedProto === 'https';
  }
  return new URL(request.url).protocol === 'https:';
}
