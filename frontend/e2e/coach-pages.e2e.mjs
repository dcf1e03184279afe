// The coach parts of the dashboard, the ride page and the plan page against the fake gateway (known data: 40 seeded
// rides with TSS and mean-max power, the newest reviewed with two suggestions, no plan, generation refused): the
// fitness chart drawn, this week's and the plan page's empty states, the waiting review linked, reject one
// suggestion with a reason and approve the other, the power curve against the best, a refused plan's violations,
// 60 plan versions paged past the first 50 (stacked as cards at phone width), and the prompts page's tabs by keyboard.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planVersionSummaries } from './fake-coach.mjs';
import { built, signedInFakeStack } from './fake-stack.mjs';

const skip = built() ? false : 'run npm run build first (needs .next/standalone/server.js)';

describe('coach pages (fake gateway)', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof signedInFakeStack>>} */
  let signedIn;
  let stack, page;

  before(async () => {
    signedIn = await signedInFakeStack();
    ({ stack, page } = signedIn);
  });

  after(() => signedIn?.close());

  it('draws fitness on the dashboard and says there is no plan for this week', async () => {
    await page.locator('[data-testid=fitness-chart][data-ready=true]').waitFor();
    const ctl = await page.locator('[data-testid=fitness-card] dl dd').first().innerText();
    assert.ok(Number(ctl) > 0, `CTL ${ctl} from the seeded rides`);
    await page.locator('[data-testid=week-card] .empty-state', { hasText: 'No plan yet' }).waitFor();
    const waiting = page.locator('[data-testid=pending-analysis]');
    await waiting.first().waitFor();
    assert.equal(await waiting.count(), 3); // the review, today's readiness adjustment, a threshold update
    assert.match(await waiting.filter({ has: page.locator('a.workout-name') }).innerText(), /2 suggestions/);
    // What the dashboard had is still there.
    await page.getByRole('heading', { name: 'Rides' }).waitFor();
    await page.getByRole('heading', { name: 'Log a ride' }).waitFor();
  });

  it('rejects one suggestion with a reason and approves the other on the ride page', async () => {
    await page.goto(`${stack.url}/`);
    await page.locator('[data-testid=pending-analysis] a.workout-name').click();
    await page.waitForURL(/\/workouts\/.+#analysis$/);
    await page.locator('[data-testid=analysis-status][data-status=ready]').waitFor();
    assert.match(await page.locator('[data-testid=analysis-summary]').innerText(), /TSB -32/);
    const suggestions = page.locator('[data-testid=suggestion]');
    assert.equal(await suggestions.count(), 2);
    await suggestions.nth(1).getByRole('button', { name: 'Reject…' }).click();
    await page.getByLabel('Why not? (optional)').fill('I have a race on Sunday');
    await suggestions.nth(1).getByRole('button', { name: 'Reject', exact: true }).click();
    await page.locator('[data-testid=suggestion][data-state=rejected]').waitFor();
    assert.equal(await suggestions.nth(0).getAttribute('data-state'), 'pending');
    await page.locator('text=Rejected because: I have a race on Sunday').waitFor();
    // One pending left: approving all approves just that one; the review ends partly approved.
    await page.locator('[data-testid=approve-all]').click();
    await page.locator('[data-testid=analysis-status][data-status=partially_approved]').waitFor();
    assert.equal(await suggestions.nth(0).getAttribute('data-state'), 'approved');
    assert.equal(await page.locator('[data-testid=approve-all]').count(), 0);
  });

  it('shows a ride\'s power curve against the best and offers an analysis', async () => {
    const rides = await (await page.request.get(`${stack.url}/api/workouts?pageSize=5`)).json();
    // The list carries summaries; the curve's points are in the detail. The newest ride has a review.
    const details = await Promise.all(rides.items.slice(1).map(async (w) => (await page.request.get(`${stack.url}/api/workouts/${w.id}`)).json()));
    const ride = details.find((w) => w.metrics?.hasPower);
    await page.goto(`${stack.url}/workouts/${ride.id}`);
    await page.locator('[data-testid=power-curve-chart][data-ready=true]').waitFor();
    const rows = page.locator('[data-testid=power-curve-table] tbody tr');
    assert.equal(await rows.count(), Object.keys(ride.metrics.meanMaxPowerWatts).length);
    assert.match(await rows.first().innerText(), new RegExp(`5 s\\s+${ride.metrics.meanMaxPowerWatts[5]} W`));
    // At phone width each duration is a card with labelled values, nothing scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const table = page.locator('[data-testid=power-curve-table]');
      const [scroll, client] = await table.evaluate((t) => [t.scrollWidth, t.parentElement.clientWidth]);
      assert.ok(scroll <= client, `power curve table ${scroll} px wide in a ${client} px box`);
      assert.deepEqual(await rows.first().locator('td').evaluateAll((tds) => tds.map((td) => td.dataset.label)), ['This ride', 'Best, last 90 days', 'Share']);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
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
    // The rules refuse the plan: the violations are listed, nothing else changes.
    await page.locator('form[aria-label="Generate a plan"] button[type=submit]').click();
    const refused = page.locator('[data-testid=generate-refused]');
    await refused.waitFor();
    assert.equal(await refused.locator('li').count(), 2);
    assert.match(await refused.innerText(), /3 hard sessions; the rules allow 2/);
    await page.locator('.empty-state', { hasText: 'No plan yet' }).waitFor();
  });

  it('pages the version history past the first 50, and the diff pickers offer the older ones', async () => {
    stack.gateway.coach.planVersions = planVersionSummaries(60);
    try {
      await page.goto(`${stack.url}/plan`);
      const rows = page.locator('[data-testid=plan-version]');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 50);
      assert.equal(await rows.first().getAttribute('data-version'), '60');
      await page.getByRole('button', { name: 'Show older versions (10 more)' }).click();
      await page.locator('[data-testid=plan-version][data-version="1"]').waitFor();
      assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-version')))), Array.from({ length: 60 }, (_, i) => 60 - i));
      assert.equal(await page.locator('[data-testid=older-versions]').count(), 0); // all shown
      assert.equal(await page.locator('#diff-from option').count(), 60);
      // At phone width each version is a card: nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      const box = page.locator('[data-testid=plan-versions]').locator('..');
      const [scroll, client] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(scroll <= client, `history ${scroll} px wide in a ${client} px box`);
    } finally {
      stack.gateway.coach.planVersions = [];
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it("moves between the prompts page's tabs with the arrow keys, Home and End (one tab in the Tab order)", async () => {
    // The fake gateway has no prompts: an empty list still gives one tab per job.
    await page.route('**/api/coach/prompts?*', (route) => route.fulfill({ json: { items: [], page: 1, pageSize: 200, total: 0 } }));
    await page.route('**/api/coach/prompts/placeholders', (route) => route.fulfill({ json: [] }));
    try {
      await page.goto(`${stack.url}/prompts`);
      const tabs = page.getByRole('tab');
      await tabs.first().waitFor();
      assert.equal(await tabs.count(), 5);
      const selected = () => page.locator('[role=tab][aria-selected=true]').innerText();
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('id'));
      assert.deepEqual(await tabs.evaluateAll((ts) => ts.map((t) => t.tabIndex)), [0, -1, -1, -1, -1]);
      await tabs.first().focus();
      await page.keyboard.press('ArrowRight');
      assert.match(await selected(), /^Plan generation/);
      assert.equal(await focused(), 'tab-plan_generation');
      assert.deepEqual(await tabs.evaluateAll((ts) => ts.map((t) => t.tabIndex)), [-1, 0, -1, -1, -1]);
      await page.keyboard.press('End');
      assert.match(await selected(), /^Chat/);
      await page.keyboard.press('ArrowRight'); // wraps to the first
      assert.match(await selected(), /^Rule parsing/);
      await page.keyboard.press('ArrowLeft'); // and back to the last
      assert.equal(await focused(), 'tab-chat');
      await page.keyboard.press('Home');
      assert.equal(await focused(), 'tab-rule_parsing');
      assert.equal(await page.locator('#prompt-panel').getAttribute('aria-labelledby'), 'tab-rule_parsing');
    } finally {
      await page.unrouteAll();
    }
  });
});
