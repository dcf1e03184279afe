import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lapRows, streamSourceNote } from '../lib/charts/laps.mjs';

const lap = (index, over = {}) => ({ index, startSecond: index * 600, elapsedSeconds: 620, timerSeconds: 600, distanceMeters: 6000, averagePowerWatts: 200, averageHeartRateBpm: 140, ...over });

describe('laps', () => {
  it('orders laps by index, numbers them from 1 and takes speed from timer time', () => {
    // Sync's index starts at 1 (services/Sync/Import/WorkoutLaps.cs): the first lap is lap 1, not 2.
    const rows = lapRows([lap(2), lap(1)]);
    assert.deepEqual(rows.map((r) => [r.index, r.number]), [[1, 1], [2, 2]]);
    assert.equal(rows[0].seconds, 600);
    assert.equal(rows[0].speedMps, 10); // 6000 m in 600 s
  });

  it('falls back to elapsed time and leaves speed empty without a time or a distance', () => {
    assert.equal(lapRows([lap(0, { timerSeconds: null })])[0].speedMps, 6000 / 620);
    assert.equal(lapRows([lap(0, { timerSeconds: null, elapsedSeconds: null })])[0].speedMps, null);
    assert.equal(lapRows([lap(0, { distanceMeters: null })])[0].speedMps, null);
    assert.equal(lapRows([lap(0, { timerSeconds: 0, elapsedSeconds: 0 })])[0].speedMps, null);
  });

  it('has no rows for a ride without laps', () => {
    assert.deepEqual(lapRows(null), []);
    assert.deepEqual(lapRows(undefined), []);
  });

  it('notes resampled streams but not an original file or none', () => {
    assert.match(streamSourceNote('garmin_details') ?? '', /Garmin's activity details.*resampled to 1 Hz/);
    assert.match(streamSourceNote('intervals_streams') ?? '', /intervals\.icu/);
    assert.equal(streamSourceNote('original_file'), null);
    assert.equal(streamSourceNote('none'), null);
    assert.equal(streamSourceNote(undefined), null);
    assert.equal(streamSourceNote('toString'), null);
  });
});
