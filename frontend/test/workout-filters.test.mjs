import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filtersToApiQuery, filtersToSearch, localDayBoundary, pageCount, readFilters } from '../lib/workouts/workout-filters.mjs';

describe('workout filters', () => {
  it('reads valid values and drops invalid ones', () => {
    const f = readFilters(new URLSearchParams('source=garmin&type=road_biking&from=2026-11-01&to=nope&page=3'));
    assert.deepEqual(f, { source: 'garmin', type: 'road_biking', from: '2026-11-01', to: '', page: 3 });
    assert.equal(readFilters(new URLSearchParams('source=strava&page=-2')).source, '');
    assert.equal(readFilters(new URLSearchParams('page=1.5')).page, 1);
  });
  it('round-trips through the page URL, leaving defaults out', () => {
    const f = { source: 'file', type: '', from: '2026-11-01', to: '2026-11-30', page: 1 };
    assert.equal(filtersToSearch(f), 'source=file&from=2026-11-01&to=2026-11-30');
    assert.deepEqual(readFilters(new URLSearchParams(filtersToSearch(f))), f);
  });
  it('sends whole local days to the API', () => {
    const q = new URLSearchParams(filtersToApiQuery({ source: '', type: 'cycling', from: '2026-11-01', to: '2026-11-01', page: 2 }, 25));
    assert.equal(q.get('page'), '2');
    assert.equal(q.get('pageSize'), '25');
    assert.equal(q.get('type'), 'cycling');
    const span = Date.parse(q.get('to')) - Date.parse(q.get('from'));
    assert.equal(span, 24 * 3600 * 1000 - 1);
    assert.match(q.get('from'), /^2026-11-01T00:00:00\.000[+-]\d{2}:\d{2}$/);
  });
  it('writes the offset of that day', () => {
    const iso = localDayBoundary('2026-07-01', false);
    assert.equal(new Date(iso).getDate(), 1);
    assert.equal(new Date(iso).getHours(), 0);
  });
  it('counts pages', () => {
    assert.equal(pageCount(0), 1);
    assert.equal(pageCount(25, 25), 1);
    assert.equal(pageCount(26, 25), 2);
  });
});
