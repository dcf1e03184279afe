// Screenshots of the route page's pacing plan at desktop and phone width and as printed (the top-tube sheet):
//   WEB_URL=… API_KEY=… node e2e/pacing-shots.mjs GPX_FILE [outDir=/tmp/pacing-shots]
// Uploads GPX_FILE (a duplicate is fine: the existing route is used), then makes it the course of an A event 9 weeks
// out (the rules page shows the event with its course) and generates a plan, and shoots the plan page with its course
// sessions. Not a test: writes PNGs and prints paths.
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { launchBrowser, signIn } from './browser.mjs';

const WEB_URL = (process.env.WEB_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const API_KEY = process.env.API_KEY ?? 'dev';
const gpx = process.argv[2];
const out = process.argv[3] ?? '/tmp/pacing-shots';
await mkdir(out, { recursive: true });

const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
const page = await browser.context.newPage();
await signIn(page, WEB_URL, API_KEY);

const upload = await page.request.post(`${WEB_URL}/api/routes`, {
  multipart: { file: { name: basename(gpx), mimeType: 'application/gpx+xml', buffer: await readFile(gpx) } },
});
const body = await upload.json();
const id = body.id ?? body.existingRouteId ?? body.routeId;
if (!id) throw new Error(`upload: ${upload.status()} ${JSON.stringify(body)}`);

for (const [width, height, label, media] of [[1280, 800, 'desktop', 'screen'], [390, 844, 'phone', 'screen'], [794, 1123, 'print', 'print']]) {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ media, colorScheme: 'light' });
  await page.goto(`${WEB_URL}/routes/${id}`);
  await page.locator('[data-testid=pacing-table]').waitFor();
  await page.waitForTimeout(500);
  const file = join(out, `route-pacing-${label}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
// The plan for an A event on this course (Coaching has the course once RouteAnalyzed has arrived: give it a moment).
await page.waitForTimeout(3000);
const monday = new Date();
monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
const eventDate = new Date(monday.getTime() + (9 * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
const rules = await page.request.post(`${WEB_URL}/api/coach/rules`, {
  data: { text: `Target event: ${body.name ?? 'the course'} on ${eventDate}.`, rules: { events: [{ name: 'Course event', date: eventDate, priority: 'a', routeId: id }] } },
});
if (!rules.ok()) throw new Error(`rules: ${rules.status()} ${await rules.text()}`);
// The rules page: the event with its course.
for (const [width, height, label] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
  await page.setViewportSize({ width, height });
  await page.goto(`${WEB_URL}/rules`);
  await page.locator('[data-testid=event-route] a').waitFor();
  await page.waitForTimeout(500);
  const file = join(out, `rules-course-${label}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
const plan = await page.request.post(`${WEB_URL}/api/coach/plans/generate`, { data: { startDate: monday.toISOString().slice(0, 10) } });
if (!plan.ok()) throw new Error(`plan: ${plan.status()} ${await plan.text()}`);
await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
for (const [width, height, label] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
  await page.setViewportSize({ width, height });
  await page.goto(`${WEB_URL}/plan`);
  await page.locator('[data-testid=plan-session]').first().waitFor();
  await page.waitForTimeout(500);
  const file = join(out, `plan-course-${label}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
