// Rough front-end numbers against a running web server (fake gateway or real stack):
//   WEB_URL=http://127.0.0.1:3000 API_KEY=dev node e2e/measure.mjs
// Per page: JS transferred on a cold load (compressed bytes as sent; the standalone server gzips) and time from
// navigation to the page's ready signal; for a ride with streams, time until its charts are built.
import { launchBrowser } from './browser.mjs';

const WEB_URL = (process.env.WEB_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const API_KEY = process.env.API_KEY ?? 'dev';

const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
const page = await browser.context.newPage();
await page.goto(`${WEB_URL}/sign-in`);
await page.fill('#apiKey', API_KEY);
await page.click('button[type=submit]');
await page.waitForURL(`${WEB_URL}/`);
const rides = await (await page.request.get(`${WEB_URL}/api/workouts?pageSize=10`)).json();
const ride = rides.items.find((w) => w.hasStreams && w.durationSeconds >= 4 * 3600) ?? rides.items.find((w) => w.hasStreams);
const routes = await (await page.request.get(`${WEB_URL}/api/routes`)).json();

const targets = [
  ['/', 'ul[aria-label=Rides], .workouts-card .empty'],
  ['/ (fitness chart drawn)', '[data-testid=fitness-chart][data-ready=true]', '/'],
  ['/plan', '[data-testid=plan-calendar], [data-testid=generate-form], .empty-state'],
  ['/workouts', '[data-testid=workouts-total]'],
  ['/workouts/import', '[data-testid=drop-zone]'],
  ride && [`/workouts/${ride.id}`, '[data-testid=charts][data-ready=true]'],
  ['/routes', '[data-testid=routes-table], .empty-state'],
  routes.items[0] && [`/routes/${routes.items[0].id}`, '[data-testid=charts][data-ready=true]'],
  ['/settings', '[data-testid=garmin-status]'],
].filter(Boolean);

for (const [label, ready, url = label] of targets) {
  const path = url;
  const cold = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(cold);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map();
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.set(e.requestId, 0));
  cdp.on('Network.loadingFinished', (e) => scripts.has(e.requestId) && scripts.set(e.requestId, e.encodedDataLength));
  const started = Date.now();
  await cold.goto(`${WEB_URL}${path}`);
  await cold.locator(ready).first().waitFor({ timeout: 30_000 });
  const readyMs = Date.now() - started;
  const renderMs = await cold.locator('[data-testid=charts]').getAttribute('data-render-ms').catch(() => null);
  // Largest Contentful Paint as Chromium reports it (buffered entries; the last one is the LCP).
  const lcp = await cold.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime ?? null)).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => done(null), 2000);
  }));
  await cold.waitForLoadState('networkidle');
  const js = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.log(`${label.padEnd(52)} JS ${(js / 1024).toFixed(0).padStart(4)} KB  ready ${String(readyMs).padStart(5)} ms  LCP ${lcp == null ? '–' : Math.round(lcp)} ms${renderMs ? `  charts built in ${renderMs} ms` : ''}`);
  await cold.close();
}
await browser.close();
