import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATEGORIES, label, libraryHref, libraryQuery, plannableDays, readLibraryFilter, powerZone, profileBlocks, profileShapes } from '../lib/workouts/workout-library.mjs';

const step = (kind, durationSeconds, powerLow, powerHigh, extra = {}) => ({ kind, durationSeconds, powerLow, powerHigh, ...extra });

describe('libraryQuery', () => {
  it('asks for everything without filters', () => {
    assert.equal(libraryQuery({}), '/api/coach/workouts/library');
  });

  it('passes the type and turns a length into minute bounds', () => {
    assert.equal(libraryQuery({ type: 'sweet_spot', length: 'hour' }), '/api/coach/workouts/library?type=sweet_spot&minMinutes=45&maxMinutes=75');
    assert.equal(libraryQuery({ type: '', length: 'short' }), '/api/coach/workouts/library?maxMinutes=45');
    assert.equal(libraryQuery({ type: 'vo2_max', length: 'longest' }), '/api/coach/workouts/library?type=vo2_max&minMinutes=120');
  });

  it('reads an unknown length as any length', () => {
    assert.equal(libraryQuery({ type: 'tempo', length: 'forever' }), '/api/coach/workouts/library?type=tempo');
  });
});

describe('the filter in the address', () => {
  const read = (query) => readLibraryFilter(new URLSearchParams(query));

  it('reads a known type and length', () => {
    assert.deepEqual(read('type=vo2_max&length=short'), { type: 'vo2_max', length: 'short' });
    assert.deepEqual(read(''), { type: '', length: 'any' });
  });

  it('falls back to all types and any length for what the page does not offer', () => {
    assert.deepEqual(read('type=drop%20table&length=forever'), { type: '', length: 'any' });
  });

  it('writes the address without the defaults, and reads back what it wrote', () => {
    assert.equal(libraryHref({ type: '', length: 'any' }), '/library');
    assert.equal(libraryHref({ type: 'tempo', length: 'any' }), '/library?type=tempo');
    assert.equal(libraryHref({ type: '', length: 'long' }), '/library?length=long');
    for (const filter of [{ type: 'sweet_spot', length: 'hour' }, { type: '', length: 'longest' }]) {
      assert.deepEqual(read(libraryHref(filter).split('?')[1]), filter);
    }
  });
});

describe('powerZone', () => {
  it("puts a fraction of FTP in Coggan's zones, a bound in the zone above", () => {
    assert.deepEqual([0.5, 0.55, 0.7, 0.88, 0.9, 1.0, 1.05, 1.15, 1.3, 1.5, 2.0].map(powerZone), [1, 2, 2, 3, 4, 4, 5, 5, 6, 7, 7]);
  });
});

describe('profileBlocks', () => {
  it('ramps the warm-up, repeats intervals with recoveries between (none after the last) and holds steady steps', () => {
    const blocks = profileBlocks([
      step('warmup', 600, 0.5, 0.75),
      step('intervals', 480, 0.95, 1.0, { repeat: 3, offDurationSeconds: 240, offPower: 0.5 }),
      step('steady', 300, 0.6, 0.7, { cadenceRpm: 60 }),
      step('cooldown', 300, 0.65, 0.45),
    ]);
    assert.deepEqual(blocks.map((b) => [b.start, b.seconds, b.from, b.to]), [
      [0, 600, 0.5, 0.75],
      [600, 480, 0.975, 0.975], [1080, 240, 0.5, 0.5],
      [1320, 480, 0.975, 0.975], [1800, 240, 0.5, 0.5],
      [2040, 480, 0.975, 0.975],
      [2520, 300, (0.6 + 0.7) / 2, (0.6 + 0.7) / 2],
      [2820, 300, 0.65, 0.45],
    ]);
    assert.deepEqual(blocks.map((b) => b.zone), [2, 4, 1, 4, 1, 4, 2, 2]);
    assert.equal(blocks[6].cadenceRpm, 60);
    assert.equal(blocks.at(-1).start + blocks.at(-1).seconds, 600 + 3 * 480 + 2 * 240 + 300 + 300);
  });

  it('draws nothing for no steps', () => {
    assert.deepEqual(profileBlocks([]), []);
  });
});

describe('profileShapes', () => {
  it('spans the width in time and scales power to at least 120 % of FTP', () => {
    const { shapes, ftpY, ceiling } = profileShapes(profileBlocks([step('steady', 300, 0.6, 0.6), step('steady', 100, 1.2, 1.2)]), 400, 120);
    assert.equal(ceiling, 1.2);
    assert.equal(ftpY, 20);
    assert.equal(shapes[0].points, '0,120 0,60 300,60 300,120');
    assert.equal(shapes[1].points, '300,120 300,0 400,0 400,120');
  });

  it('raises the ceiling for a sprint above 120 %', () => {
    const { shapes, ceiling } = profileShapes(profileBlocks([step('steady', 60, 0.5, 0.5), step('steady', 10, 2.0, 2.0)]), 70, 100);
    assert.equal(ceiling, 2);
    assert.equal(shapes[1].points, '60,100 60,0 70,0 70,100');
  });
});

describe('plannableDays', () => {
  const plan = {
    weeks: [
      { days: [{ date: '2026-12-06', workouts: [{ name: 'Endurance' }] }, { date: '2026-12-07', workouts: [] }] },
      { days: [{ date: '2026-12-08', workouts: [{ name: 'Sweet spot 3×12' }, { name: 'Spin' }] }] },
    ],
  };
  it('offers the plan days from today on, with what each holds', () => {
    assert.deepEqual(plannableDays(plan, '2026-12-07'), [
      { date: '2026-12-07', holds: 'rest' },
      { date: '2026-12-08', holds: 'Sweet spot 3×12, Spin' },
    ]);
  });

  it('offers nothing without a plan', () => {
    assert.deepEqual(plannableDays(null, '2026-12-07'), []);
  });
});

describe('labels', () => {
  it('reads the wire names', () => {
    assert.equal(label('race_simulation'), 'Race simulation');
    assert.equal(label('vo2_max'), 'VO2max');
    assert.equal(CATEGORIES.length, 12);
  });
});
