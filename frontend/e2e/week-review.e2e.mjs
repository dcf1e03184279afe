// The plan page's "This week's suggestions" against the fake gateway (e2e/fake-coach.mjs): today's readiness
// adjustment (in "Approve all"), a threshold update (decided on its own) and a chat proposal asking for what the
// readiness adjustment already does (no longer fits). A 409 and a 422 refusal, then "Approve all" → plan v4 in the
// history; the week picker; "Reject all" with a reason; the panel at phone width. Needs `npm run build` first.
// Screenshots go to SCREENSHOT_DIR (else a temp folder, printed).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chatProposal, planVersionSummaries, readinessAdjustment, thresholdUpdate } from './fake-coach.mjs';
import { built, signedInFakeStack } from './fake-stack.mjs';

const skip = built() ? false : 'run npm run build first (needs .next/standalone/server.js)';

describe("the week's suggestions on the plan page (fake gateway)", { skip }, () => {
  /** @type {Awaited<ReturnType<typeof signedInFakeStack>>} */
  let signedIn;
  let stack, page, shots;
  const panel = () => page.locator('[data-testid=week-suggestions]');
  const items = () => panel().locator('[data-testid=week-item]');

  /** Three suggestions today (the fake's days are UTC, as is this machine's browser), a plan with three versions. */
  async function seedWeek() {
    const now = Date.now();
    stack.gateway.coach.planVersions = planVersionSummaries(3, now);
    stack.gateway.coach.planChanges = new Map();
    stack.gateway.coach.analyses = [readinessAdjustment(now), thresholdUpdate(now), chatProposal(new Date(now).toISOString().slice(0, 10), 'endurance', now + 1000)];
    await page.reload();
    await items().first().waitFor();
  }

  before(async () => {
    shots = process.env.SCREENSHOT_DIR ?? (await mkdtemp(join(tmpdir(), 'cyclingcoach-week-')));
    await mkdir(shots, { recursive: true });
    signedIn = await signedInFakeStack({ path: '/plan' });
    ({ stack, page } = signedIn);
    await seedWeek();
  });

  after(() => signedIn?.close());

  /** The panel cut from a full-page render (an element shot scrolls, and the sticky header would cover it on a phone). */
  const shoot = async (name) => {
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays at the top of the page
    const box = await panel().boundingBox();
    await page.screenshot({ path: join(shots, name), fullPage: true, clip: box });
  };

  it("lists this week's pending suggestions, saying which Approve all leaves and why", async (t) => {
    assert.equal(await panel().locator('h2').innerText(), "This week's suggestions");
    assert.equal(await items().count(), 3);
    const texts = await items().allInnerTexts();
    // The service's order: by day, then by age (the threshold update is three hours old).
    assert.match(texts[0], /Use FTP 272 W from .*Threshold update/s);
    assert.match(texts[0], /Decide this one on its own/);
    assert.match(texts[1], /Change .* to endurance.*Readiness/s);
    assert.match(texts[1], /Readiness 42 \(low/); // the analysis's summary
    assert.match(texts[2], /Proposal/);
    assert.match(texts[2], /No longer fits the plan after the ones before it: The session on .* is already endurance/);
    assert.deepEqual(await items().evaluateAll((lis) => lis.map((li) => li.getAttribute('data-in-all'))), ['false', 'true', 'false']);
    assert.equal(await panel().locator('[data-testid=week-note] a').first().getAttribute('href'), '/');
    assert.equal(await panel().locator('[data-testid=week-hint]').innerText(), 'Approve all applies 1 change as one new plan version. 2 suggestions stay for you to decide on their own. Reject all rejects all 3.');
    await shoot('week-desktop.png');
    t.diagnostic(`screenshots: ${shots}`);
  });

  it('explains a 409 and lists the violations of a 422, changing nothing', async () => {
    stack.gateway.coach.weekRefusal = { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.10', title: 'Conflict', status: 409, detail: "Some of the week's suggestions were decided meanwhile; nothing was changed. Look at the week again." };
    await panel().getByRole('button', { name: 'Approve all (1)' }).click();
    const error = panel().locator('[data-testid=week-error]');
    assert.match(await error.innerText(), /Nothing was changed\. Some of the week's suggestions were decided meanwhile/);

    stack.gateway.coach.weekRefusal = {
      type: 'urn:cyclingcoach:problem:plan-refused', title: 'Plan refused', status: 422, detail: 'The plan breaks the rules and could not be repaired; nothing was stored.',
      violations: ['Week 1 has 3 hard sessions; the rules allow 2.', 'Sunday is a blackout date.'],
    };
    await panel().getByRole('button', { name: 'Approve all (1)' }).click();
    await error.locator('li').first().waitFor();
    assert.match(await error.innerText(), /The plan would break your rules; nothing was changed\./);
    assert.deepEqual(await error.locator('li').allInnerTexts(), ['Week 1 has 3 hard sessions; the rules allow 2.', 'Sunday is a blackout date.']);
    assert.equal(await items().count(), 3);
    assert.equal(stack.gateway.coach.planVersions.length, 3);
  });

  it('approves all in one request: plan v4 created, what is left stays listed, the history shows v4', async () => {
    const requests = [];
    page.on('request', (r) => r.url().includes('/analyses/week/') && r.method() === 'POST' && requests.push(r.postData()));
    await panel().getByRole('button', { name: 'Approve all (1)' }).click();
    const result = panel().locator('[data-testid=week-result]');
    await result.waitFor();
    assert.equal(await result.innerText(), 'Approved 1 suggestion: plan v4 created. 2 suggestions left to decide on their own.');
    assert.deepEqual(requests, ['{}'], 'one POST with a JSON body');
    assert.equal(await panel().locator('[data-testid=week-error]').count(), 0);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=week-item]').length === 2);
    assert.equal(await panel().getByRole('button', { name: 'Approve all (0)' }).isDisabled(), true);
    assert.match(await panel().locator('[data-testid=week-hint]').innerText(), /^Nothing here fits Approve all/);
    const newest = page.locator('[data-testid=plan-version]').first();
    await page.locator('[data-testid=plan-version][data-version="4"]').waitFor();
    assert.match(await newest.innerText(), /v4.*current.*Approved analysis \(the week of \d{4}-\d{2}-\d{2}\)/s);
    const readiness = await (await page.request.get(`${stack.url}/api/coach/analyses/0199aaaa-0000-7000-8000-000000000002`)).json();
    assert.equal(readiness.suggestions[0].state, 'approved');
    await shoot('week-approved-desktop.png');
  });

  it('moves to the next and the previous week', async () => {
    const range = panel().locator('[data-testid=week-range]');
    const thisWeek = await range.innerText();
    await panel().getByRole('button', { name: 'Next week' }).click();
    await panel().locator('[data-testid=week-empty]').waitFor();
    assert.equal(await panel().locator('h2').innerText(), "Next week's suggestions");
    assert.notEqual(await range.innerText(), thisWeek);
    assert.equal(await panel().locator('[data-testid=week-result]').count(), 0, 'the outcome belongs to the week it was for');
    await panel().getByRole('button', { name: 'Previous week' }).click();
    await panel().getByRole('button', { name: 'Previous week' }).click();
    assert.equal(await panel().locator('h2').innerText(), "Last week's suggestions");
    await panel().getByRole('button', { name: 'Next week' }).click();
    await items().first().waitFor();
    assert.equal(await range.innerText(), thisWeek);
  });

  it('rejects all with a reason in one request', async () => {
    await panel().getByRole('button', { name: 'Reject all…' }).click();
    await panel().getByLabel('Why not? (optional)').fill('Travelling this week');
    await panel().getByRole('button', { name: 'Reject all 2' }).click();
    const result = panel().locator('[data-testid=week-result]');
    await result.waitFor();
    assert.equal(await result.innerText(), 'Rejected 2 suggestions (“Travelling this week”). The plan is unchanged.');
    await panel().locator('[data-testid=week-empty]').waitFor();
    const threshold = await (await page.request.get(`${stack.url}/api/coach/analyses/0199aaaa-0000-7000-8000-000000000003`)).json();
    assert.deepEqual([threshold.status, threshold.rejectReason], ['rejected', 'Travelling this week']);
  });

  it('fits a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await seedWeek();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    const box = await panel().boundingBox();
    assert.ok(box && box.width <= 390, 'the panel fits the width');
    await panel().getByRole('button', { name: 'Reject all…' }).click();
    await shoot('week-phone.png');
  });
});
