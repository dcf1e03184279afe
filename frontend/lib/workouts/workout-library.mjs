// The workout library page's data: the filter query, the power profile of a session's steps, and the days of the
// current plan a session may be put on. Pure, plain ESM (node --test runs it unbuilt).

/** @typedef {{ kind: string, durationSeconds: number, powerLow: number, powerHigh: number, repeat?: number, offDurationSeconds?: number, offPower?: number, cadenceRpm?: number | null }} Step */
/** @typedef {{ start: number, seconds: number, from: number, to: number, zone: number, cadenceRpm: number | null }} Block */

/** The library's categories, in the order a rider reads them (easy to hard, then the special sessions). */
export const CATEGORIES = [
  'recovery', 'endurance', 'tempo', 'sweet_spot', 'threshold', 'over_unders', 'vo2_max', 'anaerobic', 'sprints',
  'long_ride', 'low_cadence', 'race_simulation',
];

/** Length filters: what a rider has time for, in minutes (max inclusive). */
export const LENGTHS = [
  { key: 'any', label: 'Any length', min: null, max: null },
  { key: 'short', label: 'Up to 45 min', min: null, max: 45 },
  { key: 'hour', label: '45–75 min', min: 45, max: 75 },
  { key: 'long', label: '75–120 min', min: 75, max: 120 },
  { key: 'longest', label: 'Over 2 h', min: 120, max: null },
];

/** "sweet_spot" → "Sweet spot", "vo2_max" → "VO2max". @param {string} value */
export const label = (value) => (value === 'vo2_max' ? 'VO2max' : value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));

/**
 * The filter in the library page's address (`?type=vo2_max&length=short`): a known category (else all types) and a
 * known length key (else any length). The form that sets it submits the same names.
 * @param {URLSearchParams} params
 */
export function readLibraryFilter(params) {
  const type = params.get('type') ?? '';
  const length = params.get('length') ?? 'any';
  return { type: CATEGORIES.includes(type) ? type : '', length: LENGTHS.some((l) => l.key === length) ? length : 'any' };
}

/**
 * The library page's address for a filter, without the defaults ("/library" for all types, any length).
 * @param {{ type?: string, length?: string }} filter
 */
export function libraryHref({ type = '', length = 'any' }) {
  const params = new URLSearchParams();
  if (type) params.set('type', type);
  if (length && length !== 'any') params.set('length', length);
  const text = params.toString();
  return `/library${text ? `?${text}` : ''}`;
}

/**
 * The list endpoint's query for a type (category or workout type; '' = all) and a length key.
 * @param {{ type?: string, length?: string }} filters
 */
export function libraryQuery({ type = '', length = 'any' }) {
  const bounds = LENGTHS.find((l) => l.key === length) ?? LENGTHS[0];
  const params = new URLSearchParams();
  if (type) params.set('type', type);
  if (bounds.min != null) params.set('minMinutes', String(bounds.min));
  if (bounds.max != null) params.set('maxMinutes', String(bounds.max));
  const text = params.toString();
  return `/api/coach/workouts/library${text ? `?${text}` : ''}`;
}

/**
 * Coggan's power zone of a fraction of FTP (1 active recovery < 55 %, 2 endurance < 75 %, 3 tempo < 90 %,
 * 4 threshold < 105 %, 5 VO2max < 120 %, 6 anaerobic < 150 %, 7 neuromuscular), the colour of a block.
 * @param {number} power
 */
export function powerZone(power) {
  const tops = [0.55, 0.75, 0.9, 1.05, 1.2, 1.5];
  const index = tops.findIndex((top) => power < top);
  return index === -1 ? 7 : index + 1;
}

/**
 * The session as blocks in time: a warm-up or cool-down ramps from powerLow to powerHigh, a steady step holds its
 * range's middle, intervals repeat on (the range's middle) and off (offPower) with no off after the last repeat.
 * @param {Step[]} steps
 * @returns {Block[]}
 */
export function profileBlocks(steps) {
  /** @type {Block[]} */
  const blocks = [];
  let start = 0;
  const push = (/** @type {number} */ seconds, /** @type {number} */ from, /** @type {number} */ to, /** @type {number | null} */ cadenceRpm) => {
    if (seconds <= 0) return;
    blocks.push({ start, seconds, from, to, zone: powerZone((from + to) / 2), cadenceRpm });
    start += seconds;
  };
  for (const step of steps) {
    const cadence = step.cadenceRpm ?? null;
    if (step.kind === 'warmup' || step.kind === 'cooldown') {
      push(step.durationSeconds, step.powerLow, step.powerHigh, cadence);
    } else if (step.kind === 'intervals') {
      const repeat = Math.max(1, step.repeat ?? 1);
      const on = (step.powerLow + step.powerHigh) / 2;
      for (let i = 0; i < repeat; i++) {
        push(step.durationSeconds, on, on, cadence);
        if (i < repeat - 1) push(step.offDurationSeconds ?? 0, step.offPower ?? 0, step.offPower ?? 0, null);
      }
    } else {
      const middle = (step.powerLow + step.powerHigh) / 2;
      push(step.durationSeconds, middle, middle, cadence);
    }
  }
  return blocks;
}

/**
 * The profile as SVG polygons in a width × height box: time across, power up to `ceiling` (at least 120 % FTP, more
 * when a block goes higher). Each block's points are its four corners (a ramp's top slopes).
 * @param {Block[]} blocks @param {number} width @param {number} height
 */
export function profileShapes(blocks, width, height) {
  const total = blocks.reduce((sum, b) => sum + b.seconds, 0) || 1;
  const ceiling = Math.max(1.2, ...blocks.map((b) => Math.max(b.from, b.to)));
  const x = (/** @type {number} */ t) => Math.round((t / total) * width * 10) / 10;
  const y = (/** @type {number} */ p) => Math.round((height - (p / ceiling) * height) * 10) / 10;
  return {
    ceiling,
    ftpY: y(1),
    shapes: blocks.map((b) => ({
      zone: b.zone,
      points: `${x(b.start)},${height} ${x(b.start)},${y(b.from)} ${x(b.start + b.seconds)},${y(b.to)} ${x(b.start + b.seconds)},${height}`,
    })),
  };
}

/**
 * The days a session may be put on: the current plan's days from today on (past days cannot be trained), each with
 * what it holds now. Empty without a plan.
 * @param {{ weeks: { days: { date: string, workouts: { name: string }[] }[] }[] } | null | undefined} plan
 * @param {string} today "yyyy-mm-dd"
 */
export function plannableDays(plan, today) {
  if (!plan) return [];
  return plan.weeks
    .flatMap((w) => w.days)
    .filter((d) => d.date >= today)
    .map((d) => ({ date: d.date, holds: d.workouts.length === 0 ? 'rest' : d.workouts.map((w) => w.name).join(', ') }));
}
