import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, appendPage, calendarWeeks, diffView, fitnessSeries, mondayOf, powerCurveSeries, versionOrigin, weekPlannedVsDone } from '../lib/plan/plan-data.mjs';

const day = (date, ctl, atl, projected = false) => ({ date, load: 0, ctl, atl, tsb: ctl - atl, projected });
const session = (name, durationSeconds, targetTss, type = 'endurance') => ({ type, name, durationSeconds, zone: 2, targetTss, steps: [], description: '' });

describe('dates', () => {
  it('finds the Monday of a week, across a month end and from a Sunday', () => {
    assert.equal(mondayOf('2026-12-01'), '2026-11-30'); // Tuesday
    assert.equal(mondayOf('2026-11-30'), '2026-11-30'); // Monday itself
    assert.equal(mondayOf('2026-12-06'), '2026-11-30'); // Sunday belongs to the week before it
    assert.equal(addDays('2026-02-27', 2), '2026-03-01'); // no 29 February in 2026
  });
});

describe('fitnessSeries', () => {
  const days = [day('2026-11-29', 40, 50), day('2026-11-30', 41, 52), day('2026-12-01', 42, 45, true), day('2026-12-02', 42.44, 40, true)];
  it('puts measured days in the solid series and projected ones in the dashed, joined at the last measured day', () => {
    const { series, lastActualIndex, hasProjection, x } = fitnessSeries(days);
    assert.equal(hasProjection, true);
    assert.equal(lastActualIndex, 1);
    assert.equal(x[1] - x[0], 86_400); // uPlot seconds, one day apart
    const ctl = series.find((s) => s.key === 'ctl' && !s.projected);
    const ctlPlanned = series.find((s) => s.key === 'ctl' && s.projected);
    assert.deepEqual(ctl.values, [40, 41, null, null]);
    assert.deepEqual(ctlPlanned.values, [null, 41, 42, 42.4]); // shares day 2 so the dashed line starts where the solid ends
    const tsbPlanned = series.find((s) => s.key === 'tsb' && s.projected);
    assert.deepEqual(tsbPlanned.values, [null, -11, -3, 2.4]);
  });
  it('has no projected series without a plan ahead', () => {
    const { series, hasProjection } = fitnessSeries(days.slice(0, 2));
    assert.equal(hasProjection, false);
    assert.deepEqual(series.map((s) => s.key), ['ctl', 'atl', 'tsb']);
  });
});

describe('weekPlannedVsDone', () => {
  const monday = '2026-11-30';
  const days = [
    { date: '2026-11-30', planned: [session('Endurance', 3600, 50)], workoutIds: ['a'], doneSeconds: 3500, doneLoad: 48, compliancePercent: 96, unplannedRide: false },
    { date: '2026-12-01', planned: [session('Threshold', 4000, 80, 'threshold')], workoutIds: [], doneSeconds: 0, doneLoad: 0, compliancePercent: null, unplannedRide: false },
    { date: '2026-12-02', planned: [], workoutIds: ['b'], doneSeconds: 1800, doneLoad: 20, compliancePercent: null, unplannedRide: true },
    { date: '2026-12-05', planned: [session('Long ride', 10800, 150, 'long_ride'), session('Spin', 1800, 15, 'recovery')], workoutIds: [], doneSeconds: 0, doneLoad: 0, compliancePercent: null, unplannedRide: false },
  ];
  it('lists seven days Monday first, with a status for each against today', () => {
    const { rows } = weekPlannedVsDone(days, monday, '2026-12-02');
    assert.deepEqual(rows.map((r) => r.date), ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    assert.deepEqual(rows.map((r) => r.status), ['done', 'missed', 'extra', 'rest', 'rest', 'upcoming', 'rest']);
    assert.equal(rows[2].when, 'today');
  });
  it('sums planned and done over the week, two sessions on a day included', () => {
    const { totals } = weekPlannedVsDone(days, monday, '2026-12-02');
    assert.equal(totals.plannedSeconds, 3600 + 4000 + 10800 + 1800);
    assert.equal(totals.doneSeconds, 3500 + 1800);
    assert.equal(totals.plannedTss, 50 + 80 + 150 + 15);
    assert.equal(totals.doneLoad, 68);
    assert.equal(totals.sessionsPlanned, 4);
    assert.equal(totals.sessionsDone, 1); // the unplanned ride is not a planned session done
  });
  it('calls a planned day ridden well short "partial"', () => {
    const short = [{ ...days[0], doneSeconds: 1200, compliancePercent: 33 }];
    assert.equal(weekPlannedVsDone(short, monday, '2026-12-03').rows[0].status, 'partial');
  });
});

describe('calendarWeeks', () => {
  const plan = {
    weeks: [
      { weekNumber: 1, focus: 'Base', days: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'].map((date, i) => ({ date, workouts: i === 1 ? [session('Tempo', 3600, 60, 'tempo')] : [], isRest: i !== 1 })) },
    ],
  };
  it('places days Monday to Sunday with what was ridden and marks today', () => {
    const done = [{ date: '2026-12-01', planned: [], workoutIds: ['w1'], doneSeconds: 3300, doneLoad: 55, compliancePercent: 92, unplannedRide: false }];
    const [week] = calendarWeeks(plan, done, '2026-12-02');
    assert.equal(week.monday, '2026-11-30');
    assert.equal(week.days.length, 7);
    assert.equal(week.days[1].doneSeconds, 3300);
    assert.deepEqual(week.days[1].workoutIds, ['w1']);
    assert.equal(week.days[2].isToday, true);
    assert.equal(week.days[1].isPast, true);
    assert.equal(week.hours, 1);
    assert.equal(week.tss, 60);
  });
  it('carries the week\'s phase and the day\'s event (old plans read as build weeks without events)', () => {
    const raced = { weeks: [{ ...plan.weeks[0], phase: 'race', days: plan.weeks[0].days.map((d, i) => (i === 6 ? { ...d, event: { name: 'Gran Fondo', priority: 'a' } } : d)) }] };
    const [week] = calendarWeeks(raced, [], '2026-12-02');
    assert.equal(week.phase, 'race');
    assert.deepEqual(week.days[6].event, { name: 'Gran Fondo', priority: 'a' });
    assert.equal(week.days[5].event, null);
    assert.equal(calendarWeeks(plan, [], '2026-12-02')[0].phase, 'build');
  });
  it('leaves days the plan does not hold empty instead of shifting the week', () => {
    const partial = { weeks: [{ weekNumber: 1, focus: 'x', days: [{ date: '2026-12-02', workouts: [], isRest: true }] }] };
    const [week] = calendarWeeks(partial, [], '2026-12-01');
    assert.equal(week.days[0], null);
    assert.equal(week.days[2].date, '2026-12-02');
  });
});

describe('versionOrigin', () => {
  it('names what created a version and the id behind it', () => {
    assert.deepEqual(versionOrigin({ origin: 'analysis', createdBy: 'analysis:0199-ab' }), { label: 'Approved analysis', source: 'analysis', sourceId: '0199-ab', detail: 'analysis:0199-ab' });
    assert.equal(versionOrigin({ origin: 'undo', createdBy: 'rider' }).sourceId, null);
    assert.equal(versionOrigin({ origin: 'chat', createdBy: 'chat:c1' }).label, 'Approved proposal');
  });
});

describe('diffView', () => {
  const diff = {
    plan: [],
    days: [
      { date: '2026-12-03', kind: 'changed', before: [session('Threshold 2×20', 4200, 85, 'threshold')], after: [session('Recovery spin', 3600, 30, 'recovery')], fields: ['type', 'name', 'durationSeconds', 'targetTss'] },
      { date: '2026-12-01', kind: 'added', before: [], after: [session('Endurance', 3600, 50), session('Spin', 1800, 15, 'recovery')], fields: [] },
    ],
    weeks: [
      { weekStart: '2026-11-30', before: { hours: 8, tss: 400, hardSessions: 2, focus: 'Build' }, after: { hours: 8.3, tss: 380, hardSessions: 1, focus: 'Build' } },
      { weekStart: '2026-12-07', before: { hours: 7, tss: 350, hardSessions: 2, focus: 'Build' }, after: { hours: 7, tss: 350, hardSessions: 2, focus: 'Build' } },
    ],
  };
  it('orders changed days by date and lines sessions up by position', () => {
    const view = diffView(diff);
    assert.deepEqual(view.days.map((d) => d.date), ['2026-12-01', '2026-12-03']);
    const added = view.days[0];
    assert.equal(added.pairs.length, 2);
    assert.equal(added.pairs[1].before, null);
    assert.equal(added.pairs[1].after.name, 'Spin');
  });
  it('flags the fields that changed between the two sessions at a position', () => {
    const changed = diffView(diff).days[1].pairs[0].changed;
    assert.deepEqual(changed, ['type', 'name', 'durationSeconds', 'targetTss']);
  });
  it('keeps only weeks whose totals changed, with the deltas', () => {
    const { weeks, isEmpty } = diffView(diff);
    assert.equal(weeks.length, 1);
    assert.ok(Math.abs(weeks[0].hoursDelta - 0.3) < 1e-9);
    assert.equal(weeks[0].tssDelta, -20);
    assert.equal(isEmpty, false);
  });
  it('is empty when nothing differs', () => {
    assert.equal(diffView({ plan: [], days: [], weeks: [diff.weeks[1]] }).isEmpty, true);
  });
});

describe('powerCurveSeries', () => {
  it('aligns the ride and the best on the union of durations, null where one has none', () => {
    const best = [
      { durationSeconds: 5, watts: 900, date: '2026-10-01', workoutId: 'x' },
      { durationSeconds: 60, watts: 450, date: '2026-10-02', workoutId: 'y' },
      { durationSeconds: 3600, watts: 250, date: '2026-09-01', workoutId: 'z' },
    ];
    const s = powerCurveSeries({ 60: 400, 5: 800, 1200: 280 }, best);
    assert.deepEqual(s.x, [5, 60, 1200, 3600]);
    assert.deepEqual(s.ride, [800, 400, 280, null]);
    assert.deepEqual(s.best, [900, 450, null, 250]);
    assert.equal(s.bestFrom[1].workoutId, 'y');
  });
});

describe('paging the version history', () => {
  const v = (id) => ({ id });
  it('appends the next page without the items already shown', () => {
    assert.deepEqual(appendPage([v('60'), v('59')], [v('58'), v('57')]).map((x) => x.id), ['60', '59', '58', '57']);
    // v61 was created after page 1 was read: page 2 now starts with v59, already shown.
    assert.deepEqual(appendPage([v('60'), v('59')], [v('59'), v('58')]).map((x) => x.id), ['60', '59', '58']);
  });
});
