// The coaching endpoints the dashboard and the ride page call, for the fake gateway (shaped like
// openapi/coaching.json): fitness from the seeded rides' TSS (42/7-day exponential, GoldenCheetah's), the power curve
// from their mean-max, no analyses and no plan yet (the real stack's e2e, coach-flow.e2e.mjs, covers plans).

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const localDay = (iso) => isoDay(Date.parse(iso));

/** @param {any[]} workouts @param {string | null} from @param {string | null} to */
export function fitnessBody(workouts, from, to) {
  const today = isoDay(Date.now());
  const first = from ?? isoDay(Date.now() - 90 * DAY);
  const last = to ?? today;
  const load = new Map();
  for (const w of workouts) {
    const tss = w.metrics?.trainingStressScore;
    if (tss) load.set(localDay(w.startTime), (load.get(localDay(w.startTime)) ?? 0) + tss);
  }
  const start = Math.min(Date.parse(first), ...workouts.map((w) => Date.parse(localDay(w.startTime))));
  let ctl = 0;
  let atl = 0;
  const days = [];
  for (let t = start; t <= Date.parse(last); t += DAY) {
    const date = isoDay(t);
    const l = load.get(date) ?? 0;
    const tsb = ctl - atl; // the day before's form
    ctl += (l - ctl) * (1 - Math.exp(-1 / 42));
    atl += (l - atl) * (1 - Math.exp(-1 / 7));
    if (date >= first) days.push({ date, load: l, ctl, atl, tsb, projected: false });
  }
  return { from: first, to: last, today, ctlDays: 42, atlDays: 7, smoothing: 'exponential', days };
}

/** @param {any[]} workouts */
export function powerCurveBody(workouts) {
  const windows = [['last42Days', 42], ['last90Days', 90], ['last365Days', 365], ['allTime', null]];
  return {
    windows: windows.map(([name, days]) => {
      const since = days == null ? null : isoDay(Date.now() - days * DAY);
      const best = new Map();
      for (const w of workouts) {
        const date = localDay(w.startTime);
        if (since && date < since) continue;
        for (const [d, watts] of Object.entries(w.metrics?.meanMaxPowerWatts ?? {})) {
          if (!best.has(d) || best.get(d).watts < watts) best.set(d, { durationSeconds: Number(d), watts, workoutId: w.id, date });
        }
      }
      return { name, from: since, points: [...best.values()].sort((a, b) => a.durationSeconds - b.durationSeconds) };
    }),
  };
}

/**
 * Answers a coaching request, or returns false when it is not one of these.
 * @param {import('node:http').IncomingMessage} req @param {URL} url @param {any[]} workouts
 * @param {(status: number, body: unknown) => void} send @param {(status: number) => void} notFound
 */
export function handleCoach(req, url, workouts, send, notFound) {
  if (req.method !== 'GET' || !url.pathname.startsWith('/api/coach/')) return false;
  const q = url.searchParams;
  const page = (items) => ({ items, page: Number(q.get('page') ?? 1), pageSize: Number(q.get('pageSize') ?? 50), total: items.length });
  switch (url.pathname) {
    case '/api/coach/fitness':
      send(200, fitnessBody(workouts, q.get('from'), q.get('to')));
      return true;
    case '/api/coach/fitness/power-curve':
      send(200, powerCurveBody(workouts));
      return true;
    case '/api/coach/analyses':
      send(200, page([]));
      return true;
    case '/api/coach/plans/versions':
      send(200, page([]));
      return true;
    case '/api/coach/plans/current':
    case '/api/coach/plans/current/compliance':
      notFound(404);
      return true;
    default:
      return false;
  }
}
