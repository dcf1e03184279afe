// The web server's own defences, against the built server in front of the fake gateway (each block starts its own,
// so a lockout here never reaches another test): sign-in lockout per client and overall, return paths that a browser
// would turn into another origin, security headers and a CSP that the pages run under without one violation, and
// sessions that sign-out really ends (and the __Host- cookie behind TLS). Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { built, startFakeStack } from './fake-stack.mjs';

const skip = built() ? false : 'run npm run build first (needs .next/standalone/server.js)';

/** POST /auth/sign-in as the sign-in form does; returns the response (redirects not followed). */
function signIn(url, apiKey, { next = '/', headers = {} } = {}) {
  return fetch(`${url}/auth/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ apiKey, next }),
    headers: { origin: url, ...headers },
    redirect: 'manual',
  });
}

const cookieOf = (response) => response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('coach_session=') && !c.endsWith('='));

describe('sign-in lockout', { skip }, () => {
  it('refuses a client after 10 wrong keys in the window, even with the right key, and says when to retry', async () => {
    const stack = await startFakeStack();
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(stack.url, `wrong-key-${i}`)));
      const statuses = answers.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 303).length, 10, `10 wrong keys are answered, the rest refused: ${statuses}`);
      assert.equal(statuses.filter((s) => s === 429).length, 10, `${statuses}`);

      const right = await signIn(stack.url, stack.apiKey);
      assert.equal(right.status, 429, 'the right key waits out the lockout too (no guessing oracle)');
      assert.ok(Number(right.headers.get('retry-after')) > 0, 'Retry-After says when');
      assert.equal(cookieOf(right), undefined);
      assert.match(await right.text(), /Too many wrong keys; try again in \d+ min/);
    } finally {
      await stack.close();
    }
  });

  it('counts clients apart behind a trusted proxy, and caps wrong keys from all of them together', async () => {
    const stack = await startFakeStack({}, { TRUSTED_PROXIES: '127.0.0.1', Auth__MaxFailedAttempts: '3', Auth__MaxFailedAttemptsTotal: '8' });
    try {
      const from = (ip) => ({ headers: { 'x-forwarded-for': ip } });
      for (let i = 0; i < 3; i++) assert.equal((await signIn(stack.url, 'wrong-key', from('203.0.113.1'))).status, 303);
      assert.equal((await signIn(stack.url, stack.apiKey, from('203.0.113.1'))).status, 429, 'the first client is locked');
      assert.equal((await signIn(stack.url, stack.apiKey, from('203.0.113.2'))).status, 303, 'another client is not');
      // A client cannot pose as another one by sending its own X-Forwarded-For through the proxy: the proxy's view
      // (the right-most address) is the one counted.
      assert.equal((await signIn(stack.url, stack.apiKey, from('203.0.113.2, 203.0.113.1'))).status, 429);
      for (let i = 0; i < 5; i++) await signIn(stack.url, 'wrong-key', from(`198.51.100.${i + 1}`));
      assert.equal((await signIn(stack.url, stack.apiKey, from('192.0.2.77'))).status, 429, 'past the overall cap every client waits');
    } finally {
      await stack.close();
    }
  });
});

describe('return path after sign-in', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof startFakeStack>>} */
  let stack;
  before(async () => (stack = await startFakeStack()));
  after(() => stack?.close());

  for (const next of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '//evil.example', '/\\evil.example', '/\t\\evil.example',
    'https://evil.example/', ' /\t/evil.example', '/%09/evil.example', 'javascript:alert(1)']) {
    it(`never leaves the site for next=${JSON.stringify(next)}`, async () => {
      const response = await signIn(stack.url, stack.apiKey, { next });
      assert.equal(response.status, 303);
      // Resolved the way a browser resolves Location (the WHATWG URL parser strips tabs and newlines, reads \ as /).
      const target = new URL(response.headers.get('location'), stack.url);
      assert.equal(target.origin, stack.url, `${JSON.stringify(next)} → ${response.headers.get('location')}`);
    });
  }

  it('keeps a same-site path with its query', async () => {
    const response = await signIn(stack.url, stack.apiKey, { next: '/workouts?page=2' });
    assert.equal(response.headers.get('location'), '/workouts?page=2');
  });

  it('lands on the site in a real browser too', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${stack.url}/sign-in?next=${encodeURIComponent('/\t/evil.example')}`);
      await page.fill('#apiKey', stack.apiKey);
      await page.click('button[type=submit]');
      await page.waitForLoadState('load');
      assert.equal(new URL(page.url()).origin, stack.url, page.url());
    } finally {
      await browser.close();
    }
  });
});

describe('security headers and CSP', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof startFakeStack>>} */
  let stack;
  // 127.0.0.1 stands in for the TLS proxy in front, whose X-Forwarded-Proto says https.
  before(async () => (stack = await startFakeStack({}, { TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', TRUSTED_PROXIES: '127.0.0.1' })));
  after(() => stack?.close());

  it('sends CSP without inline scripts, framing refused, nosniff, referrer and permissions policies', async () => {
    for (const path of ['/sign-in', '/healthz', '/auth/sign-in']) {
      const response = await fetch(`${stack.url}${path}`, { redirect: 'manual' });
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'same-origin', path);
      assert.match(response.headers.get('permissions-policy') ?? '', /camera=\(\)/, path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
    }
    const csp = (await fetch(`${stack.url}/sign-in`)).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
    assert.ok(directives['script-src'], csp);
    assert.ok(!directives['script-src'].includes("'unsafe-inline'"), csp);
    assert.ok(!directives['script-src'].includes("'unsafe-eval'"), csp);
    assert.ok(directives['script-src'].some((s) => s.startsWith("'sha256-")), 'the theme script is allowed by its hash');
    assert.deepEqual(directives['frame-ancestors'], ["'none'"]);
    assert.deepEqual(directives['object-src'], ["'none'"]);
    assert.ok(directives['img-src'].includes('https://tiles.example.org'), `the configured tile server: ${csp}`);
    assert.equal((await fetch(`${stack.url}/sign-in`)).headers.get('strict-transport-security'), null, 'no HSTS over plain http');
  });

  it('asks for HSTS behind a TLS proxy', async () => {
    const response = await fetch(`${stack.url}/sign-in`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/);
  });

  it('runs every page under the CSP without a violation, the theme script included', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const violations = [];
      page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`));
        localStorage.setItem('coach.theme', 'dark');
      });
      await page.goto(`${stack.url}/sign-in`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the inline theme script ran');
      await page.fill('#apiKey', stack.apiKey);
      await page.click('button[type=submit]');
      await page.waitForURL(`${stack.url}/`);
      for (const path of ['/', '/workouts', '/plan', '/library', '/rules', '/routes', '/coach', '/settings']) {
        await page.goto(`${stack.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
      }
      await page.goto(`${stack.url}/workouts`);
      await page.locator('[data-testid=workout]').first().getByRole('link').first().click(); // a ride: charts (uPlot) and map (Leaflet)
      await page.locator('[data-testid=charts][data-ready=true]').waitFor({ timeout: 60_000 });
      await page.locator('.leaflet-container').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.deepEqual(violations, []);
    } finally {
      await browser.close();
    }
  });
});

describe('sessions', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof startFakeStack>>} */
  let stack;
  before(async () => (stack = await startFakeStack({}, { TRUSTED_PROXIES: '127.0.0.1' })));
  after(() => stack?.close());

  it('ends on sign-out: the old cookie no longer opens a page or the API', async () => {
    const cookie = cookieOf(await signIn(stack.url, stack.apiKey));
    assert.ok(cookie, 'signed in');
    const other = cookieOf(await signIn(stack.url, stack.apiKey)); // the same rider on a second device
    assert.equal((await fetch(`${stack.url}/workouts`, { headers: { cookie }, redirect: 'manual' })).status, 200);

    const out = await fetch(`${stack.url}/auth/sign-out`, { method: 'POST', headers: { cookie, origin: stack.url }, redirect: 'manual' });
    assert.equal(out.status, 303);
    const page = await fetch(`${stack.url}/workouts`, { headers: { cookie }, redirect: 'manual' });
    assert.equal(page.status, 307, 'a replayed cookie is sent to sign-in');
    assert.match(page.headers.get('location') ?? '', /\/sign-in/);
    assert.equal((await fetch(`${stack.url}/api/workouts`, { headers: { cookie } })).status, 401);
    assert.equal((await fetch(`${stack.url}/workouts`, { headers: { cookie: other }, redirect: 'manual' })).status, 200, 'the other device stays signed in');
  });

  it('uses a __Host- cookie, Secure, behind a TLS proxy', async () => {
    const response = await signIn(stack.url, stack.apiKey, { headers: { 'x-forwarded-proto': 'https' } });
    const header = response.headers.getSetCookie().find((c) => c.startsWith('__Host-coach_session='));
    assert.ok(header, response.headers.getSetCookie().join(' | '));
    assert.match(header, /;\s*Secure/i);
    assert.match(header, /;\s*Path=\//i);
    assert.doesNotMatch(header, /Domain=/i);
    const cookie = header.split(';')[0];
    assert.equal((await fetch(`${stack.url}/workouts`, { headers: { cookie, 'x-forwarded-proto': 'https' }, redirect: 'manual' })).status, 200);
  });
});
