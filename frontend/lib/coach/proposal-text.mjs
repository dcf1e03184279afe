// A change the coach proposes (services/Coaching/Model/Suggestion.cs: a plan operation or new thresholds) in
// words, for the proposal cards in the chat. Pure, plain ESM (node --test runs it unbuilt).

/** What made an analysis (AnalysisType), as the dashboard and the plan page name it. */
export const ANALYSIS_TYPES = /** @type {const} */ ({
  workout_review: 'Ride review',
  threshold_update: 'Threshold update',
  chat_proposal: 'Proposal', // from the chat, the rider's own assistant (MCP) or the workout library
  readiness_adjustment: 'Readiness',
  missed_session: 'Missed session',
});

const WEEK = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2026-12-03" → "Thursday 2026-12-03" (the date is a plan day, no time zone). @param {string} date */
export function dayAndDate(date) {
  const day = WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return day ? `${day} ${date}` : date;
}

/** @param {number | null | undefined} seconds */
const minutes = (seconds) => (seconds ? `${Math.round(seconds / 60)} min` : 'another length');

/**
 * @param {{ kind: string, operation?: { kind: string, date: string, targetDate?: string | null, durationSeconds?: number | null,
 *   workoutType?: string | null, workout?: { name?: string } | null } | null, thresholds?: { source: string, effectiveFrom: string,
 *   ftpWatts?: number | null, lactateThresholdHeartRateBpm?: number | null, maxHeartRateBpm?: number | null,
 *   restingHeartRateBpm?: number | null, weightKg?: number | null } | null }} suggestion
 * @returns {string}
 */
export function suggestionText(suggestion) {
  const op = suggestion.operation;
  if (op) {
    const on = dayAndDate(op.date);
    const to = op.targetDate ? dayAndDate(op.targetDate) : 'another day';
    switch (op.kind) {
      case 'move': return `Move the session on ${on} to ${to}`;
      case 'swap': return `Swap the sessions on ${on} and ${to}`;
      case 'shorten': return `Shorten ${on} to ${minutes(op.durationSeconds)}`;
      case 'lengthen': return `Lengthen ${on} to ${minutes(op.durationSeconds)}`;
      case 'change_intensity': return op.workoutType ? `Change ${on} to ${op.workoutType.replace(/_/g, ' ')}` : `Change the intensity on ${on}`;
      case 'add_rest': return `Rest on ${on}`;
      case 'replace': return `Replace ${on} with ${op.workout?.name ?? 'another session'}`;
      default: return `${op.kind.replace(/_/g, ' ')} on ${on}`;
    }
  }
  const t = suggestion.thresholds;
  if (t) {
    const parts = [
      t.ftpWatts != null && `FTP ${t.ftpWatts} W`,
      t.lactateThresholdHeartRateBpm != null && `LTHR ${t.lactateThresholdHeartRateBpm} bpm`,
      t.maxHeartRateBpm != null && `max HR ${t.maxHeartRateBpm} bpm`,
      t.restingHeartRateBpm != null && `resting HR ${t.restingHeartRateBpm} bpm`,
      t.weightKg != null && `weight ${t.weightKg} kg`,
    ].filter(Boolean);
    return `Use ${parts.join(', ')} from ${t.effectiveFrom} (${t.source})`;
  }
  return suggestion.kind.replace(/_/g, ' ');
}
