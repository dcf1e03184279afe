// The workout library page against the real stack (WEB_URL, API_KEY; ./coach test sets them): the filters ask the
// API what the page lists, every session has its power profile and purpose, its .zwo downloads, and "put this on
// day X" becomes a pending plan change that changes the plan only once approved through the usual endpoint. The
// database is shared: the plan is generated here and the approved change undone at the end.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { noStack, signIn, WEB_URL } from './real-stack.mjs';

describe('workout library (real stack)', { skip: noStack }, () => {
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  let shots;
  let approvedPlanId = null;

  const api = async (path, init) => {
    const response = await page.request.fetch(`${WEB_URL}${path}`, init);
    return { status: response.status(), body: response.headers()['content-type']?.includes('json') ? await response.json() : await response.text() };
  };
  const post = (path, data) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, data });
  const cards = () => page.locator('[data-testid=library-workout]');
  const countShown = async () => Number(/^(\d+)/.exec(await page.locator('[data-testid=library-count]').innerText())[1]);

  before(async () => {
    shots = process.env.SCREENSHOT_DIR ?? (await mkdtemp(join(tmpdir(), 'cyclingcoach-library-')));
    await mkdir(shots, { recursive: true });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    browser.context.setDefaultTimeout(20_000);
    page = await browser.context.newPage();
    await signIn(page, '/library');
    // A plan starting this week, so the page offers days to put a session on.
    const today = new Date();
    const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
    const startDate = `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
    for (let attempt = 0; ; attempt++) {
      const generated = await post('/api/coach/plans/generate', { startDate });
      if (generated.status === 201) break;
      assert.ok(generated.status === 409 && attempt < 5, `generate: ${generated.status} ${JSON.stringify(generated.body)}`);
      await page.waitForTimeout(3000); // another client's generation on the shared stack
    }
    await page.reload();
  });

  after(async () => {
    if (approvedPlanId && page) await post('/api/coach/plans/undo', {}).catch(() => {});
    await browser?.close();
  });

  it('lists what the API lists for each filter, each session with its profile and purpose', async () => {
    await cards().first().waitFor();
    const all = (await api('/api/coach/workouts/library')).body;
    assert.ok(all.length >= 60, `${all.length} sessions`);
    assert.equal(await countShown(), all.length);
    assert.equal(await cards().count(), all.length);

    await page.selectOption('[data-testid=library-type]', 'vo2_max');
    const vo2 = (await api('/api/coach/workouts/library?type=vo2_max')).body;
    await page.locator('[data-testid=library-count]', { hasText: `${vo2.length} session` }).waitFor();
    assert.deepEqual(await cards().evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), vo2.map((w) => w.id));

    await page.selectOption('[data-testid=library-length]', 'short');
    const short = (await api('/api/coach/workouts/library?type=vo2_max&maxMinutes=45')).body;
    assert.ok(short.length < vo2.length, 'a length filter leaves some out');
    await page.locator('[data-testid=library-count]', { hasText: `${short.length} session` }).waitFor();
    assert.deepEqual(await cards().evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), short.map((w) => w.id));

    // The first card: its profile has a block per step (intervals: on and off), the hardest ones in VO2max's colour.
    const first = cards().first();
    const blocks = first.locator('[data-testid=workout-profile] polygon');
    assert.ok((await blocks.count()) >= short[0].steps.length);
    assert.ok((await first.locator('[data-testid=workout-profile] polygon[data-zone="5"], [data-testid=workout-profile] polygon[data-zone="6"]').count()) > 0);
    assert.equal(await first.locator('[data-testid=library-purpose]').innerText(), short[0].purpose);

    // Its .zwo downloads (through the web app's proxy, with the key it keeps).
    const href = await first.getByRole('link', { name: /as \.zwo$/ }).getAttribute('href');
    const zwo = await page.request.get(`${WEB_URL}${href}`);
    assert.equal(zwo.status(), 200);
    assert.match(await zwo.text(), /<workout_file>/);
    await page.screenshot({ path: join(shots, 'library-desktop.png'), fullPage: false });
  });

  // The list comes in the HTML, the filter is a GET form: a rider may pick before the page's scripts have run.
  const ids = (p) => p.locator('[data-testid=library-workout]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const SCRIPTS = '**/_next/static/**/*.js';

  it('keeps a filter picked before the page hydrated', async () => {
    const all = (await api('/api/coach/workouts/library')).body;
    const vo2 = (await api('/api/coach/workouts/library?type=vo2_max')).body;
    const early = await browser.context.newPage();
    try {
      // The page's scripts held back: the server's HTML is all there is, as on a slow phone before hydration.
      const held = [];
      let released = false;
      await early.route(SCRIPTS, (route) => (released ? route.continue() : void held.push(route)));
      await early.goto(`${WEB_URL}/library`, { waitUntil: 'domcontentloaded' });
      assert.equal(await early.locator('[data-testid=library-workout]').count(), all.length, 'the list is in the HTML');
      await early.selectOption('[data-testid=library-type]', 'vo2_max');
      assert.ok(held.length > 0, 'the scripts were held');
      assert.equal(await early.evaluate(() => document.querySelector('[data-testid=library-type]').value), 'vo2_max');

      // Scripts released: the page hydrates and shows what was picked (not the address's "all types").
      released = true;
      for (const route of held) await route.continue();
      await early.waitForURL(`${WEB_URL}/library?type=vo2_max`);
      await early.locator('[data-testid=library-count]', { hasText: `${vo2.length} session` }).waitFor();
      assert.deepEqual(await ids(early), vo2.map((w) => w.id));
      assert.equal(await early.locator('[data-testid=library-type]').inputValue(), 'vo2_max');
      // Hydrated, a pick replaces the address without a reload.
      await early.evaluate(() => (window.notReloaded = true));
      await early.selectOption('[data-testid=library-type]', '');
      await early.waitForURL(`${WEB_URL}/library`);
      await early.locator('[data-testid=library-count]', { hasText: `${all.length} session` }).waitFor();
      assert.equal(await early.evaluate(() => window.notReloaded), true);
    } finally {
      await early.close();
    }
  });

  it('filters without scripts: Show submits the form and the server lists what it asks', async () => {
    const short = (await api('/api/coach/workouts/library?type=vo2_max&maxMinutes=45')).body;
    const plain = await browser.context.newPage();
    try {
      await plain.route(SCRIPTS, (route) => route.abort());
      await plain.goto(`${WEB_URL}/library`);
      await plain.selectOption('[data-testid=library-type]', 'vo2_max');
      await plain.selectOption('[data-testid=library-length]', 'short');
      await plain.click('[data-testid=library-show]');
      await plain.waitForURL(`${WEB_URL}/library?type=vo2_max&length=short`);
      assert.match(await plain.locator('[data-testid=library-count]').innerText(), new RegExp(`^${short.length} session`));
      assert.deepEqual(await ids(plain), short.map((w) => w.id));
      assert.equal(await plain.locator('[data-testid=library-length]').inputValue(), 'short');
    } finally {
      await plain.close();
    }
  });

  it('puts a session on a plan day as a pending change that the usual approval applies', async () => {
    await page.selectOption('[data-testid=library-type]', 'recovery');
    await page.selectOption('[data-testid=library-length]', 'short');
    const session = (await api('/api/coach/workouts/library?type=recovery&maxMinutes=45')).body[0];
    const card = page.locator(`[data-testid=library-workout][data-id="${session.id}"]`);
    await card.waitFor();
    // A day that holds a session today (a riding day under the rider's rules), in the plan and not past.
    const select = card.getByRole('combobox', { name: /Day to put/ });
    const options = await select.locator('option').evaluateAll((els) => els.map((e) => ({ value: e.getAttribute('value'), text: e.textContent })));
    const day = options.find((o) => !o.text.endsWith('(rest)'));
    assert.ok(day, `a riding day among ${JSON.stringify(options)}`);
    const planBefore = (await api('/api/coach/plans/current')).body;
    await select.selectOption(day.value);
    await card.getByRole('button', { name: 'Propose' }).click();
    const outcome = card.locator('[data-testid=library-outcome]');
    await outcome.waitFor();
    assert.match(await outcome.innerText(), /^Proposed for .*approve it on the plan page/, await outcome.innerText());

    // Pending, the plan unchanged; approved through the usual endpoint, the day holds the session.
    const proposals = (await api('/api/coach/analyses?type=chat_proposal&pageSize=5')).body.items;
    const proposal = proposals.find((a) => a.suggestions[0]?.operation?.date === day.value && a.engine === 'rider');
    assert.ok(proposal, JSON.stringify(proposals));
    assert.equal(proposal.suggestions[0].state, 'pending');
    assert.equal((await api('/api/coach/plans/current')).body.id, planBefore.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'library-phone.png'), fullPage: false });

    const approved = await post(`/api/coach/analyses/${proposal.id}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    approvedPlanId = approved.body.newPlanId;
    const after = (await api('/api/coach/plans/current')).body;
    assert.equal(after.id, approvedPlanId);
    const changed = after.plan.weeks.flatMap((w) => w.days).find((d) => d.date === day.value);
    assert.deepEqual(changed.workouts.map((w) => w.name), [session.name]);
  });
});
