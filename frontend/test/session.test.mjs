import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createSessionToken,
  keysMatch,
  readApiKey,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieOptions,
  sessionSecret,
  verifySessionToken,
} from '../lib/session.mjs';

const apiKey = 'k3y-for-tests';
const secret = 'secret-for-tests';
const now = Date.UTC(2026, 10, 24, 6, 0, 0);

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
  const token = createSessionToken({ apiKey, secret, now });

  it('round-trips', () => {
    assert.match(token, /^v1\.\d+\.[A-Za-z0-9_-]{43}$/);
    assert.equal(verifySessionToken(token, { apiKey, secret, now }), true);
  });

  it('does not contain the key', () => assert.equal(token.includes(apiKey), false));

  it('is refused after the API key changes', () =>
    assert.equal(verifySessionToken(token, { apiKey: 'another-key', secret, now }), false));

  it('is refused under another secret', () =>
    assert.equal(verifySessionToken(token, { apiKey, secret: 'other-secret', now }), false));

  it('expires', () => {
    const later = now + (SESSION_MAX_AGE_SECONDS + 1) * 1000;
    assert.equal(verifySessionToken(token, { apiKey, secret, now: later }), false);
    assert.equal(verifySessionToken(token, { apiKey, secret, now: now + 1000, maxAgeSeconds: 0 }), false);
  });

  it('refuses a token from the future', () => {
    const future = createSessionToken({ apiKey, secret, now: now + 3600 * 1000 });
    assert.equal(verifySessionToken(future, { apiKey, secret, now }), false);
  });

  it('refuses tampering', () => {
    const [version, issuedAt, signature] = token.split('.');
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    for (const bad of [
      `${version}.${issuedAt}.${flipped}`,
      `${version}.${Number(issuedAt) + 1}.${signature}`,
      `v2.${issuedAt}.${signature}`,
      `${version}.${issuedAt}.${signature}.extra`,
      `${version}.${issuedAt}`,
      '',
      'garbage',
    ]) {
      assert.equal(verifySessionToken(bad, { apiKey, secret, now }), false, bad);
    }
  });

  it('refuses non-strings and a missing key', () => {
    assert.equal(verifySessionToken(undefined, { apiKey, secret, now }), false);
    assert.equal(verifySessionToken(42, { apiKey, secret, now }), false);
    assert.equal(verifySessionToken(token, { apiKey: null, secret, now }), false);
  });

  it('needs a key and a secret to create', () => {
    assert.throws(() => createSessionToken({ apiKey: '', secret, now }));
    assert.throws(() => createSessionToken({ apiKey, secret: '', now }));
  });
});

describe('configuration', () => {
  it('reads Auth__ApiKey, then API_KEY', () => {
    assert.equal(readApiKey({ Auth__ApiKey: ' a ', API_KEY: 'b' }), 'a');
    assert.equal(readApiKey({ API_KEY: 'b' }), 'b');
    assert.equal(readApiKey({ Auth__ApiKey: '  ' }), null);
    assert.equal(readApiKey({}), null);
  });

  it('uses SESSION_SECRET, else one random secret per process', () => {
    assert.equal(sessionSecret({ SESSION_SECRET: 'configured' }), 'configured');
    const first = sessionSecret({});
    assert.ok(first.length >= 40);
    assert.equal(sessionSecret({}), first);
  });

  it('builds httpOnly SameSite=Lax cookie options', () => {
    assert.deepEqual(sessionCookieOptions(true), {
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
    assert.equal(sessionCookieOptions(false).secure, false);
  });
});
