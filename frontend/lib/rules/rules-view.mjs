// What the Rules page shows of a structured rule set (services/Coaching/Coach/Rules/RuleSet.cs) and of the diff
// between two versions (GET /api/coach/rules/diff: field, before, after in the rule set's JSON). One formatter for
// both, so a rule reads the same in the preview, a version and a diff. Pure, plain ESM (node --test runs it unbuilt).

/**
 * @typedef {{ day: string, maxHours: number }} DayCap
 * @typedef {{ from: string, to: string, reason?: string | null }} DateRange
 * @typedef {{ availableDays?: string[] | null, restDays?: string[], maxHoursPerWeek?: number | null,
 *   minHoursPerWeek?: number | null, maxHoursPerDay?: number | null, dayCaps?: DayCap[], longRideDay?: string | null,
 *   longRideMaxHours?: number | null, maxHardSessionsPerWeek?: number | null, noBackToBackHardDays?: boolean,
 *   blackoutDates?: DateRange[], events?: TargetEvent[], targetEvent?: { name: string, date: string } | null }} RuleSet
 * @typedef {{ name: string, date: string, priority?: 'a' | 'b' | 'c', routeId?: string | null }} TargetEvent
 * @typedef {{ field: string, label: string, value: string }} RuleLine
 * @typedef {{ field: string, label: string, kind: 'added' | 'removed' | 'changed', before: string | null, after: string | null }} DiffRow
 */

/** The rule set's fields in its own order, with the words the page uses for each. */
export const RULE_LABELS = /** @type {const} */ ({
  availableDays: 'Days you can ride',
  restDays: 'Rest days',
  maxHoursPerWeek: 'Most hours a week',
  minHoursPerWeek: 'Fewest hours a week',
  maxHoursPerDay: 'Most hours on any day',
  dayCaps: 'Caps for particular days',
  longRideDay: 'Long-ride day',
  longRideMaxHours: 'Longest long ride',
  maxHardSessionsPerWeek: 'Most hard sessions a week',
  noBackToBackHardDays: 'Hard days back to back',
  blackoutDates: 'No riding on',
  events: 'Events',
  targetEvent: 'Target event',
});

const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** @param {string} day snake_case weekday as the API writes it */
export function dayName(day) {
  return day ? day.charAt(0).toUpperCase() + day.slice(1).toLowerCase() : day;
}

/** 1 → "1 h", 1.5 → "1 h 30 min", 0.75 → "45 min". @param {number} hours */
export function hoursText(hours) {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** @param {string[]} days */
function daysText(days) {
  return [...new Set(days)].sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b)).map(dayName).join(', ');
}

/** @param {DateRange} range */
function rangeText(range) {
  const span = range.from === range.to ? range.from : `${range.from} to ${range.to}`;
  return range.reason ? `${span} (${range.reason})` : span;
}

/** A rule's value is "no rule": null, an empty list or false (RuleSet.cs: a null or empty field means no rule). */
export function isUnset(/** @type {unknown} */ value) {
  return value == null || value === false || (Array.isArray(value) && value.length === 0);
}

/**
 * An event in words: "Granfondo Stelvio on 2027-06-20 (A) · course: Stelvio loop". A route the names do not hold
 * (deleted, or not loaded yet) still says there is a course.
 * @param {TargetEvent} event @param {Map<string, string>} [routeNames] route id → name
 */
export function eventText(event, routeNames) {
  const text = `${event.name} on ${event.date} (${(event.priority ?? 'a').toUpperCase()})`;
  if (!event.routeId) return text;
  return `${text} · course: ${routeNames?.get(event.routeId) ?? 'a route of your library'}`;
}

/**
 * The rules with the event at <index> on the route <routeId> (null: no course); the other events and rules as they were.
 * @template {RuleSet} R @param {R} rules @param {number} index @param {string | null} routeId @returns {R}
 */
export function withEventRoute(rules, index, routeId) {
  return { ...rules, events: (rules.events ?? []).map((e, i) => (i === index ? { ...e, routeId: routeId || null } : e)) };
}

/**
 * One rule's value in words, or null when the value sets no rule.
 * @param {string} field @param {unknown} value @param {Map<string, string>} [routeNames] for the events' courses
 * @returns {string | null}
 */
export function ruleValueText(field, value, routeNames) {
  if (isUnset(value)) return null;
  const v = /** @type {any} */ (value);
  switch (field) {
    case 'availableDays':
    case 'restDays':
      return daysText(v);
    case 'maxHoursPerWeek':
    case 'minHoursPerWeek':
    case 'maxHoursPerDay':
    case 'longRideMaxHours':
      return hoursText(v);
    case 'dayCaps':
      return [.../** @type {DayCap[]} */ (v)]
        .sort((a, b) => WEEK.indexOf(a.day) - WEEK.indexOf(b.day))
        .map((c) => `${dayName(c.day)} at most ${hoursText(c.maxHours)}`)
        .join('; ');
    case 'longRideDay':
      return dayName(v);
    case 'maxHardSessionsPerWeek':
      return String(v);
    case 'noBackToBackHardDays':
      return 'never two in a row';
    case 'blackoutDates':
      return [.../** @type {DateRange[]} */ (v)].sort((a, b) => a.from.localeCompare(b.from)).map(rangeText).join('; ');
    case 'events':
      return [.../** @type {TargetEvent[]} */ (v)].sort((a, b) => a.date.localeCompare(b.date)).map((e) => eventText(e, routeNames)).join('; ');
    case 'targetEvent':
      return `${v.name} on ${v.date}`;
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** @param {string} field */
export function ruleLabel(field) {
  return /** @type {Record<string, string>} */ (RULE_LABELS)[field] ?? field;
}

/**
 * The rules a rule set sets, in the rule set's field order (fields the page does not know come last, as JSON).
 * @param {RuleSet | null | undefined} rules @param {Map<string, string>} [routeNames] route id → name, for the events
 * @returns {RuleLine[]}
 */
export function ruleLines(rules, routeNames) {
  if (!rules) return [];
  const known = Object.keys(RULE_LABELS);
  const fields = [...known, ...Object.keys(rules).filter((f) => !known.includes(f))];
  /** @type {RuleLine[]} */
  const lines = [];
  for (const field of fields) {
    const value = ruleValueText(field, /** @type {any} */ (rules)[field], routeNames);
    if (value !== null) lines.push({ field, label: ruleLabel(field), value });
  }
  return lines;
}

/**
 * The parse preview: what was understood (as rule lines) and what was not (the phrases, trimmed, blanks dropped).
 * @param {{ rules: RuleSet, notUnderstood: string[], engine?: string, fallbackReason?: string | null }} parsed
 * @param {Map<string, string>} [routeNames]
 */
export function parsePreview(parsed, routeNames) {
  const understood = ruleLines(parsed.rules, routeNames);
  const notUnderstood = (parsed.notUnderstood ?? []).map((p) => p.trim()).filter(Boolean);
  return { understood, notUnderstood, nothingUnderstood: understood.length === 0, engine: parsed.engine ?? null, fallbackReason: parsed.fallbackReason ?? null };
}

/**
 * Diff rows from the API's changes: a rule that appears is added, one that goes is removed, otherwise changed. A
 * change between two "no rule" values (null and []) is no change to a rider and is left out.
 * @param {{ field: string, before?: unknown, after?: unknown }[]} changes @param {Map<string, string>} [routeNames]
 * @returns {DiffRow[]}
 */
export function diffRows(changes, routeNames) {
  /** @type {DiffRow[]} */
  const rows = [];
  for (const change of changes) {
    const before = ruleValueText(change.field, change.before, routeNames);
    const after = ruleValueText(change.field, change.after, routeNames);
    if (before === after) continue;
    const kind = before === null ? 'added' : after === null ? 'removed' : 'changed';
    rows.push({ field: change.field, label: ruleLabel(change.field), kind, before, after });
  }
  return rows;
}

/**
 * The version each version is compared with in the history: its parent when it is in the list, else the next
 * older version; the first version has none.
 * @template {{ id: string, version: number, parentId?: string | null }} V
 * @param {V[]} versions any order @returns {Map<string, V | null>}
 */
export function baselines(versions) {
  const byId = new Map(versions.map((v) => [v.id, v]));
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  /** @type {Map<string, V | null>} */
  const result = new Map();
  sorted.forEach((v, i) => {
    const parent = v.parentId ? byId.get(v.parentId) : undefined;
    result.set(v.id, parent ?? (i > 0 ? sorted[i - 1] : null));
  });
  return result;
}
