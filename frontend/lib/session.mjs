// Session cookie helpers, shared by the Next.js server (proxy.ts, route handlers) and `node --test`.
// Plain ESM with JSDoc so Node 20 runs the unit tests without a build step; types in session.d.mts.
//
// Token: "v1.<issuedAtSeconds>.<signature>", signature = HMAC-SHA256(secret, "v1.<issuedAt>.<fingerprint(apiKey)>").
// The cookie carries no secret. Changing the API key or the secret invalidates every session.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'coach_session';
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

const VERSION = 'v1';
const CLOCK_SKEW_SECONDS = 60;
const SECRET_SLOT = Symbol.for('cyclingcoach.web.session-secret');

/**
 * The API key the web server signs in with: `Auth__ApiKey` (DESIGN §2), `API_KEY` accepted as an alias.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function readApiKey(env = process.env) {
  const key = (env.Auth__ApiKey ?? env.API_KEY ?? '').trim();
  return key.length > 0 ? key : null;
}

/**
 * `SESSION_SECRET` when configured, otherwise a random secret kept for the life of the process
 * (on globalThis, so every server bundle of the same process shares it). Restarting signs the rider out.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function sessionSecret(env = process.env) {
  const configured = (env.SESSION_SECRET ?? '').trim();
  if (configured.length > 0) {
    return configured;
  }
  const slot = /** @type {Record<symbol, string | undefined>} */ (/** @type {unknown} */ (globalThis));
  slot[SECRET_SLOT] ??= randomBytes(32).toString('base64url');
  return /** @type {string} */ (slot[SECRET_SLOT]);
}

/**
 * Constant-time comparison of a presented key with the expected one (both hashed first, so lengths never leak).
 * @param {unknown} presented
 * @param {string | null | undefined} expected
 * @returns {boolean}
 */
export function keysMatch(presented, expected) {
  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) {
    return false;
  }
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/**
 * @param {{ apiKey: string, secret: string, now?: number }} options
 * @returns {string}
 */
export function createSessionToken({ apiKey, secret, now = Date.now() }) {
  if (!apiKey || !secret) {
    throw new Error('createSessionToken needs an API key and a secret');
  }
  const issuedAt = Math.floor(now / 1000);
  return `${VERSION}.${issuedAt}.${sign(secret, apiKey, issuedAt)}`;
}

/**
 * @param {unknown} token
 * @param {{ apiKey: string | null | undefined, secret: string, now?: number, maxAgeSeconds?: number }} options
 * @returns {boolean}
 */
export function verifySessionToken(token, { apiKey, secret, now = Date.now(), maxAgeSeconds = SESSION_MAX_AGE_SECONDS }) {
  if (typeof token !== 'string' || !apiKey || !secret) {
    return false;
  }
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !/^\d{1,12}$/.test(parts[1])) {
    return false;
  }
  const issuedAt = Number(parts[1]);
  const age = Math.floor(now / 1000) - issuedAt;
  if (age < -CLOCK_SKEW_SECONDS || age > maxAgeSeconds) {
    return false;
  }
  const expected = Buffer.from(sign(secret, apiKey, issuedAt), 'utf8');
  const actual = Buffer.from(parts[2], 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Cookie attributes for the session: httpOnly, SameSite=Lax, Secure when the request came over https.
 * @param {boolean} secure
 */
export function sessionCookieOptions(secure) {
  return {
    httpOnly: true,
    sameSite: /** @type {const} */ ('lax'),
    secure,
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}

/**
 * @param {string} secret
 * @param {string} apiKey
 * @param {number} issuedAt
 */
function sign(secret, apiKey, issuedAt) {
  const fingerprint = createHash('sha256').update(`cyclingcoach:api-key:${apiKey}`, 'utf8').digest('base64url');
  return createHmac('sha256', secret).update(`${VERSION}.${issuedAt}.${fingerprint}`, 'utf8').digest('base64url');
}
