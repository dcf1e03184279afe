// Readiness beside fitness, analyses without a ride decided on the dashboard, and a ride's laps, against the fake
// gateway (e2e/fake-coach.mjs: 28 days of readiness with every fifth day missing, today 42 "low"; today's readiness
// adjustment and a threshold update waiting; the five-hour ride with five laps and streams from Garmin's details);
// the dashboard's server render (its cards' data in the HTML, a failed read as the card's error state) and the
// readiness card without wellness data. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { built, signedInFakeStack } from './fake-stack.mjs';

const skip = built() ? false : 'run npm run build first (needs .next/standalone/server.js)';

describe('readiness, in-place approvals and laps (fake gateway)', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof signedInFakeStack>>} */
  let signedIn;
  let stack, page;

  before(async () => {
    signedIn = await signedInFakeStack();
    ({ stack, page } = signedIn);
  });

  after(() => signedIn?.close());

  it("shows today's readiness and a strip where missing days are gaps", async () => {
    const today = page.locator('[data-testid=readiness-today]');
    await today.waitFor();
    assert.equal(await today.getAttribute('data-band'), 'low');
    const text = await today.innerText();
    assert.match(text, /42\s+Low/);
    assert.match(text, /confidence 80%/);
    // The strongest pull first: HRV (weight 0.4, score 30) before sleep (0.35, 45) before resting HR (0.25, 55).
    assert.deepEqual(await today.locator('.readiness-reasons li').allInnerTexts(), ['HRV 38 ms against a 52 ms baseline', 'Slept 5.4 h', 'Resting HR 55 bpm (baseline 49)']);
    const bars = page.locator('[data-testid=readiness-strip] li');
    assert.equal(await bars.count(), 14);
    // Days 3, 8, 13 back have no wellness: gaps (no score), never drawn as 0.
    const scores = await bars.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-score')));
    assert.deepEqual(scores.map((s, i) => (s === '' ? 13 - i : null)).filter((b) => b != null), [13, 8, 3]);
    assert.equal(scores.at(-1), '42');
    assert.ok(!scores.includes('0'));
    await page.getByRole('button', { name: '28 d' }).click();
    assert.equal(await bars.count(), 28);
    // Beside the fitness chart on a wide screen.
    const fitness = await page.locator('[data-testid=fitness-card]').boundingBox();
    const readiness = await page.locator('[data-testid=readiness-card]').boundingBox();
    assert.ok(fitness && readiness && readiness.x > fitness.x + fitness.width - 1 && Math.abs(readiness.y - fitness.y) < 2, 'readiness sits to the right of fitness');
  });

  it('approves the readiness suggestion and the threshold update on the dashboard', async () => {
    const item = page.locator('[data-testid=pending-analysis]', { hasText: 'Readiness 42 (low' });
    const proposal = item.locator('[data-testid=proposal]');
    assert.match(await proposal.innerText(), /Change .* to endurance/);
    await proposal.getByRole('button', { name: 'Approve' }).click();
    await item.locator('[data-testid=proposal][data-status=approved]').waitFor();
    assert.match(await item.innerText(), /Approved\./);
    assert.equal(await item.getByRole('button', { name: 'Approve' }).count(), 0);
    const approved = await (await page.request.get(`${stack.url}/api/coach/analyses/0199aaaa-0000-7000-8000-000000000002`)).json();
    assert.equal(approved.suggestions[0].state, 'approved');

    const threshold = page.locator('[data-testid=pending-analysis]', { hasText: 'Threshold update' });
    assert.match(await threshold.innerText(), /Use FTP 272 W from/);
    await threshold.getByRole('button', { name: 'Approve' }).click();
    await threshold.getByText('The new thresholds are in use').waitFor();
    // A reload keeps the ride's review waiting and no longer lists the decided ones.
    await page.reload();
    await page.locator('[data-testid=pending-analysis]').first().waitFor();
    assert.equal(await page.locator('[data-testid=pending-analysis]').count(), 1);
  });

  it("shows the long ride's laps and where its streams came from", async () => {
    const rides = await (await page.request.get(`${stack.url}/api/workouts?pageSize=10`)).json();
    const long = rides.items.find((w) => w.durationSeconds >= 4 * 3600); // the long ride, the one with laps
    const ride = await (await page.request.get(`${stack.url}/api/workouts/${long.id}`)).json(); // laps are the detail's
    await page.goto(`${stack.url}/workouts/${ride.id}`);
    const rows = page.locator('[data-testid=laps-table] tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 5);
    const first = ride.laps[0];
    const cells = await rows.first().locator('th, td').allInnerTexts();
    assert.deepEqual([cells[0], cells[1], cells[2]], ['1', '0:00', '1:00:00']);
    assert.equal(cells[5], `${first.averagePowerWatts} W`);
    assert.equal(cells[6], `${first.averageHeartRateBpm} bpm`);
    assert.match(await page.locator('[data-testid=stream-source]').innerText(), /Garmin's activity details .*resampled to 1 Hz/);
    // At phone width each lap is a card with labelled values, nothing scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const box = page.locator('[data-testid=laps-table]').locator('..');
      const [scroll, client] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(scroll <= client, `laps ${scroll} px wide in a ${client} px box`);
      const label = await rows.nth(1).locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content);
      assert.equal(label, '"Start"');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});

describe('dashboard rendered on the server (fake gateway)', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof signedInFakeStack>>} */
  let signedIn;
  let stack, page;

  before(async () => {
    signedIn = await signedInFakeStack();
    ({ stack, page } = signedIn);
  });

  after(() => signedIn?.close());

  it('sends the rides, this week and the approvals in the HTML, before any script runs', async () => {
    const newest = (await (await page.request.get(`${stack.url}/api/workouts?page=1&pageSize=10`)).json()).items;
    const html = await (await page.request.get(`${stack.url}/`)).text();
    const rides = [...html.matchAll(/class="workout-name" href="\/workouts\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    assert.deepEqual(rides, newest.map((w) => w.id)); // the ten newest, newest first, as the card's refresh asks
    assert.match(html, /No plan yet/); // this week without a plan
    assert.equal([...html.matchAll(/data-testid="pending-analysis"/g)].length, 3);
    assert.doesNotMatch(html, /Loading rides/);
  });

  it("shows the rides card's error state when the server's read fails, and recovers on retry", async () => {
    stack.gateway.failing.add('/api/workouts');
    try {
      await page.goto(`${stack.url}/`);
      const card = page.locator('.workouts-card');
      await card.getByRole('alert').getByText('Could not load rides: The fake gateway was told to fail /api/workouts.').waitFor();
      // The other cards are there as usual.
      await page.locator('[data-testid=pending-analysis]').first().waitFor();
      await page.locator('[data-testid=fitness-chart][data-ready=true]').waitFor();
    } finally {
      stack.gateway.failing.delete('/api/workouts');
    }
    await page.locator('.workouts-card').getByRole('button', { name: 'Try again' }).click();
    await page.locator('.workouts-card [data-testid=workout]').first().waitFor();
    assert.equal(await page.locator('.workouts-card [data-testid=workout]').count(), 10);
  });

  it('says there is no wellness data when readiness has no days', async () => {
    stack.gateway.coach.readiness = false;
    try {
      await page.goto(`${stack.url}/`);
      const card = page.locator('[data-testid=readiness-card]');
      await card.getByText('No wellness data: HRV, sleep and resting heart rate from Garmin or intervals.icu build the score.').waitFor();
      assert.equal(await page.locator('[data-testid=readiness-today]').count(), 0);
      // The strip is all gaps, never zeros.
      const scores = await card.locator('[data-testid=readiness-strip] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-score')));
      assert.deepEqual(scores, Array(14).fill(''));
    } finally {
      stack.gateway.coach.readiness = true;
    }
  });
});
