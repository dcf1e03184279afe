import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayAndDate, suggestionText } from '../lib/coach/proposal-text.mjs';

describe('suggestionText', () => {
  it('names the weekday of a plan date whatever the time zone (2026-12-03 is a Thursday)', () => {
    assert.equal(dayAndDate('2026-12-03'), 'Thursday 2026-12-03');
  });
  it('says what each plan operation does', () => {
    const op = (o) => suggestionText({ kind: 'plan_operation', operation: { date: '2026-12-03', ...o } });
    assert.equal(op({ kind: 'move', targetDate: '2026-12-05' }), 'Move the session on Thursday 2026-12-03 to Saturday 2026-12-05');
    assert.equal(op({ kind: 'shorten', durationSeconds: 2700 }), 'Shorten Thursday 2026-12-03 to 45 min');
    assert.equal(op({ kind: 'change_intensity', workoutType: 'sweet_spot' }), 'Change Thursday 2026-12-03 to sweet spot');
    assert.equal(op({ kind: 'add_rest' }), 'Rest on Thursday 2026-12-03');
  });
  it('lists only the thresholds a proposal sets', () => {
    const text = suggestionText({ kind: 'thresholds', thresholds: { source: 'garmin', effectiveFrom: '2026-11-30', ftpWatts: 262, maxHeartRateBpm: null, lactateThresholdHeartRateBpm: 171 } });
    assert.equal(text, 'Use FTP 262 W, LTHR 171 bpm from 2026-11-30 (garmin)');
  });
});
