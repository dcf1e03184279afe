// End-to-end against the real stack (./coach test starts it): upload a fixture GPX and read its sections, then connect
// Garmin by importing a token from the fake Garmin the stack's Sync talks to (FAKE_GARMIN_URL; tests/CyclingCoach.Fakes),
// sync from it and open a synced ride, sign in with Garmin's MFA step, and connect intervals.icu (FAKE_INTERVALS_URL):
// a wrong key fails the sync in the header, the right one brings the rides. The stack is shared: the route is
// deleted again, both sources are left disconnected, and every activity the fakes list is looked up among the rides.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { FAKE_GARMIN_URL, FAKE_INTERVALS_URL, fixture, noStack, signIn, WEB_URL } from './real-stack.mjs';

// A real ride around Stuttgart (2,870 points, 233–485 m): climbs, descents and flats.
const gpxFile = fixture('gpx', 'goldencheetah__UrbanBiker2019-04-18_16-12.gpx');
// The fake Garmin's account and its MFA rider (tests/CyclingCoach.Fakes/Garmin/FakeGarmin.cs).
const ACCOUNT = 'Anonymous Rider';
const MFA = { username: 'mfa-rider@example.com', password: 'another-secret-passphrase', code: '482913' };
// The fake intervals.icu's athlete and key (tests/CyclingCoach.Fakes/IntervalsIcu/FakeIntervalsIcu.cs).
const INTERVALS = { athleteId: 'i4242', apiKey: 'fake-intervals-key' };

describe('routes, Garmin and intervals.icu (real stack)', { skip: noStack || (!gpxFile && 'the GPX fixture was not found (set FIXTURES_DIR)') }, () => {
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const api = async (path) => {
    const response = await page.request.get(`${WEB_URL}${path}`);
    assert.equal(response.status(), 200, `GET ${path}`);
    return response.json();
  };

  const latestRun = async (source) => {
    const response = await page.request.get(`${WEB_URL}/api/sync/runs/latest?source=${source}`);
    return response.status() === 200 ? response.json() : null;
  };
  /** Which of a source's activity ids have no stored ride. */
  const notStored = async (source, ids) => {
    const stored = new Set((await api(`/api/workouts?source=${source}&pageSize=100`)).items.map((w) => w.sourceActivityId));
    return ids.filter((id) => !stored.has(id));
  };
  /** Starts a sync with `start` (a click) and returns the run it started once that run has finished. */
  const syncNow = async (start, source) => {
    const before = (await latestRun(source))?.id ?? null;
    await start();
    for (let i = 0; i < 180; i++) {
      const run = await latestRun(source);
      if (run && run.id !== before && run.status !== 'in_progress') return run;
      await page.waitForTimeout(500);
    }
    assert.fail(`the ${source} sync run did not finish in 90 s`);
  };

  /** Coaching's readiness today, once it has a score (WellnessRecorded travels Sync → Coaching). */
  const waitForReadiness = async () => {
    const today = new Date().toLocaleDateString('en-CA'); // yyyy-mm-dd, this machine's day as Coaching's clock
    for (let i = 0; i < 60; i++) {
      const readiness = await api('/api/coach/readiness');
      const day = readiness.days.find((d) => d.date === today);
      if (day?.score != null) return day;
      await page.waitForTimeout(500);
    }
    assert.fail('no readiness for today 30 s after the Garmin sync');
  };

  /** A connection card's own "Sync now" in Settings. */
  const settingsSync = async (card) => {
    await card.getByRole('button', { name: 'Sync now' }).click();
    await card.getByText('Sync started.').waitFor();
  };

  /** Settings with Garmin disconnected (an earlier failed run may have left it connected). */
  const settingsDisconnected = async () => {
    await page.goto(`${WEB_URL}/settings`);
    const status = page.locator('[data-testid=garmin-status]');
    await status.waitFor();
    if (!/Not connected/.test(await status.innerText())) await page.locator('[data-testid=garmin]').getByRole('button', { name: 'Disconnect' }).click();
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

    // Everything the fake lists is a ride with a FIT original: after the run every one of them is stored.
    const listed = await garminList();
    // From the dashboard's sync card, which follows the run live and then says what it did.
    await page.goto(`${WEB_URL}/`);
    const syncCard = page.locator('[data-testid=sync-card]');
    const run = await syncNow(() => syncCard.getByRole('button', { name: 'Sync Garmin now' }).click(), 'garmin');
    assert.equal(run.status, 'success', JSON.stringify(run));
    await syncCard.getByText(`Garmin synced`).waitFor();
    assert.match(await syncCard.locator('[data-testid=sync-run]').innerText(), new RegExp(`${run.found} found, ${run.imported} new, ${run.skipped} already stored`));
    // The first run backfills; a later one (a rerun on a kept stack) reads the window since the last run.
    assert.ok(run.found >= 1 && run.failed === 0 && run.imported + run.skipped === run.found, JSON.stringify(run));
    assert.deepEqual(await notStored('garmin', listed.map((a) => String(a.activityId))), [], 'every listed activity stored');

    // The same run brought the watch's wellness days (./coach test serves 21, every seventh missing): Coaching's
    // readiness is on the dashboard, a missing day a gap, never a 0.
    const today = await waitForReadiness();
    await page.goto(`${WEB_URL}/`);
    const card = page.locator('[data-testid=readiness-today]');
    await card.waitFor();
    assert.equal(await card.locator('.readiness-score strong').innerText(), String(Math.round(today.score)));
    const scores = await page.locator('[data-testid=readiness-strip] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-score')));
    assert.deepEqual(scores.map((score, i) => (score === '' ? scores.length - 1 - i : null)).filter((back) => back != null), [13, 6], `gaps 6 and 13 days back: ${scores}`);
    assert.ok(!scores.includes('0'));

    await page.goto(`${WEB_URL}/workouts?source=garmin`);
    await page.locator('[data-testid=workouts-total]').waitFor();
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
    await settingsDisconnected();
  });

  it('connects intervals.icu with its key: a wrong key fails the sync, the right one brings the rides', { skip: !FAKE_INTERVALS_URL && 'set FAKE_INTERVALS_URL (./coach test starts the fake intervals.icu)' }, async () => {
    await page.goto(`${WEB_URL}/settings`);
    const card = page.locator('[data-testid=intervals]');
    await card.waitFor();
    if (await card.getByRole('button', { name: 'Disconnect' }).count()) {
      await card.getByRole('button', { name: 'Disconnect' }).click();
      await page.locator('[data-testid=intervals-status]', { hasText: 'Not connected' }).waitFor();
    }
    const connect = async (apiKey) => {
      await page.fill('#intervals-athlete', INTERVALS.athleteId);
      await page.fill('#intervals-key', apiKey);
      await card.getByRole('button', { name: /^(Connect|Replace key)$/ }).click();
      await card.getByText('Saved. The key is stored encrypted').waitFor();
      await page.locator('[data-testid=intervals-status]', { hasText: `Connected as athlete ${INTERVALS.athleteId}` }).waitFor();
    };
    await connect('not-the-key');
    const refused = await syncNow(() => settingsSync(card), 'intervals_icu');
    assert.equal(refused.status, 'error');
    assert.match(refused.error, /rejected the API key/);
    await page.locator('[data-testid=sync-state]', { hasText: /^Sync failed/ }).waitFor();

    await connect(INTERVALS.apiKey);
    const listed = await intervalsList();
    const run = await syncNow(() => settingsSync(card), 'intervals_icu');
    assert.ok(run.status === 'success' && run.found >= 1 && run.failed === 0, JSON.stringify(run));
    await page.locator('[data-testid=sync-state]', { hasText: /^Synced/ }).waitFor();
    assert.deepEqual(await notStored('intervals_icu', listed.map((a) => a.id)), [], 'every listed activity stored');
    await page.goto(`${WEB_URL}/workouts?source=intervals_icu`);
    await page.locator('[data-testid=workouts-total]').waitFor();
    assert.equal(await page.locator('[data-testid=workout] .workout-name').first().innerText(), listed[0].name);

    await page.goto(`${WEB_URL}/settings`);
    await card.getByRole('button', { name: 'Disconnect' }).click();
    await page.locator('[data-testid=intervals-status]', { hasText: 'Not connected' }).waitFor();
  });
});

/** The fake intervals.icu's activities of the last year, newest first. */
async function intervalsList() {
  const oldest = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(`${FAKE_INTERVALS_URL}/api/v1/athlete/${INTERVALS.athleteId}/activities?oldest=${oldest}`, {
    headers: { authorization: `Basic ${Buffer.from(`API_KEY:${INTERVALS.apiKey}`).toString('base64')}` },
  });
  assert.equal(response.status, 200);
  return response.json();
}

/** The fake's whole activity list, newest first, as Garmin pages it. */
async function garminList() {
  const tokens = await (await fetch(`${FAKE_GARMIN_URL}/__fake/tokens`, { method: 'POST' })).json();
  const response = await fetch(`${FAKE_GARMIN_URL}/activitylist-service/activities/search/activities?start=0&limit=1000`, {
    headers: { authorization: `Bearer ${tokens.di_token}` },
  });
  assert.equal(response.status, 200);
  return response.json();
}
