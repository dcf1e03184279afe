import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLIENT_HEADER, tagClient, trustedProxies } from '../lib/server/client-address.mjs';
import { safeReturnPath } from '../lib/security/return-path.mjs';
import { contentSecurityPolicy } from '../lib/security/security-headers.mjs';
import { createSessionStore } from '../lib/security/session-store.mjs';
import { createSignInLimiter, limiterOptions } from '../lib/security/sign-in-limiter.mjs';
import { redactSecretPaths } from '../lib/server/telemetry.mjs';

describe('safeReturnPath', () => {
  it('keeps paths of this site with their query and fragment', () => {
    assert.equal(safeReturnPath('/workouts?page=2#top'), '/workouts?page=2#top');
    assert.equal(safeReturnPath('/plan'), '/plan');
  });

  it('turns anything a browser would resolve to another origin into /', () => {
    for (const next of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '//evil.example', '/\\evil.example', '/\t\\evil.example',
      '\\\\evil.example', 'https://evil.example', 'javascript:alert(1)', ' /x', '', null, 42]) {
      assert.equal(safeReturnPath(next), '/', JSON.stringify(next));
    }
  });
});

describe('sign-in limiter', () => {
  const options = { maxPerClient: 3, maxTotal: 5, windowMs: 60_000 };

  it('locks a client after its failures, forgives a right key, and frees it when the window ends', () => {
    let t = 0;
    const limiter = createSignInLimiter({ ...options, now: () => t });
    assert.equal(limiter.begin('a').allowed, true);
    limiter.succeeded('a');
    for (let i = 0; i < 3; i++) assert.equal(limiter.begin('a').allowed, true);
    assert.deepEqual(limiter.begin('a'), { allowed: false, retryAfterSeconds: 60 });
    assert.equal(limiter.begin('b').allowed, true, 'another client is not locked');
    t = 60_001;
    assert.equal(limiter.begin('a').allowed, true);
  });

  it('caps all clients together', () => {
    const limiter = createSignInLimiter({ ...options, now: () => 0 });
    for (const c of ['a', 'b', 'c', 'd', 'e']) assert.equal(limiter.begin(c).allowed, true);
    assert.equal(limiter.begin('f').allowed, false);
  });

  it('keeps a bounded table; clients beyond it share one window', () => {
    const limiter = createSignInLimiter({ maxPerClient: 2, maxTotal: 1000, windowMs: 60_000, maxClients: 2, now: () => 0 });
    for (const c of ['a', 'b', 'c', 'd']) limiter.begin(c);
    assert.equal(limiter.begin('e').allowed, false, 'c, d and e are counted together');
    assert.equal(limiter.begin('a').allowed, true);
  });

  it('reads the gateway\'s settings names', () => {
    assert.deepEqual(limiterOptions({ Auth__MaxFailedAttempts: '5', Auth__FailureWindowSeconds: '60' }), { maxPerClient: 5, maxTotal: 100, windowMs: 60_000 });
    assert.deepEqual(limiterOptions({}), { maxPerClient: 10, maxTotal: 100, windowMs: 300_000 });
  });
});

describe('client address', () => {
  const request = (peer, headers = {}) => ({ socket: { remoteAddress: peer }, headers: { ...headers } });

  it('is the connection\'s peer, and forwarding headers from anyone else are dropped', () => {
    const r = request('192.0.2.5', { 'x-forwarded-for': '1.1.1.1', 'x-forwarded-proto': 'https', [CLIENT_HEADER]: 'forged' });
    tagClient(r, trustedProxies(''));
    assert.equal(r.headers[CLIENT_HEADER], '192.0.2.5');
    assert.equal(r.headers['x-forwarded-for'], undefined);
    assert.equal(r.headers['x-forwarded-proto'], undefined);
  });

  it('behind a trusted proxy is the right-most address that is not a proxy', () => {
    const trusted = trustedProxies('127.0.0.1, 10.0.0.0/8');
    const r = request('::ffff:127.0.0.1', { 'x-forwarded-for': '203.0.113.2, 203.0.113.1, 10.1.2.3', 'x-forwarded-proto': 'https' });
    tagClient(r, trusted);
    assert.equal(r.headers[CLIENT_HEADER], '203.0.113.1');
    assert.equal(r.headers['x-forwarded-proto'], 'https');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => assert.throws(() => trustedProxies('proxy.example')));
});

describe('content security policy', () => {
  const directives = (csp) => Object.fromEntries(csp.split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k, v]; }));

  it('allows scripts by nonce and hash only, and images from the tile server', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'n0nce', scriptHashes: ['abc='], tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png' }));
    assert.deepEqual(csp['script-src'], ["'self'", "'nonce-n0nce'", "'sha256-abc='"]);
    assert.ok(csp['img-src'].includes('https://tiles.example.org'));
    assert.deepEqual(csp['frame-ancestors'], ["'none'"]);
    assert.deepEqual(csp['object-src'], ["'none'"]);
  });

  it('names no tile server when tiles are off', () => {
    assert.deepEqual(directives(contentSecurityPolicy({ nonce: 'n', scriptHashes: [], tileUrl: null }))['img-src'], ["'self'", 'data:', 'blob:']);
  });
});

describe('session store', () => {
  it('keeps sessions and its secret in a 0600 file across restarts; a removed session stays removed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sessions-')), 'web', 'sessions.json');
    const first = createSessionStore(file, { now: () => 1000 });
    first.add('kept', 10_000);
    first.add('ended', 10_000);
    first.remove('ended');
    const again = createSessionStore(file, { now: () => 2000 });
    assert.equal(again.secret, first.secret);
    assert.equal(again.has('kept'), true);
    assert.equal(again.has('ended'), false);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /ended/);
    assert.equal(createSessionStore(file, { now: () => 20_000 }).has('kept'), false, 'expired');
  });
});

describe('telemetry', () => {
  it('leaves the iCal secret out of span URLs', () => {
    assert.equal(redactSecretPaths('/ical/abcDEF0123456789xyz.ics'), '/ical/{secret}.ics');
    assert.equal(redactSecretPaths('http://127.0.0.1:5100/api/coach/calendar/abc_DEF-0123456789.ics?x=1'), 'http://127.0.0.1:5100/api/coach/calendar/{secret}.ics?x=1');
    assert.equal(redactSecretPaths('/api/workouts/1'), '/api/workouts/1');
  });
});
