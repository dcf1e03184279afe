// Shapes the coaching API's plan, fitness, compliance and diff bodies into what the dashboard and the plan page
// draw. Pure, plain ESM (node --test runs it unbuilt). Dates are the API's local days ("2026-11-30").

/** @typedef {{ type: string, name: string, durationSeconds: number, zone: number, targetTss: number, description?: string, preparesFor?: string | null }} Session */
/** @typedef {{ date: string, load: number, ctl: number, atl: number, tsb: number, projected: boolean }} FitnessDay */
/** @typedef {{ date: string, planned: Session[], workoutIds: string[], doneSeconds: number, doneLoad: number, compliancePercent: number | null, unplannedRide: boolean }} ComplianceDay */

const DAY_MS = 86_400_000;

/** "2026-11-30" → ms at UTC midnight (day arithmetic without time zones). @param {string} date */
export const dayMs = (date) => Date.parse(`${date}T00:00:00Z`);

/** ms at UTC midnight → "2026-11-30". @param {number} ms */
export const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** @param {string} date @param {number} days */
export const addDays = (date, days) => isoDay(dayMs(date) + days * DAY_MS);

/** The Monday of the week holding `date` (weeks run Monday to Sunday, as the plans do). @param {string} date */
export function mondayOf(date) {
  const weekday = new Date(dayMs(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Today in the browser's zone as "yyyy-mm-dd". @param {Date} [now] */
export function localToday(now = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The fitness chart's data: x in seconds (uPlot's time scale), and for each of CTL, ATL and TSB one series of
 * measured days and one of projected days (drawn dashed). The last measured day is in both so the dashed line
 * continues from the solid one without a gap.
 * @param {FitnessDay[]} days
 * @returns {{ x: number[], series: { key: 'ctl' | 'atl' | 'tsb', projected: boolean, values: (number | null)[] }[], lastActualIndex: number, hasProjection: boolean }}
 */
export function fitnessSeries(days) {
  const x = days.map((d) => dayMs(d.date) / 1000);
  let lastActualIndex = -1;
  days.forEach((d, i) => {
    if (!d.projected) lastActualIndex = i;
  });
  const hasProjection = days.some((d) => d.projected);
  /** @type {{ key: 'ctl' | 'atl' | 'tsb', projected: boolean, values: (number | null)[] }[]} */
  const series = [];
  for (const key of /** @type {const} */ (['ctl', 'atl', 'tsb'])) {
    const round = (/** @type {number} */ v) => Math.round(v * 10) / 10;
    series.push({ key, projected: false, values: days.map((d) => (d.projected ? null : round(d[key]))) });
    if (hasProjection) {
      series.push({ key, projected: true, values: days.map((d, i) => (d.projected || i === lastActualIndex ? round(d[key]) : null)) });
    }
  }
  return { x, series, lastActualIndex, hasProjection };
}

/** Today's values (the last measured day) for the chart's headline. @param {FitnessDay[]} days */
export function latestFitness(days) {
  for (let i = days.length - 1; i >= 0; i--) if (!days[i].projected) return days[i];
  return null;
}

/**
 * This week's planned against done, one row per day Monday to Sunday, with totals. Days the API does not list
 * (outside the plan) count as nothing planned. Done load is the API's (TSS, else HRSS, else the estimate).
 * @param {ComplianceDay[]} days @param {string} monday @param {string} today
 */
export function weekPlannedVsDone(days, monday, today) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const rows = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(monday, i);
    const day = byDate.get(date);
    const planned = day?.planned ?? [];
    const plannedSeconds = planned.reduce((a, s) => a + s.durationSeconds, 0);
    const plannedTss = planned.reduce((a, s) => a + s.targetTss, 0);
    const doneSeconds = day?.doneSeconds ?? 0;
    const when = date < today ? 'past' : date === today ? 'today' : 'future';
    /** @type {'done' | 'partial' | 'missed' | 'rest' | 'extra' | 'upcoming'} */
    let status;
    if (planned.length === 0) status = doneSeconds > 0 ? 'extra' : 'rest';
    else if (doneSeconds > 0) status = (day?.compliancePercent ?? 0) >= 80 ? 'done' : 'partial';
    else status = when === 'past' ? 'missed' : 'upcoming';
    rows.push({ date, when, planned, plannedSeconds, plannedTss, doneSeconds, doneLoad: day?.doneLoad ?? 0, compliancePercent: day?.compliancePercent ?? null, workoutIds: day?.workoutIds ?? [], status });
  }
  const sum = (/** @type {(r: typeof rows[number]) => number} */ f) => rows.reduce((a, r) => a + f(r), 0);
  const totals = {
    plannedSeconds: sum((r) => r.plannedSeconds),
    doneSeconds: sum((r) => r.doneSeconds),
    plannedTss: sum((r) => r.plannedTss),
    doneLoad: sum((r) => r.doneLoad),
    sessionsPlanned: sum((r) => r.planned.length),
    sessionsDone: rows.filter((r) => r.planned.length > 0 && r.doneSeconds > 0).length,
  };
  return { rows, totals };
}

/**
 * The plan as calendar weeks (Monday first), every day with its sessions and, from the compliance body, what was
 * ridden. Days of a week the plan does not hold are null (a plan can start mid-week only in theory).
 * @param {{ weeks: { weekNumber: number, focus: string, days: { date: string, workouts: Session[], isRest?: boolean }[] }[] }} plan
 * @param {ComplianceDay[]} compliance @param {string} today
 */
export function calendarWeeks(plan, compliance, today) {
  const done = new Map(compliance.map((d) => [d.date, d]));
  return plan.weeks.map((week) => {
    const first = week.days.map((d) => d.date).sort()[0];
    const monday = mondayOf(first);
    const byDate = new Map(week.days.map((d) => [d.date, d]));
    const days = Array.from({ length: 7 }, (_, i) => {
      const date = addDays(monday, i);
      const day = byDate.get(date);
      if (!day) return null;
      const c = done.get(date);
      return {
        date,
        sessions: day.workouts,
        event: day.event ?? null,
        isRest: day.isRest ?? day.workouts.length === 0,
        isToday: date === today,
        isPast: date < today,
        doneSeconds: c?.doneSeconds ?? 0,
        doneLoad: c?.doneLoad ?? 0,
        compliancePercent: c?.compliancePercent ?? null,
        workoutIds: c?.workoutIds ?? [],
        unplannedRide: c?.unplannedRide ?? false,
      };
    });
    const hours = week.days.reduce((a, d) => a + d.workouts.reduce((b, s) => b + s.durationSeconds, 0), 0) / 3600;
    const tss = week.days.reduce((a, d) => a + d.workouts.reduce((b, s) => b + s.targetTss, 0), 0);
    return { weekNumber: week.weekNumber, focus: week.focus, phase: week.phase ?? 'build', monday, days, hours, tss };
  });
}

const ORIGINS = {
  generation: 'Generated',
  analysis: 'Approved analysis',
  chat: 'Approved proposal', // from the chat, the rider's own assistant (MCP) or the workout library
  threshold: 'Threshold change',
  undo: 'Undo',
};

/**
 * What created a version, in words, and the id behind it when `createdBy` names one ("analysis:<id>").
 * @param {{ origin: string, createdBy: string }} version
 */
export function versionOrigin(version) {
  const label = /** @type {Record<string, string>} */ (ORIGINS)[version.origin] ?? version.origin;
  const match = /^([a-z_]+):(.+)$/.exec(version.createdBy ?? '');
  return { label, source: match ? match[1] : null, sourceId: match ? match[2] : null, detail: version.createdBy };
}

/**
 * The side-by-side diff view: one row per changed day (date order), each with the sessions before and after
 * lined up by position and the changed fields flagged per position; week totals that changed; plan-level fields.
 * @param {{ plan: { field: string, before: string | null, after: string | null }[],
 *   days: { date: string, kind: 'added' | 'removed' | 'changed', before: Session[], after: Session[], fields: string[] }[],
 *   weeks: { weekStart: string, before: { hours: number, tss: number, hardSessions: number, focus: string } | null, after: { hours: number, tss: number, hardSessions: number, focus: string } | null }[] }} diff
 */
export function diffView(diff) {
  const days = [...diff.days]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((d) => {
      const n = Math.max(d.before.length, d.after.length);
      const pairs = Array.from({ length: n }, (_, i) => {
        const before = d.before[i] ?? null;
        const after = d.after[i] ?? null;
        /** @type {string[]} */
        const changed = [];
        if (before && after) {
          for (const field of ['type', 'name', 'durationSeconds', 'zone', 'targetTss', 'description']) {
            if (/** @type {any} */ (before)[field] !== /** @type {any} */ (after)[field]) changed.push(field);
          }
          if (JSON.stringify(/** @type {any} */ (before).steps ?? null) !== JSON.stringify(/** @type {any} */ (after).steps ?? null)) changed.push('steps');
        }
        return { before, after, changed };
      });
      return { date: d.date, kind: d.kind, fields: d.fields, pairs };
    });
  const same = (/** @type {any} */ a, /** @type {any} */ b) => JSON.stringify(a) === JSON.stringify(b);
  const weeks = diff.weeks
    .filter((w) => !same(w.before, w.after))
    .map((w) => ({
      weekStart: w.weekStart,
      before: w.before,
      after: w.after,
      hoursDelta: (w.after?.hours ?? 0) - (w.before?.hours ?? 0),
      tssDelta: (w.after?.tss ?? 0) - (w.before?.tss ?? 0),
    }));
  return { plan: diff.plan, days, weeks, isEmpty: diff.plan.length === 0 && days.length === 0 && weeks.length === 0 };
}

/**
 * This ride's mean-max power against the rider's best, on the union of durations (ascending), null where one side
 * has no value. The ride's map comes from the workout's metrics ({ "5": 812, "60": 420, … }).
 * @param {Record<string, number> | null | undefined} ride
 * @param {{ durationSeconds: number, watts: number, date: string, workoutId: string }[]} best
 */
export function powerCurveSeries(ride, best) {
  const rideByDuration = new Map(Object.entries(ride ?? {}).map(([k, v]) => [Number(k), v]));
  const bestByDuration = new Map(best.map((p) => [p.durationSeconds, p]));
  const x = [...new Set([...rideByDuration.keys(), ...bestByDuration.keys()])].filter((d) => d > 0).sort((a, b) => a - b);
  return {
    x,
    ride: x.map((d) => rideByDuration.get(d) ?? null),
    best: x.map((d) => bestByDuration.get(d)?.watts ?? null),
    bestFrom: x.map((d) => bestByDuration.get(d) ?? null),
  };
}

/** "5 s", "1 min", "20 min", "1 h", "1 h 30 min" for power-curve durations. @param {number} seconds */
export function durationLabel(seconds) {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return Number.isInteger(seconds / 60) ? `${seconds / 60} min` : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} min`;
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * The next page of a newest-first list appended, without the items already there (a version created since the
 * first page shifts every later page by one).
 * @template {{ id: string }} T @param {T[]} list @param {T[]} page @returns {T[]}
 */
export function appendPage(list, page) {
  const seen = new Set(list.map((item) => item.id));
  return [...list, ...page.filter((item) => !seen.has(item.id))];
}
