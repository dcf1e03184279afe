// Rough front-end numbers against a running web server (fake gateway or real stack):
//   WEB_URL=http://127.0.0.1:3000 API_KEY=dev [RUNS=5] [ONLY=workouts/] [WATERFALL=1] node e2e/measure.mjs
// Per page, RUNS cold loads (cache disabled): time from navigation start to the page's ready signal (in the page's
// clock) and Largest Contentful Paint (the last candidate once the network is idle), as median (range); for a ride with streams, time until its
// charts are built. JS is the compressed bytes as sent (the standalone server gzips), twice: "own" = the route's
// first-load JS including its lazily loaded chunks (charts, map), counted on one extra load with the router's
// prefetches of linked pages refused; "+prefetch" = every script a normal load fetches until network idle, the
// linked pages' chunks that <Link> prefetches included.
// WATERFALL=1 prints each request of the first run (start, end, size) to see what the ready signal waits for.
import { launchBrowser } from './browser.mjs';

const WEB_URL = (process.env.WEB_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const API_KEY = process.env.API_KEY ?? 'dev';
const RUNS = Math.max(1, Number(process.env.RUNS ?? 5));
const ONLY = process.env.ONLY;

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
  ['/library', '[data-testid=library-count], .empty-state'],
  ['/workouts', '[data-testid=workouts-total]'],
  ['/workouts/import', '[data-testid=drop-zone]'],
  ride && [`/workouts/${ride.id}`, '[data-testid=charts][data-ready=true]'],
  ['/routes', '[data-testid=routes-table], .empty-state'],
  routes.items[0] && [`/routes/${routes.items[0].id}`, '[data-testid=charts][data-ready=true]'],
  ['/settings', '[data-testid=garmin-status]'],
].filter(Boolean).filter(([label]) => !ONLY || label.includes(ONLY));

/** One cold load of `path` until `ready` and network idle; `noPrefetch` refuses the router's prefetch requests. */
async function load(path, ready, { noPrefetch = false } = {}) {
  const cold = await browser.context.newPage();
  if (noPrefetch) {
    // The App Router prefetches a linked page with an RSC request marked `next-router-prefetch`; the page's chunks
    // are loaded from that answer. Refused, only what the route itself needs is fetched.
    await cold.route('**/*_rsc=*', (route) => (route.request().headers()['next-router-prefetch'] ? route.abort() : route.fallback()));
  }
  const cdp = await browser.context.newCDPSession(cold);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // When the ready element first appears, in the page's own clock (ms since navigation start, as LCP is): not
  // after goto's load event, which a map's tile images can hold back.
  await cold.addInitScript((selector) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        window.__readyAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, ready);
  const requests = new Map();
  const started = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url.replace(WEB_URL, ''), type: e.type, start: Date.now() - started }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: Date.now() - started, bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: Date.now() - started, failed: true });
  });
  await cold.goto(`${WEB_URL}${path}`, { waitUntil: 'commit' });
  await cold.locator(ready).first().waitFor({ timeout: 30_000 });
  const readyMs = await cold.evaluate(() => window.__readyAt);
  const renderMs = await cold.locator('[data-testid=charts]').first().getAttribute('data-render-ms', { timeout: 100 }).catch(() => null);
  await cold.waitForLoadState('networkidle');
  // Network idle can come while the router's prefetches of linked pages (and the scripts they name) are still on
  // their way: wait until every request but the event stream and map tiles has ended, so their scripts count.
  const pending = () => [...requests.values()].filter((r) => r.end === undefined && r.type !== 'EventSource' && r.type !== 'Image');
  for (let waited = 0; pending().length > 0 && waited < 15_000; waited += 100) await cold.waitForTimeout(100);
  await cold.waitForTimeout(500);
  for (let waited = 0; pending().length > 0 && waited < 15_000; waited += 100) await cold.waitForTimeout(100);
  // Largest Contentful Paint as Chromium reports it once the page has settled (buffered entries; the last one is
  // the LCP: read at the ready signal, a block that grows later, e.g. a card whose code arrives late, is missed).
  const lcp = await cold.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime ?? null)).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => done(null), 2000);
  }));
  await cold.close();
  const js = [...requests.values()].filter((r) => r.type === 'Script').reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  return { readyMs, lcp, renderMs: renderMs == null ? null : Number(renderMs), js, requests: [...requests.values()] };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const stat = (xs) => {
  const v = xs.filter((x) => x != null).map(Math.round);
  if (v.length === 0) return '–';
  return v.length === 1 ? `${v[0]} ms` : `${median(v)} ms (${Math.min(...v)}–${Math.max(...v)})`;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

for (const [label, ready, path = label] of targets) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(path, ready));
  const own = await load(path, ready, { noPrefetch: true });
  const renders = runs.map((r) => r.renderMs).filter((x) => x != null);
  console.log(
    `${label.padEnd(52)} JS own ${kb(own.js).padStart(6)} (+prefetch ${kb(runs[0].js).padStart(6)})  ready ${stat(runs.map((r) => r.readyMs))}  LCP ${stat(runs.map((r) => r.lcp))}` +
      (renders.length ? `  charts built in ${median(renders)} ms` : ''),
  );
  if (process.env.WATERFALL) {
    for (const r of runs[0].requests.sort((a, b) => a.start - b.start)) {
      console.log(`    ${String(r.start).padStart(5)}–${String(r.end ?? '').padStart(5)} ms ${kb(r.bytes ?? 0).padStart(7)} ${r.type.padEnd(11)} ${r.url.slice(0, 100)}`);
    }
  }
}
await browser.close();
