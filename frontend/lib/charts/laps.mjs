// A ride's laps (WorkoutResponse.laps) as table rows, and where its 1 Hz streams came from in words
// (services/Sync/Model/StreamSources.cs). Pure, plain ESM.

/**
 * Laps in order with the time ridden (timer time, else elapsed) and the average speed it gives; null where the
 * source did not say.
 * @param {{ index: number, startSecond: number | null, elapsedSeconds: number | null, timerSeconds: number | null,
 *   distanceMeters: number | null, averagePowerWatts: number | null, averageHeartRateBpm: number | null }[] | null | undefined} laps
 */
export function lapRows(laps) {
  return [...(laps ?? [])]
    .sort((a, b) => a.index - b.index)
    .map((lap, i) => {
      const seconds = lap.timerSeconds ?? lap.elapsedSeconds;
      const speedMps = seconds && lap.distanceMeters != null ? lap.distanceMeters / seconds : null;
      // Numbered as ridden, 1 to n (Sync stores index from 1; the position does not depend on that).
      return { ...lap, number: i + 1, seconds, speedMps };
    });
}

const NOTES = {
  garmin_details: "Samples from Garmin's activity details (a few seconds apart), resampled to 1 Hz: short peaks may be smoothed.",
  intervals_streams: "Samples from intervals.icu's activity streams, resampled to 1 Hz.",
};

/** A note when the streams are not the original recording, else null. @param {string | null | undefined} source */
export const streamSourceNote = (source) => (source && Object.hasOwn(NOTES, source) ? NOTES[/** @type {keyof typeof NOTES} */ (source)] : null);
