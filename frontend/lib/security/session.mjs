// Session cookie helpers, shared by the Next.js server (proxy.ts, route handlers) and `node --test`.
// Plain ESM with JSDoc so Node 20 runs the unit tests without a build step; types in session.d.mts.
//
// Token: "v2.<sessionId>.<issuedAtSeconds>.<signature>", signature = HMAC-SHA256(secret,
// "v2.<sessionId>.<issuedAt>.<fingerprint(apiKey)>"). The cookie carries no secret. A token is valid only while its
// session id is in the server's list (session-store.mjs): signing out removes it. Changing the API key or the secret
// ends every session.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sessionStore } from './session-store.mjs';

export const SESSION_COOKIE = 'coach_session';
/** The cookie's name over TLS: a browser keeps a __Host- cookie only if it is Secure, host-only and on Path=/. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;
/** Keys shorter than this, or the example files' change-me… placeholders, are refused at start-up. */
export const MINIMUM_KEY_LENGTH = 16;

const VERSION = 'v2';
const CLOCK_SKEW_SECONDS = 60;

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
 * A key nobody should run with: shorter than MINIMUM_KEY_LENGTH, or the example's change-me… placeholder.
 * @param {string} key
 */
export function isWeakKey(key) {
  const value = key.trim();
  return value.length < MINIMUM_KEY_LENGTH || value.replace(/[-_]/g, '').toLowerCase().startsWith('changeme');
}

/**
 * `SESSION_SECRET` when configured, otherwise the session store's own (random, kept in SESSION_STORE when set).
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function sessionSecret(env = process.env) {
  const configured = (env.SESSION_SECRET ?? '').trim();
  return configured.length > 0 ? configured : sessionStore(env).secret;
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
 * A new session: its id goes into `sessions` (the server's list), the token into the cookie.
 * @param {{ apiKey: string, secret: string, sessions: { add(id: string, expiresAt: number): void }, now?: number }} options
 * @returns {string}
 */
export function createSessionToken({ apiKey, secret, sessions, now = Date.now() }) {
  if (!apiKey || !secret) {
    throw new Error('createSessionToken needs an API key and a secret');
  }
  const id = randomBytes(16).toString('base64url');
  const issuedAt = Math.floor(now / 1000);
  sessions.add(id, now + SESSION_MAX_AGE_SECONDS * 1000);
  return `${VERSION}.${id}.${issuedAt}.${sign(secret, apiKey, id, issuedAt)}`;
}

/**
 * The session id of a well-formed token (whether or not it is still valid), for sign-out.
 * @param {unknown} token
 * @returns {string | null}
 */
export function sessionIdOf(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  return parts.length === 4 && parts[0] === VERSION && /^[A-Za-z0-9_-]{22}$/.test(parts[1]) ? parts[1] : null;
}

/**
 * @param {unknown} token
 * @param {{ apiKey: string | null | undefined, secret: string, sessions: { has(id: string): boolean }, now?: number, maxAgeSeconds?: number }} options
 * @returns {boolean}
 */
export function verifySessionToken(token, { apiKey, secret, sessions, now = Date.now(), maxAgeSeconds = SESSION_MAX_AGE_SECONDS }) {
  const id = sessionIdOf(token);
  if (id === null || !apiKey || !secret) {
    return false;
  }
  const [, , issued, signature] = /** @type {string} */ (token).split('.');
  if (!/^\d{1,12}$/.test(issued)) {
    return false;
  }
  const issuedAt = Number(issued);
  const age = Math.floor(now / 1000) - issuedAt;
  if (age < -CLOCK_SKEW_SECONDS || age > maxAgeSeconds) {
    return false;
  }
  const expected = Buffer.from(sign(secret, apiKey, id, issuedAt), 'utf8');
  const actual = Buffer.from(signature, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected) && sessions.has(id);
}

/**
 * The session cookie's name and attributes: httpOnly, SameSite=Lax; over https (directly or behind a TLS proxy)
 * Secure and named __Host-coach_session.
 * @param {boolean} secure
 */
export function sessionCookie(secure) {
  return {
    name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    options: {
      httpOnly: true,
      sameSite: /** @type {const} */ ('lax'),
      secure,
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  };
}

/**
 * @param {string} secret
 * @param {string} apiKey
 * @param {string} id
 * @param {number} issuedAt
 */
function sign(secret, apiKey, id, issuedAt) {
  const fingerprint = createHash('sha256').update(`cyclingcoach:api-key:${apiKey}`, 'utf8').digest('base64url');
  return createHmac('sha256', secret).update(`${VERSION}.${id}.${issuedAt}.${fingerprint}`, 'utf8').digest('base64url');
}
