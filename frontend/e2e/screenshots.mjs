// Screenshots of every page at desktop (1280×800) and phone (390×844) width, light and dark, for looking at:
//   WEB_URL=http://127.0.0.1:3000 API_KEY=dev node e2e/screenshots.mjs [outDir=/tmp/shots]
// Works against the fake gateway (e2e/fake-gateway.mjs) or the real stack. Not a test: writes PNGs and prints paths.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';

const WEB_URL = (process.env.WEB_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const API_KEY = process.env.API_KEY ?? 'dev';
const out = process.argv[2] ?? '/tmp/shots';
await mkdir(out, { recursive: true });

const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
const page = await browser.context.newPage();
await page.goto(`${WEB_URL}/sign-in`);
await page.fill('#apiKey', API_KEY);
await page.click('button[type=submit]');
await page.waitForURL(`${WEB_URL}/`);

const workouts = await (await page.request.get(`${WEB_URL}/api/workouts?pageSize=5`)).json();
const ride = workouts.items.find((w) => w.hasStreams && w.durationSeconds >= 4 * 3600) ?? workouts.items.find((w) => w.hasStreams);
const routes = await (await page.request.get(`${WEB_URL}/api/routes`)).json();
// A ride the coach reviewed (its analysis card with suggestions), when the stack has one.
const reviewed = await page.request.get(`${WEB_URL}/api/coach/analyses?type=workout_review&pageSize=20`).then((r) => (r.ok() ? r.json() : { items: [] }));
const analysed = reviewed.items.find((a) => a.workoutId && a.suggestions.length > 0) ?? reviewed.items.find((a) => a.workoutId);
const pages = [
  ['dashboard', '/'],
  ['workouts', '/workouts'],
  ['import', '/workouts/import'],
  ride && ['workout', `/workouts/${ride.id}`],
  ['routes', '/routes'],
  routes.items[0] && ['route', `/routes/${routes.items[0].id}`],
  ['library', '/library'],
  ['rules', '/rules'],
  ['coach', '/coach'],
  ['prompts', '/prompts'],
  ['settings', '/settings'],
  ['plan', '/plan'],
  analysed && ['workout-analysis', `/workouts/${analysed.workoutId}#analysis`],
].filter(Boolean);

for (const scheme of ['light', 'dark']) {
  await page.emulateMedia({ colorScheme: scheme });
  for (const [width, height, label] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
    await page.setViewportSize({ width, height });
    for (const [name, path] of pages) {
      await page.goto(`${WEB_URL}${path}`);
      await page.waitForLoadState('networkidle').catch(() => {});
      await page.locator('[role=status]:has(.spinner)').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(400);
      const file = join(out, `${name}-${label}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
  }
}
// The plan page's week of suggestions on its own (components/plan/WeekSuggestions.tsx).
await page.emulateMedia({ colorScheme: 'light' });
for (const [width, height, label] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
  await page.setViewportSize({ width, height });
  await page.goto(`${WEB_URL}/plan#week`);
  const week = page.locator('[data-testid=week-suggestions]');
  await week.locator('[data-testid=week-item], [data-testid=week-empty]').first().waitFor({ timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0)); // cut from a full-page render: the sticky header stays at the top
  const box = await week.boundingBox();
  if (box) await page.screenshot({ path: join(out, `plan-week-${label}-light.png`), fullPage: true, clip: box });
  console.log(join(out, `plan-week-${label}-light.png`));
}
// The phone menu open, once.
await page.setViewportSize({ width: 390, height: 844 });
await page.emulateMedia({ colorScheme: 'light' });
await page.goto(`${WEB_URL}/workouts`);
await page.getByRole('button', { name: 'Menu' }).click();
await page.screenshot({ path: join(out, 'menu-phone-light.png') });
console.log(join(out, 'menu-phone-light.png'));
// The coach mid-conversation (asks the built-in coach once, so the real stack gains one conversation).
for (const [width, height, label] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
  await page.setViewportSize({ width, height });
  await page.goto(`${WEB_URL}/coach`);
  const question = page.locator('#chat-question');
  if (await question.count()) {
    await question.fill('How much training is planned this week?');
    await question.press('Enter');
    await page.locator('[data-testid=coach-reply] .badge').last().waitFor({ timeout: 20_000 }).catch(() => {});
    await page.screenshot({ path: join(out, `coach-answer-${label}-light.png`), fullPage: true });
    console.log(join(out, `coach-answer-${label}-light.png`));
  }
}
await browser.close();
