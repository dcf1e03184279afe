// End-to-end: a rider signs in, logs a ride by hand, sees it listed and sees the live `workout-imported` event.
// Needs a running stack: WEB_URL (e.g. http://127.0.0.1:3000) and API_KEY (the key ./coach up printed).
// Run: node --test e2e/   (or npm run test:e2e). Skipped when WEB_URL or API_KEY is not set.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { API_KEY, noStack, WEB_URL } from './real-stack.mjs';

describe('dashboard', { skip: noStack }, () => {
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  it('refuses the API without a session', async () => {
    const response = await browser.context.request.get(`${WEB_URL}/api/workouts`);
    assert.equal(response.status(), 401);
    assert.match(response.headers()['content-type'] ?? '', /application\/problem\+json/);
    const problem = await response.json();
    assert.equal(problem.status, 401);
    assert.ok(problem.traceId);
  });

  it('sends pages to sign-in and refuses a wrong key', async () => {
    await page.goto(`${WEB_URL}/`);
    await page.waitForURL(/\/sign-in/);
    await page.fill('#apiKey', `${API_KEY}-wrong`);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/sign-in\?error=invalid/);
    await page.locator('#sign-in-error').waitFor();
    const cookies = await browser.context.cookies(WEB_URL);
    assert.equal(cookies.some((c) => c.name === 'coach_session' && c.value !== ''), false);
  });

  it('signs in with the right key into an httpOnly session', async () => {
    await page.fill('#apiKey', API_KEY);
    await page.click('button[type=submit]');
    await page.waitForURL(`${WEB_URL}/`);
    await page.getByRole('heading', { name: 'Rides' }).waitFor();
    const session = (await browser.context.cookies(WEB_URL)).find((c) => c.name === 'coach_session');
    assert.ok(session, 'session cookie set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.value.includes(API_KEY), false);
    const visibleToScript = await page.evaluate(() => document.cookie);
    assert.equal(visibleToScript.includes('coach_session'), false);
  });

  it('logs a ride, lists it and shows the live event', async () => {
    await page.locator('[data-testid=events-connection]', { hasText: 'Live' }).waitFor();
    await page.locator('ul[aria-label=Rides], .workouts-card .empty').first().waitFor();
    const importedBefore = await page.locator('[data-event-type=workout-imported]').count();

    const name = `E2E ride ${new Date().toISOString()}`;
    await page.fill('#workout-name', name);
    await page.fill('#workout-duration', '1:05');
    await page.fill('#workout-distance', '32.5');
    await page.fill('#workout-averagePower', '181');
    await page.fill('#workout-averageHeartRate', '142');
    await page.click('form[aria-label="Log a ride"] button[type=submit]');

    const row = page.locator('[data-testid=workout]', { hasText: name });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /32\.5 km/);
    assert.match(text, /1:05/);
    assert.match(text, /181 W/);
    assert.match(text, /142 bpm/);

    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-event-type=workout-imported]').length > count,
      importedBefore,
      { timeout: 20_000 },
    );
  });

  it('shows field errors from the ProblemDetails errors map', async () => {
    await page.fill('#workout-name', '');
    await page.fill('#workout-duration', '0:45');
    await page.fill('#workout-distance', '20');
    await page.click('form[aria-label="Log a ride"] button[type=submit]');
    await page.locator('#workout-name-error').waitFor();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const response = await browser.context.request.get(`${WEB_URL}/api/workouts`);
    assert.equal(response.status(), 401);
  });
});
