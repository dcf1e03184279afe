// The week at a glance (GET/POST /api/coach/analyses/week/{monday}, services/Coaching/Analyses/WeekReview.cs) in
// words for the plan page's "This week's suggestions" panel: which week, the pending suggestions by day, what
// "Approve all" takes, and what a decision or a refusal means. Pure, plain ESM (node --test runs it unbuilt).
import { addDays, mondayOf } from './plan-data.mjs';
import { ANALYSIS_TYPES, dayAndDate, suggestionText } from '../coach/proposal-text.mjs';

/** @typedef {{ analysisId: string, analysisType: string, day: string, workoutId?: string | null, summary?: string | null, suggestion: Parameters<typeof suggestionText>[0] & { id: string, reason: string }, inApproveAll: boolean, note?: string | null }} WeekItem */
/** @typedef {{ monday: string, newPlanId?: string | null, decided: { analysisId: string, suggestionId: string }[], left: WeekItem[] }} WeekDecision */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The Monday `offset` weeks from the week holding `today` (weeks run Monday to Sunday). @param {string} today @param {number} [offset] */
export const weekMonday = (today, offset = 0) => addDays(mondayOf(today), 7 * offset);

/**
 * "This week" / "Last week" / "Next week" (else null) and the days it spans: "30 Nov – 6 Dec 2026", "7–13 Dec 2026",
 * "28 Dec 2026 – 3 Jan 2027".
 * @param {string} monday @param {string} today
 */
export function weekTitle(monday, today) {
  const offset = Math.round((Date.parse(monday) - Date.parse(mondayOf(today))) / (7 * 86_400_000));
  const relative = offset === 0 ? 'This week' : offset === -1 ? 'Last week' : offset === 1 ? 'Next week' : null;
  const [y1, m1, d1] = monday.split('-').map(Number);
  const [y2, m2, d2] = addDays(monday, 6).split('-').map(Number);
  const start = y1 !== y2 ? `${d1} ${MONTHS[m1 - 1]} ${y1}` : m1 !== m2 ? `${d1} ${MONTHS[m1 - 1]}` : `${d1}`;
  return { relative, range: `${start}${m1 !== m2 || y1 !== y2 ? ' – ' : '–'}${d2} ${MONTHS[m2 - 1]} ${y2}` };
}

/**
 * Whether "Approve all" applies an item: the service applies a plan operation that is not an open choice and still
 * fits the plan (no note); the others stay pending.
 * @param {WeekItem} item
 */
const approvedByAll = (item) => item.inApproveAll && !item.note;

/**
 * The items by day, in the service's order (the order "Approve all" applies them), each with its words.
 * @param {WeekItem[]} items
 */
export function weekDays(items) {
  /** @type {{ day: string, label: string, items: (WeekItem & { what: string, type: string, approved: boolean })[] }[]} */
  const days = [];
  for (const item of items) {
    let group = days.find((d) => d.day === item.day);
    if (!group) days.push((group = { day: item.day, label: dayAndDate(item.day), items: [] }));
    group.items.push({ ...item, what: suggestionText(item.suggestion), type: ANALYSIS_TYPES[/** @type {keyof typeof ANALYSIS_TYPES} */ (item.analysisType)] ?? item.analysisType, approved: approvedByAll(item) });
  }
  return days;
}

/** @param {number} n @param {string} one */
const count = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * What the two buttons would do, in words: how many changes "Approve all" applies (as one new plan version) and
 * leaves, and how many "Reject all" rejects.
 * @param {WeekItem[]} items
 */
export function weekCounts(items) {
  const approve = items.filter(approvedByAll).length;
  const leave = items.length - approve;
  const stay = leave === 0 ? '' : approve === 0 ? `Nothing here fits Approve all: decide ${leave === 1 ? 'it' : 'each'} on its own, or reject.` : `${count(leave, 'suggestion')} ${leave === 1 ? 'stays' : 'stay'} for you to decide on ${leave === 1 ? 'its' : 'their'} own.`;
  const apply = approve === 0 ? '' : `Approve all applies ${count(approve, 'change')} as one new plan version.`;
  const text = [apply, stay, `Reject all rejects ${items.length === 1 ? 'it' : `all ${items.length}`}.`].filter(Boolean).join(' ');
  return { approve, leave, reject: items.length, text };
}

/**
 * The success line after "Approve all": the new plan version (its number when known), what was approved and what is
 * left for the rider to decide on its own.
 * @param {WeekDecision} decision @param {number | null} version the new plan version's number, when it could be read
 */
export function approvedText(decision, version) {
  const left = decision.left.length ? ` ${count(decision.left.length, 'suggestion')} left to decide on ${decision.left.length === 1 ? 'its' : 'their'} own.` : '';
  if (!decision.newPlanId || decision.decided.length === 0) return `Nothing to apply: no suggestion of this week fits "Approve all".${left}`;
  const plan = version != null ? `plan v${version} created` : 'a new plan version was created';
  return `Approved ${count(decision.decided.length, 'suggestion')}: ${plan}.${left}`;
}

/** The success line after "Reject all". @param {WeekDecision} decision @param {string} [reason] */
export function rejectedText(decision, reason) {
  if (decision.decided.length === 0) return 'Nothing to reject: the week has no pending suggestions.';
  return `Rejected ${count(decision.decided.length, 'suggestion')}${reason ? ` (“${reason}”)` : ''}. The plan is unchanged.`;
}

/**
 * A refused decision in words: 409 (decided meanwhile: look again), 422 (the plan would break the rules: the
 * violations), 400 (validation: the errors), else the ProblemDetails detail.
 * @param {number} status
 * @param {{ title?: string | null, detail?: string | null, violations?: (string | { message?: string })[], errors?: Record<string, string[]> } | null} problem
 * @param {string} [fallback] the error's own message when there is no body
 */
export function decisionProblem(status, problem, fallback) {
  const violations = (problem?.violations ?? []).map((v) => (typeof v === 'string' ? v : (v.message ?? JSON.stringify(v))));
  const errors = Object.values(problem?.errors ?? {}).flat();
  const detail = [problem?.detail, ...errors].filter(Boolean).join(' ');
  if (status === 409) return { title: 'Nothing was changed', detail: detail || 'The week changed meanwhile.', violations, reload: true };
  if (status === 422) return { title: 'The plan would break your rules; nothing was changed', detail, violations, reload: false };
  return { title: status ? `Could not decide the week (${status})` : 'Could not decide the week', detail: detail || fallback || '', violations, reload: false };
}
