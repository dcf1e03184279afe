// The web app's security headers. Plain ESM: next.config.mjs (every response) and proxy.ts (pages) use it, and
// `node --test` checks it without a build.

/** On every response: no MIME sniffing, no framing, the path only as referrer within the site, no powerful features. */
export const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
];

/** Behind TLS (browsers ignore it over plain http, and it is only sent there): one year, this host only. */
export const HSTS = 'max-age=31536000';

/**
 * The pages' Content-Security-Policy: scripts only from the site itself, the one inline script of ours (the theme
 * boot script, lib/client/theme.ts) by its hash, Next.js's own inline scripts by this response's nonce; no eval, no
 * plugins, no framing; images from the site and the configured tile server; styles may be inline (React style
 * attributes, uPlot, Leaflet), scripts never.
 * @param {{ nonce: string, scriptHashes: string[], tileUrl: string | null }} options
 */
export function contentSecurityPolicy({ nonce, scriptHashes, tileUrl }) {
  const tiles = tileUrl ? [new URL(tileUrl.replace(/\{[^}]*\}/g, '0')).origin] : [];
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tiles.join(' ')}`.trim(),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
