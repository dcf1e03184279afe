// End-to-end through the whole shell against the fake gateway (known data: 40 rides, one of 5 h at 1 Hz; two
// routes): navigation on desktop and phone, theme, workouts filter and paging, a ride's charts and map, an import
// with a duplicate, a route's sections and rename, Garmin token import and units. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { built, signedInFakeStack } from './fake-stack.mjs';

const skip = built() ? false : 'run npm run build first (needs .next/standalone/server.js)';

describe('app shell and pages (fake gateway)', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof signedInFakeStack>>} */
  let signedIn;
  let stack, browser, page;

  before(async () => {
    signedIn = await signedInFakeStack({ path: '/workouts' });
    ({ stack, browser, page } = signedIn);
  });

  after(() => signedIn?.close());

  it('navigates every page from the header, marking the current one', async () => {
    const expected = { Dashboard: 'Dashboard', Workouts: 'Workouts', Plan: 'Plan', Rules: 'Rules', Routes: 'Routes', Coach: 'Coach', Settings: 'Settings' };
    for (const [link, heading] of Object.entries(expected)) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      const current = await page.locator('nav[aria-label=Main] a[aria-current=page]').innerText();
      assert.equal(current, link);
    }
    await page.goto(`${stack.url}/plan`);
    await page.locator('.empty-state', { hasText: 'No plan yet' }).waitFor();
    await page.locator('[data-testid=live-indicator]', { hasText: 'Live' }).waitFor();
    await page.locator('[data-testid=sync-state]', { hasText: /Synced .*ago/ }).waitFor();
  });

  it('starts keyboard users at a skip link into the content', async () => {
    await page.goto(`${stack.url}/routes`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  it('remembers a dark theme over a reload', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${stack.url}/settings`);
    const toggle = page.locator('[data-testid=theme-toggle]');
    await toggle.waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await toggle.click(); // auto → light
    await toggle.click(); // light → dark
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.notEqual(await background(), light);
    await page.getByLabel('Follow the system').check();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
  });

  it('collapses the menu at phone width', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${stack.url}/workouts`);
    const menu = phone.getByRole('button', { name: 'Menu' });
    const routesLink = phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routes' });
    assert.equal(await routesLink.isVisible(), false);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await routesLink.click();
    await phone.waitForURL(`${stack.url}/routes`);
    await phone.getByRole('heading', { level: 1, name: 'Routes' }).waitFor();
    assert.equal(await routesLink.isVisible(), false, 'menu closes after following a link');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await phone.close();
  });

  it('lists workouts, filters by source and pages', async () => {
    await page.goto(`${stack.url}/workouts`);
    await page.locator('[data-testid=workouts-total]', { hasText: '40 rides' }).waitFor();
    assert.equal(await page.locator('[data-testid=workout]').count(), 25);
    assert.match(await page.locator('[data-testid=page-indicator]').innerText(), /Page 1 of 2/);
    await page.getByRole('button', { name: 'Older →' }).click();
    await page.waitForURL(/page=2/);
    await page.locator('[data-testid=page-indicator]', { hasText: 'Page 2 of 2' }).waitFor();
    assert.equal(await page.locator('[data-testid=workout]').count(), 15);

    await page.selectOption('#filter-source', 'garmin');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/source=garmin/);
    await page.locator('[data-testid=workouts-total]', { hasText: '10 rides' }).waitFor();
    const badges = await page.locator('[data-testid=workout] .badge').allInnerTexts();
    assert.equal(badges.length, 10);
    assert.ok(badges.every((b) => b === 'Garmin'), badges.join());
    assert.doesNotMatch(page.url(), /page=2/, 'a new filter starts at page 1');

    await page.fill('#filter-from', '2000-01-01');
    await page.fill('#filter-to', '2000-01-31');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No rides match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.locator('[data-testid=workouts-total]', { hasText: '40 rides' }).waitFor();
  });

  it('shows a 5-hour ride with charts, a shared cursor, zoom, metrics and the map', async (t) => {
    await page.goto(`${stack.url}/workouts`);
    await page.getByRole('link', { name: 'Five-hour gran fondo' }).click();
    await page.locator('[data-testid=workout-detail]').waitFor();
    const charts = page.locator('[data-testid=charts]');
    await page.locator('[data-testid=charts][data-ready=true]').waitFor({ timeout: 20_000 });
    const channels = await charts.locator('.chart-panel').evaluateAll((els) => els.map((e) => e.getAttribute('data-channel')));
    assert.deepEqual(channels, ['power', 'heartRate', 'cadence', 'speed', 'elevation']);
    assert.equal(await charts.locator('canvas').count(), 5);
    t.diagnostic(`charts for 5 × 18,000 points built in ${await charts.getAttribute('data-render-ms')} ms`);

    const power = charts.locator('[data-channel=power] .u-over');
    await charts.locator('[data-channel=elevation]').scrollIntoViewIfNeeded();
    await power.scrollIntoViewIfNeeded();
    const box = await power.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    const first = Number(await charts.getAttribute('data-cursor-index'));
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    const second = Number(await charts.getAttribute('data-cursor-index'));
    assert.ok(first > 3000 && first < 6000, `cursor at a quarter is around 4,500 s, got ${first}`);
    assert.ok(second > first + 5000, `cursor moved right: ${first} → ${second}`);
    // The other charts follow: their cursor line sits where power's does.
    const lines = await charts.locator('.u-cursor-x').evaluateAll((els) => els.map((e) => e.style.transform));
    assert.equal(new Set(lines).size, 1, `one cursor position across charts: ${lines}`);
    assert.notEqual(await charts.locator('[data-channel=elevation] .u-legend .u-value').nth(1).innerText(), '–');

    // Drag to zoom on power: heart rate's x axis follows.
    const window = async (channel) => {
      const panel = charts.locator(`[data-channel=${channel}]`);
      return [Number(await panel.getAttribute('data-x-min')), Number(await panel.getAttribute('data-x-max'))];
    };
    assert.deepEqual(await window('elevation'), [0, 17_999]);
    await page.mouse.move(box.x + box.width * 0.4, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + 20, { steps: 5 });
    await page.mouse.up();
    const [zoomMin, zoomMax] = await window('elevation');
    assert.ok(zoomMin > 6500 && zoomMin < 7900 && zoomMax > 8500 && zoomMax < 9600, `elevation follows power's zoom to 40–50 %: ${zoomMin}–${zoomMax}`);
    assert.deepEqual(await window('heartRate'), [zoomMin, zoomMax]);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    assert.deepEqual(await window('cadence'), [0, 17_999]);

    assert.match(await page.locator('[data-testid=thresholds]').innerText(), /FTP 265 W and LTHR 168 bpm/);
    await page.locator('[data-testid=map][data-ready=true]').waitFor();
    assert.ok((await page.locator('[data-testid=map] path.leaflet-interactive').count()) >= 1, 'track drawn');
  });

  it('imports two files by drag and drop, one of them a duplicate', async () => {
    await page.goto(`${stack.url}/workouts/import`);
    const drop = async (files) =>
      page.locator('[data-testid=drop-zone]').evaluate((zone, list) => {
        const transfer = new DataTransfer();
        for (const f of list) transfer.items.add(new File([f.content], f.name, { type: 'application/octet-stream' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, files);
    const morning = { name: 'morning.fit', content: 'FIT-bytes-of-the-morning-ride-0001' };
    await drop([morning]);
    await page.locator('[data-testid=upload][data-file="morning.fit"].upload-good').waitFor();

    await drop([morning, { name: 'evening.gpx', content: '<gpx>evening ride, different bytes</gpx>' }]);
    const duplicate = page.locator('[data-testid=upload][data-file="morning.fit"].upload-warn');
    await duplicate.waitFor();
    assert.match(await duplicate.innerText(), /Duplicate: This file is already stored as workout/);
    const existing = await duplicate.getByRole('link', { name: 'Open the existing ride' }).getAttribute('href');
    const firstLink = await page.locator('[data-testid=upload][data-file="morning.fit"].upload-good a').getAttribute('href');
    assert.equal(existing, firstLink, 'the duplicate links to the ride stored by the first import');
    const evening = page.locator('[data-testid=upload][data-file="evening.gpx"].upload-good');
    await evening.waitFor();
    assert.match(await evening.innerText(), /Imported “evening”/);
    assert.equal(await page.locator('[data-testid=upload] progress').evaluateAll((ps) => ps.every((p) => p.value === 1)), true);

    await drop([{ name: 'notes.txt', content: 'not an activity file at all' }]);
    const bad = page.locator('[data-testid=upload][data-file="notes.txt"].upload-bad');
    await bad.waitFor();
    assert.match(await bad.innerText(), /not a FIT, GPX, TCX or zip file/);
  });

  it('shows a route with its profile and sections, renames it, and converts to imperial', async () => {
    await page.goto(`${stack.url}/routes`);
    await page.locator('[data-testid=route-row]').first().waitFor();
    assert.deepEqual(await page.locator('[data-testid=route-row] td:first-child').allInnerTexts(), ['Aare valley out and back', 'Gurnigel loop']);
    await page.getByRole('button', { name: 'Name' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=route-row] td')?.textContent === 'Aare valley out and back' && document.querySelector('th[aria-sort]')?.getAttribute('aria-sort') === 'ascending');
    await page.getByRole('button', { name: /^Name/ }).click();
    await page.locator('th[aria-sort=descending]').waitFor();
    await page.locator('[data-testid=routes-table][aria-busy=false]').waitFor();
    assert.equal(await page.locator('[data-testid=route-row] td').first().innerText(), 'Gurnigel loop');

    await page.getByRole('link', { name: 'Gurnigel loop' }).click();
    await page.locator('[data-testid=route-detail]').waitFor();
    const rows = page.locator('[data-testid=section-row]');
    assert.equal(await rows.count(), 5);
    const climb = await rows.nth(1).innerText();
    assert.match(climb, /climb · Cat 2/);
    assert.match(climb, /7\.50 km/);
    assert.match(climb, /\+6\.8 %/);
    assert.match(climb, /34×28 at 68 rpm \(needs 292 W\)/);
    await page.locator('[data-testid=charts][data-ready=true] canvas').waitFor();
    await page.locator('[data-testid=map][data-ready=true]').waitFor();

    await page.getByRole('button', { name: 'Rename' }).click();
    await page.fill('#route-name', 'Gurnigel loop (spring)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gurnigel loop (spring)' }).waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel(/Imperial/).check();
    await page.goBack();
    await page.locator('[data-testid=section-row]').first().waitFor();
    assert.match(await rows.nth(1).innerText(), /4\.66 mi/); // 7.5 km
    await page.goto(`${stack.url}/settings`);
    await page.getByLabel(/Metric/).check();
  });

  it('connects Garmin with a token, shows the cooldown after a refused login, and disconnects', async () => {
    await page.goto(`${stack.url}/settings`);
    await page.locator('[data-testid=garmin-status]', { hasText: 'Not connected' }).waitFor();
    await page.getByRole('tab', { name: 'Username & password' }).click();
    await page.fill('#garmin-username', 'rider@example.org');
    await page.fill('#garmin-password', 'slow');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=garmin-cooldown]').waitFor();
    assert.match(await page.locator('[data-testid=garmin-error]').innerText(), /429/);

    await page.getByRole('tab', { name: 'Token file' }).click();
    await page.fill('#garmin-token', '{"di_token":"eyJ…","di_refresh_token":"r","di_client_id":"c"}');
    await page.getByRole('button', { name: 'Connect' }).first().click();
    await page.locator('[data-testid=garmin-status]', { hasText: 'Connected as rider@example.org' }).waitFor();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.locator('[data-testid=garmin-status]', { hasText: 'Not connected' }).waitFor();
  });
});
