import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselines, diffRows, eventText, hoursText, parsePreview, ruleLines, withEventRoute } from '../lib/rules/rules-view.mjs';

// What POST /api/coach/rules/parse answered for "I can ride at most 8 hours a week. Rest on Mondays. Long ride on
// Saturday up to 4 hours. No more than two hard sessions a week, never two hard days in a row. Tuesdays at most an
// hour. Holiday from 2026-12-20 to 2026-12-27. I like purple bikes. Target: Gran Fondo on 2027-05-15."
const parsed = {
  rules: {
    availableDays: null, restDays: ['monday'], maxHoursPerWeek: 8, minHoursPerWeek: null, maxHoursPerDay: null,
    dayCaps: [{ day: 'tuesday', maxHours: 1 }], longRideDay: 'saturday', longRideMaxHours: 4, maxHardSessionsPerWeek: 2,
    noBackToBackHardDays: true, blackoutDates: [{ from: '2026-12-20', to: '2026-12-27', reason: 'holiday' }],
    targetEvent: { name: 'Gran Fondo', date: '2027-05-15' },
  },
  notUnderstood: ['I like purple bikes', '  '],
  engine: 'builtin',
  fallbackReason: null,
};

describe('parsePreview', () => {
  it('lists every rule set, in the rule set order, in words', () => {
    const { understood } = parsePreview(parsed);
    assert.deepEqual(understood.map((l) => [l.label, l.value]), [
      ['Rest days', 'Monday'],
      ['Most hours a week', '8 h'],
      ['Caps for particular days', 'Tuesday at most 1 h'],
      ['Long-ride day', 'Saturday'],
      ['Longest long ride', '4 h'],
      ['Most hard sessions a week', '2'],
      ['Hard days back to back', 'never two in a row'],
      ['No riding on', '2026-12-20 to 2026-12-27 (holiday)'],
      ['Target event', 'Gran Fondo on 2027-05-15'],
    ]);
  });

  it('keeps what was not understood and drops blank phrases', () => {
    const preview = parsePreview(parsed);
    assert.deepEqual(preview.notUnderstood, ['I like purple bikes']);
    assert.equal(preview.nothingUnderstood, false);
  });

  it('says when nothing was understood (null, empty and false are no rule)', () => {
    const preview = parsePreview({ rules: { restDays: [], dayCaps: [], noBackToBackHardDays: false, availableDays: null }, notUnderstood: ['hello'] });
    assert.equal(preview.nothingUnderstood, true);
    assert.deepEqual(preview.notUnderstood, ['hello']);
  });

  it('orders days Monday first, whatever order they came in', () => {
    assert.equal(ruleLines({ availableDays: ['sunday', 'tuesday', 'monday', 'tuesday'] })[0].value, 'Monday, Tuesday, Sunday');
  });
});

describe('hoursText', () => {
  it('writes hours and minutes', () => {
    assert.equal(hoursText(1.5), '1 h 30 min');
    assert.equal(hoursText(0.75), '45 min');
    assert.equal(hoursText(10), '10 h');
  });
});

describe('diffRows', () => {
  it('names each change added, removed or changed, with both sides in words', () => {
    const rows = diffRows([
      { field: 'maxHoursPerWeek', before: 8, after: 10 },
      { field: 'restDays', before: [], after: ['friday', 'monday'] },
      { field: 'targetEvent', before: { name: 'Gran Fondo', date: '2027-05-15' }, after: null },
    ]);
    assert.deepEqual(rows, [
      { field: 'maxHoursPerWeek', label: 'Most hours a week', kind: 'changed', before: '8 h', after: '10 h' },
      { field: 'restDays', label: 'Rest days', kind: 'added', before: null, after: 'Monday, Friday' },
      { field: 'targetEvent', label: 'Target event', kind: 'removed', before: 'Gran Fondo on 2027-05-15', after: null },
    ]);
  });

  it('leaves out changes a rider cannot see (null to an empty list, same days reordered)', () => {
    assert.deepEqual(diffRows([
      { field: 'availableDays', before: null, after: [] },
      { field: 'restDays', before: ['monday', 'friday'], after: ['friday', 'monday'] },
    ]), []);
  });

  it('shows a field it does not know as JSON rather than hiding it', () => {
    const [row] = diffRows([{ field: 'maxClimbingMeters', before: null, after: 2000 }]);
    assert.deepEqual([row.label, row.kind, row.after], ['maxClimbingMeters', 'added', '2000']);
  });
});

describe('baselines', () => {
  it('compares each version with its parent, else the next older one; the first with none', () => {
    const v1 = { id: 'a', version: 1, parentId: null };
    const v2 = { id: 'b', version: 2, parentId: 'a' };
    const v3 = { id: 'c', version: 3, parentId: 'a' }; // saved from v1 again
    const v5 = { id: 'e', version: 5, parentId: 'd' }; // parent on another page
    const map = baselines([v5, v3, v2, v1]);
    assert.equal(map.get('a'), null);
    assert.equal(map.get('b'), v1);
    assert.equal(map.get('c'), v1);
    assert.equal(map.get('e'), v3);
  });
});

describe('events and their courses', () => {
  const stelvio = '0193a4d2-0000-7000-8000-00000000c0de';
  const rules = {
    maxHoursPerWeek: 8,
    events: [
      { name: 'Granfondo Stelvio', date: '2027-06-20', priority: 'a', routeId: stelvio },
      { name: 'Club TT', date: '2027-04-04', priority: 'c' },
    ],
  };
  const names = new Map([[stelvio, 'Stelvio loop']]);

  it('names each event with its priority and the course it is ridden on, in date order', () => {
    assert.deepEqual(ruleLines(rules, names).find((l) => l.field === 'events'), {
      field: 'events',
      label: 'Events',
      value: 'Club TT on 2027-04-04 (C); Granfondo Stelvio on 2027-06-20 (A) · course: Stelvio loop',
    });
  });

  it('still says there is a course when the route name is not known (not loaded, or deleted)', () => {
    assert.equal(eventText(rules.events[0]), 'Granfondo Stelvio on 2027-06-20 (A) · course: a route of your library');
    assert.equal(eventText({ name: 'Marmotte', date: '2027-07-04' }), 'Marmotte on 2027-07-04 (A)');
  });

  it('puts one event on a route (or none) and leaves the other events and rules as they were', () => {
    const other = '0193a4d2-0000-7000-8000-0000000000aa';
    const picked = withEventRoute(rules, 1, other);
    assert.deepEqual(picked.events.map((e) => e.routeId ?? null), [stelvio, other]);
    assert.equal(picked.maxHoursPerWeek, 8);
    assert.equal(rules.events[1].routeId, undefined, 'the rules given are not changed');
    assert.equal(withEventRoute(rules, 0, '').events[0].routeId, null);
  });

  it('shows a course attached in a diff as a changed event', () => {
    const rows = diffRows([{ field: 'events', before: [{ ...rules.events[0], routeId: null }], after: [rules.events[0]] }], names);
    assert.deepEqual(rows, [{
      field: 'events', label: 'Events', kind: 'changed',
      before: 'Granfondo Stelvio on 2027-06-20 (A)', after: 'Granfondo Stelvio on 2027-06-20 (A) · course: Stelvio loop',
    }]);
  });
});
