// Readiness (GET /api/coach/readiness) shaped for the dashboard: today's score with its strongest reasons, and a
// strip of the last N days where a day without wellness is a gap (null), never a zero. Pure, plain ESM.

const DAY = 86_400_000;

/** "2026-12-01" + n days (plan days: no time zone). @param {string} date @param {number} n */
export function shiftDay(date, n) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/**
 * One entry per day from `today - (count - 1)` to `today`, oldest first; `score` and `band` are null where the API
 * has no day or the day has no score (band unknown).
 * @param {{ date: string, score: number | null, band: string }[]} days @param {string} today @param {number} count
 * @returns {{ date: string, score: number | null, band: string | null }[]}
 */
export function readinessStrip(days, today, count) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return Array.from({ length: count }, (_, i) => {
    const date = shiftDay(today, i - (count - 1));
    const day = byDate.get(date);
    const scored = day && day.score != null && day.band !== 'unknown';
    return { date, score: scored ? day.score : null, band: scored ? day.band : null };
  });
}

/**
 * Today's readiness with its reasons strongest first (the ones that weigh most and sit furthest from 100 pull the
 * score most), or null when today has no wellness.
 * @template {{ date: string, reasons: { weight: number, score: number, text: string }[] }} D
 * @param {D[]} days @param {string} today @param {number} [top]
 * @returns {(D & { topReasons: D['reasons'] }) | null}
 */
export function todayReadiness(days, today, top = 3) {
  const day = days.find((d) => d.date === today);
  if (!day) return null;
  const pull = (/** @type {{ weight: number, score: number }} */ r) => r.weight * Math.abs(100 - r.score);
  return { ...day, topReasons: [...day.reasons].sort((a, b) => pull(b) - pull(a)).slice(0, top) };
}

/** How many of the strip's days have a score. @param {{ score: number | null }[]} strip */
export const scoredDays = (strip) => strip.filter((d) => d.score != null).length;
