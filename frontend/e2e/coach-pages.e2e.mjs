// The coach parts of the dashboard and the ride page against the fake gateway (known data: 40 seeded rides with
// TSS and mean-max power, no plan): the fitness chart drawn, this week's and the plan page's empty states, the
// ride's power curve against the best, the analysis card's "not analysed" state. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { built, startFakeStack } from './fake-stack.mjs';

const skip = built() ? false : 'run npm run build first (needs .next/standalone/server.js)';

describe('coach pages (fake gateway)', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof startFakeStack>>} */
  let stack;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;

  before(async () => {
    stack = await startFakeStack();
    browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    page = await browser.context.newPage();
    await page.goto(`${stack.url}/sign-in`);
    await page.fill('#apiKey', stack.apiKey);
    await page.click('button[type=submit]');
    await page.waitForURL(`${stack.url}/`);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('draws fitness on the dashboard and says there is no plan for this week', async () => {
    await page.locator('[data-testid=fitness-chart][data-ready=true]').waitFor();
    const ctl = await page.locator('[data-testid=fitness-card] dl dd').first().innerText();
    assert.ok(Number(ctl) > 0, `CTL ${ctl} from the seeded rides`);
    await page.locator('[data-testid=week-card] .empty-state', { hasText: 'No plan yet' }).waitFor();
    await page.locator('[data-testid=pending-analyses]', { hasText: 'Nothing to approve' }).waitFor();
    // What the dashboard had is still there.
    await page.getByRole('heading', { name: 'Rides' }).waitFor();
    await page.getByRole('heading', { name: 'Log a ride' }).waitFor();
  });

  it('shows a ride\'s power curve against the best and offers an analysis', async () => {
    const rides = await (await page.request.get(`${stack.url}/api/workouts?pageSize=5`)).json();
    const ride = rides.items.find((w) => w.metrics?.hasPower);
    await page.goto(`${stack.url}/workouts/${ride.id}`);
    await page.locator('[data-testid=power-curve-chart][data-ready=true]').waitFor();
    const rows = page.locator('[data-testid=power-curve-table] tbody tr');
    assert.equal(await rows.count(), Object.keys(ride.metrics.meanMaxPowerWatts).length);
    assert.match(await rows.first().innerText(), new RegExp(`5 s\\s+${ride.metrics.meanMaxPowerWatts[5]} W`));
    await page.locator('[data-testid=analysis]', { hasText: 'Not analysed yet' }).waitFor();
    await page.getByRole('button', { name: 'Analyse this ride' }).waitFor();
  });

  it('keeps the plan page usable by keyboard with no plan', async () => {
    await page.goto(`${stack.url}/plan`);
    await page.locator('.empty-state', { hasText: 'No plan yet' }).waitFor();
    const generate = page.getByRole('button', { name: 'Generate plan…' }).first();
    await generate.focus();
    await page.keyboard.press('Enter');
    await page.locator('#plan-start').waitFor();
    assert.equal(await generate.getAttribute('aria-expanded'), 'true');
  });
});
