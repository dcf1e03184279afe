import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createSessionToken,
  isWeakKey,
  keysMatch,
  readApiKey,
  SESSION_MAX_AGE_SECONDS,
  sessionCookie,
  sessionIdOf,
  sessionSecret,
  verifySessionToken,
} from '../lib/security/session.mjs';
import { createSessionStore } from '../lib/security/session-store.mjs';

const apiKey = 'k3y-for-tests';
const secret = 'secret-for-tests';
const now = Date.UTC(2026, 10, 24, 6, 0, 0);
const sessions = createSessionStore(null, { now: () => now });

describe('keysMatch', () => {
  it('accepts the same key', () => assert.equal(keysMatch('abc', 'abc'), true));
  it('refuses a different key of the same length', () => assert.equal(keysMatch('abd', 'abc'), false));
  it('refuses a prefix and a longer key', () => {
    assert.equal(keysMatch('ab', 'abc'), false);
    assert.equal(keysMatch('abcd', 'abc'), false);
  });
  it('refuses when nothing is configured or presented', () => {
    assert.equal(keysMatch('', ''), false);
    assert.equal(keysMatch('abc', null), false);
    assert.equal(keysMatch(undefined, 'abc'), false);
  });
});

describe('session token', () => {
  const token = createSessionToken({ apiKey, secret, sessions, now });

  it('round-trips', () => {
    assert.match(token, /^v2\.[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}$/);
    assert.equal(verifySessionToken(token, { apiKey, secret, sessions, now }), true);
  });

  it('ends when its session is removed (sign-out), and only that session', () => {
    const other = createSessionToken({ apiKey, secret, sessions, now });
    const ended = createSessionToken({ apiKey, secret, sessions, now });
    sessions.remove(/** @type {string} */ (sessionIdOf(ended)));
    assert.equal(verifySessionToken(ended, { apiKey, secret, sessions, now }), false);
    assert.equal(verifySessionToken(other, { apiKey, secret, sessions, now }), true);
  });

  it('does not contain the key', () => assert.equal(token.includes(apiKey), false));

  it('is refused after the API key changes', () =>
    assert.equal(verifySessionToken(token, { apiKey: 'another-key', secret, sessions, now }), false));

  it('is refused under another secret', () =>
    assert.equal(verifySessionToken(token, { apiKey, secret: 'other-secret', sessions, now }), false));

  it('expires', () => {
    const later = now + (SESSION_MAX_AGE_SECONDS + 1) * 1000;
    assert.equal(verifySessionToken(token, { apiKey, secret, sessions, now: later }), false);
    assert.equal(verifySessionToken(token, { apiKey, secret, sessions, now: now + 1000, maxAgeSeconds: 0 }), false);
  });

  it('refuses a token from the future', () => {
    const future = createSessionToken({ apiKey, secret, sessions, now: now + 3600 * 1000 });
    assert.equal(verifySessionToken(future, { apiKey, secret, sessions, now }), false);
  });

  it('refuses tampering', () => {
    const [version, id, issuedAt, signature] = token.split('.');
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    const otherId = createSessionToken({ apiKey, secret, sessions, now }).split('.')[1];
    for (const bad of [
      `${version}.${id}.${issuedAt}.${flipped}`,
      `${version}.${id}.${Number(issuedAt) + 1}.${signature}`,
      `${version}.${otherId}.${issuedAt}.${signature}`,
      `v1.${issuedAt}.${signature}`,
      `${version}.${id}.${issuedAt}.${signature}.extra`,
      `${version}.${id}.${issuedAt}`,
      '',
      'garbage',
    ]) {
      assert.equal(verifySessionToken(bad, { apiKey, secret, sessions, now }), false, bad);
    }
  });

  it('refuses non-strings and a missing key', () => {
    assert.equal(verifySessionToken(undefined, { apiKey, secret, sessions, now }), false);
    assert.equal(verifySessionToken(42, { apiKey, secret, sessions, now }), false);
    assert.equal(verifySessionToken(token, { apiKey: null, secret, sessions, now }), false);
  });

  it('needs a key and a secret to create', () => {
    assert.throws(() => createSessionToken({ apiKey: '', secret, sessions, now }));
    assert.throws(() => createSessionToken({ apiKey, secret: '', sessions, now }));
  });
});

describe('configuration', () => {
  it('reads Auth__ApiKey, then API_KEY', () => {
    assert.equal(readApiKey({ Auth__ApiKey: ' a ', API_KEY: 'b' }), 'a');
    assert.equal(readApiKey({ API_KEY: 'b' }), 'b');
    assert.equal(readApiKey({ Auth__ApiKey: '  ' }), null);
    assert.equal(readApiKey({}), null);
  });

  it('uses SESSION_SECRET, else the random one of the session store', () => {
    assert.equal(sessionSecret({ SESSION_SECRET: 'configured' }), 'configured');
    const first = sessionSecret({});
    assert.ok(first.length >= 40);
    assert.equal(sessionSecret({}), first);
  });

  it('refuses the example keys and short ones', () => {
    for (const weak of ['change-me-api-key', 'CHANGE_ME_please-a-long-one', 'changeme0123456789', 'short-key']) assert.equal(isWeakKey(weak), true, weak);
    assert.equal(isWeakKey('4f1c9e0b7a2d4c6e8f0a1b2c3d4e5f60'), false);
  });

  it('builds an httpOnly SameSite=Lax cookie, Secure and __Host- over TLS', () => {
    assert.deepEqual(sessionCookie(true), {
      name: '__Host-coach_session',
      options: { httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: SESSION_MAX_AGE_SECONDS },
    });
    assert.equal(sessionCookie(false).name, 'coach_session');
    assert.equal(sessionCookie(false).options.secure, false);
  });
});
