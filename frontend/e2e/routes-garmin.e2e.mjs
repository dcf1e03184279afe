// End-to-end against the real stack (./coach test starts it): upload a fixture GPX and read its sections, then connect
// Garmin by importing a token from the fake Garmin the stack's Sync talks to (FAKE_GARMIN_URL; tests/CyclingCoach.Fakes),
// sync from it and open a synced ride, and sign in with Garmin's MFA step. The stack is shared: the route is deleted
// again, Garmin is left disconnected, and counts are checked against the fake's own list, not against an empty store.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { FAKE_GARMIN_URL, fixture, noStack, signIn, WEB_URL } from './real-stack.mjs';

// A real ride around Stuttgart (2,870 points, 233–485 m): climbs, descents and flats.
const gpxFile = fixture('gpx', 'goldencheetah__UrbanBiker2019-04-18_16-12.gpx');
// The fake Garmin's account and its MFA rider (tests/CyclingCoach.Fakes/Garmin/FakeGarmin.cs).
const ACCOUNT = 'Anonymous Rider';
const MFA = { username: 'mfa-rider@example.com', password: 'another-secret-passphrase', code: '482913' };

describe('routes and Garmin (real stack)', { skip: noStack || (!gpxFile && 'the GPX fixture was not found (set FIXTURES_DIR)') }, () => {
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const api = async (path) => {
    const response = await page.request.get(`${WEB_URL}${path}`);
    assert.equal(response.status(), 200, `GET ${path}`);
    return response.json();
  };

  /** Settings with Garmin disconnected (an earlier failed run may have left it connected). */
  const settingsDisconnected = async () => {
    await page.goto(`${WEB_URL}/settings`);
    const status = page.locator('[data-testid=garmin-status]');
    await status.waitFor();
    if (!/Not connected/.test(await status.innerText())) await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.locator('[data-testid=garmin-status]', { hasText: 'Not connected' }).waitFor();
  };

  before(async () => {
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    browser.context.setDefaultTimeout(20_000);
    page = await browser.context.newPage();
    await signIn(page, '/routes');
  });

  after(async () => {
    await browser?.close();
  });

  it('uploads a fixture GPX and shows its profile, map and sections, then deletes it', async () => {
    const name = basename(gpxFile);
    await page.locator('input[type=file]').setInputFiles(gpxFile);
    const link = page.locator(`[data-testid=upload][data-file="${name}"] [data-testid=upload-outcome] a`);
    await link.waitFor({ timeout: 60_000 });
    const outcome = await page.locator(`[data-testid=upload][data-file="${name}"]`).innerText();
    assert.match(outcome, /Added “.+”, \d+ sections\.|Duplicate:/, outcome); // a duplicate: left by an interrupted run
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL(`${WEB_URL}${href}`);
    await page.locator('[data-testid=route-detail]').waitFor();

    // The table is the analysis the Routes service stored: one row per section, in order, covering the whole route.
    const route = await api(`/api/routes/${href.split('/').pop()}`);
    assert.ok(route.sections.length >= 3, `a 2,870-point ride over 250 m of relief has several sections, got ${route.sections.length}`);
    assert.ok(route.sections.some((s) => s.kind === 'climb'), `a climb among ${route.sections.map((s) => s.kind)}`);
    const covered = route.sections.reduce((sum, s) => sum + s.distanceMeters, 0);
    assert.ok(Math.abs(covered - route.summary.distanceMeters) < 0.01 * route.summary.distanceMeters, `sections cover ${covered} m of ${route.summary.distanceMeters} m`);
    const rows = page.locator('[data-testid=section-row]');
    assert.equal(await rows.count(), route.sections.length);
    for (const [i, section] of route.sections.entries()) {
      const text = await rows.nth(i).innerText();
      assert.match(text, new RegExp(`^${i + 1}\\s+${section.kind}`), `row ${i + 1}: ${text}`);
      assert.match(text, new RegExp(`${(section.distanceMeters / 1000).toFixed(2)} km`), `row ${i + 1} length: ${text}`);
    }
    await page.locator('[data-testid=charts][data-ready=true] canvas').first().waitFor();
    await page.locator('[data-testid=map][data-ready=true]').waitFor();
    assert.ok((await page.locator('[data-testid=map] path.leaflet-interactive').count()) >= 1, 'the route is drawn on the map');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${WEB_URL}/routes`);
    assert.equal((await page.request.get(`${WEB_URL}${href.replace('/routes/', '/api/routes/')}`)).status(), 404);
  });

  it('connects Garmin by token import, syncs from it and shows a synced ride', { skip: !FAKE_GARMIN_URL && 'set FAKE_GARMIN_URL (./coach test starts the fake Garmin)' }, async () => {
    await settingsDisconnected();
    const status = page.locator('[data-testid=garmin-status]');
    // The file a rider would paste: python-garminconnect's garmin_tokens.json for a pair Garmin (the fake) issued.
    const issued = await fetch(`${FAKE_GARMIN_URL}/__fake/tokens`, { method: 'POST' });
    assert.equal(issued.status, 200);
    await page.getByRole('tab', { name: 'Token file' }).click();
    await page.fill('#garmin-token', await issued.text());
    await page.getByRole('button', { name: 'Connect' }).first().click();
    await page.locator('[data-testid=garmin-status]', { hasText: `Connected as ${ACCOUNT}` }).waitFor();
    assert.match(await status.innerText(), /via token/);

    // Everything the fake lists is a ride with a FIT original: after a sync the store holds exactly those (a rerun
    // against the same stack finds them again and stores no second copy).
    const listed = await garminList();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Sync started.').waitFor();
    let total = 0;
    for (let i = 0; i < 120 && total < listed.length; i++) {
      total = (await api('/api/workouts?source=garmin&pageSize=1')).total;
      if (total < listed.length) await page.waitForTimeout(1000);
    }
    assert.equal(total, listed.length, `${listed.length} Garmin rides stored`);

    await page.goto(`${WEB_URL}/workouts?source=garmin`);
    await page.locator('[data-testid=workouts-total]', { hasText: `${listed.length} rides` }).waitFor();
    const newest = page.locator('[data-testid=workout]').first();
    assert.equal(await newest.locator('.workout-name').innerText(), listed[0].activityName);
    assert.match(await newest.locator('.badge').innerText(), /^garmin$/i);
    await newest.locator('.workout-name').click();
    await page.locator('[data-testid=workout-detail]').waitFor();
    await page.locator('[data-testid=charts][data-ready=true]').waitFor({ timeout: 30_000 });
    const channels = await page.locator('[data-testid=charts] .chart-panel').evaluateAll((els) => els.map((e) => e.getAttribute('data-channel')));
    assert.ok(channels.includes('power'), `the synced FIT's power is charted: ${channels}`);

    await settingsDisconnected();
  });

  it('signs in to Garmin with the MFA step', { skip: !FAKE_GARMIN_URL && 'set FAKE_GARMIN_URL (./coach test starts the fake Garmin)' }, async () => {
    await settingsDisconnected();
    await page.getByRole('tab', { name: 'Username & password' }).click();
    await page.fill('#garmin-username', MFA.username);
    await page.fill('#garmin-password', MFA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('#garmin-code', '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('[data-testid=garmin-error]').waitFor();
    await page.fill('#garmin-code', MFA.code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('[data-testid=garmin-status]', { hasText: `Connected as ${ACCOUNT}` }).waitFor();
    assert.match(await page.locator('[data-testid=garmin-status]').innerText(), /via login/);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.locator('[data-testid=garmin-status]', { hasText: 'Not connected' }).waitFor();
  });
});

/** The fake's whole activity list, newest first, as Garmin pages it. */
async function garminList() {
  const tokens = await (await fetch(`${FAKE_GARMIN_URL}/__fake/tokens`, { method: 'POST' })).json();
  const response = await fetch(`${FAKE_GARMIN_URL}/activitylist-service/activities/search/activities?start=0&limit=1000`, {
    headers: { authorization: `Bearer ${tokens.di_token}` },
  });
  assert.equal(response.status, 200);
  return response.json();
}
