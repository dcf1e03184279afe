import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readinessStrip, scoredDays, shiftDay, todayReadiness } from '../lib/plan/readiness-data.mjs';

const day = (date, score, band = 'ready', reasons = []) => ({ date, score, band, confidence: 0.8, reasons, missing: [], facts: {} });

describe('readiness shaping', () => {
  it('shifts plan days across a month and a year end', () => {
    assert.equal(shiftDay('2026-12-01', -1), '2026-11-30');
    assert.equal(shiftDay('2026-12-31', 1), '2027-01-01');
  });

  it('lays the last N days out oldest first with gaps (null) for missing and unknown days, not zeros', () => {
    const strip = readinessStrip([day('2026-11-29', 40, 'low'), day('2026-12-01', 81), day('2026-11-30', null, 'unknown')], '2026-12-01', 4);
    assert.deepEqual(strip, [
      { date: '2026-11-28', score: null, band: null },
      { date: '2026-11-29', score: 40, band: 'low' },
      { date: '2026-11-30', score: null, band: null },
      { date: '2026-12-01', score: 81, band: 'ready' },
    ]);
    assert.equal(scoredDays(strip), 2);
    assert.equal(readinessStrip([], '2026-12-01', 28).length, 28);
  });

  it('keeps a real score of 0 (a very bad day is not a gap)', () => {
    assert.equal(readinessStrip([day('2026-12-01', 0, 'low')], '2026-12-01', 1)[0].score, 0);
  });

  it("puts today's strongest reasons first: weight times distance from 100", () => {
    const reasons = [
      { component: 'sleep', text: 'Slept 7.5 h', score: 90, weight: 0.3, cites: [] }, // pull 3
      { component: 'hrv', text: 'HRV 20% below baseline', score: 30, weight: 0.4, cites: [] }, // pull 28
      { component: 'rhr', text: 'Resting HR +6 bpm', score: 50, weight: 0.3, cites: [] }, // pull 15
    ];
    const today = todayReadiness([day('2026-11-30', 70), day('2026-12-01', 48, 'caution', reasons)], '2026-12-01', 2);
    assert.equal(today?.score, 48);
    assert.deepEqual(today?.topReasons.map((r) => r.component), ['hrv', 'rhr']);
    assert.equal(reasons[0].component, 'sleep', 'the input is not reordered');
  });

  it('has no readiness for today when the day is missing', () => {
    assert.equal(todayReadiness([day('2026-11-30', 70)], '2026-12-01'), null);
  });
});
