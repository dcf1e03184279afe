// An analysis made before the ride's numbers were recomputed (a threshold change, or corrected data such as an
// all-zero power channel that no longer counts as power), in words (services/Coaching/Analyses/AnalysisRefresh.cs: an open review
// of a recent ride is analysed again; a decided one, or one of an older ride, stays and the API marks it `stale`
// with the numbers it used, `basedOn`, and the ride's numbers now, `current`). Pure, plain ESM (node --test runs it).

/**
 * @typedef {{ trainingStressScore?: number | null, intensityFactor?: number | null, ftpWatts?: number | null }} Basis
 * @typedef {{ status: string, stale?: boolean, basedOn?: Basis | null, current?: Basis | null,
 *   suggestions: { state?: string }[] }} StaleAnalysis
 */

/** "TSS 21 (IF 0.52, FTP 310 W)"; parts the ride lacks are left out. @param {Basis} basis */
export function basisText(basis) {
  const extra = [
    basis.intensityFactor == null ? null : `IF ${basis.intensityFactor.toFixed(2)}`,
    basis.ftpWatts == null ? null : `FTP ${Math.round(basis.ftpWatts)} W`,
  ].filter(Boolean);
  const tss = basis.trainingStressScore == null ? 'no TSS' : `TSS ${Math.round(basis.trainingStressScore)}`;
  return extra.length > 0 ? `${tss} (${extra.join(', ')})` : tss;
}

/** The rider decided on it (approved, rejected, or some suggestions): it is kept as decided. @param {StaleAnalysis} a */
export function isDecided(a) {
  return a.status !== 'ready' || a.suggestions.some((s) => s.state !== 'pending');
}

/**
 * The notice for an analysis whose ride has other numbers now, or null when it is up to date.
 * @param {StaleAnalysis} a @returns {string | null}
 */
export function staleNotice(a) {
  if (!a.stale || !a.basedOn || !a.current) return null;
  const change = `This analysis was made with ${basisText(a.basedOn)}; the ride has been recomputed since (new thresholds or corrected data) and has ${basisText(a.current)}.`;
  return isDecided(a)
    ? `${change} You already decided on it, so it stays as it was; analyse the ride again for a review with the new numbers.`
    : `${change} Analyse it again to review the ride with the new numbers.`;
}
