// The dashboard's sync line: the latest run, with the counts of its last progress event while it runs.

/** @type {Record<string, string>} */
const SOURCE_LABEL = { garmin: 'Garmin', intervals_icu: 'intervals.icu', file: 'File import', manual: 'Manual' };

/** A ride's or run's source as the rider reads it. @param {string} source */
export const sourceLabel = (source) => SOURCE_LABEL[source] ?? source;

/**
 * @param {{ id: string, source: string, status: string, found: number, imported: number, skipped: number, failed: number,
 *   error?: string | null, finishedAt?: string | null, createdAt: string }} run
 * @param {{ runId: string, found: number, imported: number, skipped: number, failed: number } | null} progress the last
 *   sync-run-progressed event seen (ignored unless it is this run's, and once the run has finished)
 * @param {(iso: string) => string} when relative time
 * @returns {{ text: string, tone: 'busy' | 'good' | 'bad', progress: { value: number, max: number } | null }}
 */
export function describeRun(run, progress, when) {
  const source = sourceLabel(run.source);
  const running = run.status === 'in_progress';
  const c = running && progress?.runId === run.id ? progress : run;
  const done = c.imported + c.skipped + c.failed;
  const tally = `${c.imported} new, ${c.skipped} already stored${c.failed ? `, ${c.failed} failed` : ''}`;
  if (running) {
    return {
      text: c.found > 0 ? `Syncing ${source}… ${done} of ${c.found} (${tally})` : `Syncing ${source}… listing activities`,
      tone: 'busy',
      progress: { value: done, max: Math.max(1, c.found) },
    };
  }
  const at = when(run.finishedAt ?? run.createdAt);
  return run.status === 'error'
    ? { text: `${source} sync failed ${at}: ${run.error ?? 'unknown error'}`, tone: 'bad', progress: null }
    : { text: `${source} synced ${at}: ${c.found} found, ${tally}.`, tone: 'good', progress: null };
}
