import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approvedText, decisionProblem, rejectedText, weekCounts, weekDays, weekMonday, weekTitle } from '../lib/plan/week-review.mjs';

const op = (kind, date, extra = {}) => ({ kind, date, targetDate: null, durationSeconds: null, workoutType: null, workout: null, ...extra });
const item = (day, suggestion, { inApproveAll = true, note = null, analysisType = 'readiness_adjustment' } = {}) => ({
  analysisId: `a-${day}-${suggestion.id}`, analysisType, day, workoutId: null, summary: null, suggestion: { reason: 'because', state: 'pending', cites: [], ...suggestion }, inApproveAll, note,
});

describe('week picker', () => {
  it('steps whole weeks from the Monday of today, across a year end', () => {
    assert.equal(weekMonday('2026-12-09'), '2026-12-07'); // a Wednesday
    assert.equal(weekMonday('2026-12-13', -1), '2026-11-30'); // a Sunday belongs to the week before it
    assert.equal(weekMonday('2026-12-29', 1), '2027-01-04');
  });

  it('names this, last and next week and spells the range without repeating the month or year', () => {
    assert.deepEqual(weekTitle('2026-12-07', '2026-12-09'), { relative: 'This week', range: '7–13 Dec 2026' });
    assert.deepEqual(weekTitle('2026-11-30', '2026-12-09'), { relative: 'Last week', range: '30 Nov – 6 Dec 2026' });
    assert.deepEqual(weekTitle('2026-12-28', '2026-12-27'), { relative: 'Next week', range: '28 Dec 2026 – 3 Jan 2027' });
    assert.equal(weekTitle('2026-12-28', '2026-12-07').relative, null); // three weeks on
  });
});

describe('the week in words', () => {
  const items = [
    item('2026-12-07', { id: 's1', kind: 'plan_operation', operation: op('change_intensity', '2026-12-07', { workoutType: 'endurance' }) }),
    item('2026-12-07', { id: 's1', kind: 'thresholds', thresholds: { source: 'estimated', effectiveFrom: '2026-12-07', ftpWatts: 272 } }, { inApproveAll: false, note: 'Decide this one on its own.', analysisType: 'threshold_update' }),
    item('2026-12-09', { id: 's2', kind: 'plan_operation', operation: op('add_rest', '2026-12-10') }, { note: 'No longer fits the plan after the ones before it: 2026-12-10 is already a rest day.', analysisType: 'chat_proposal' }),
  ];

  it('groups by day in the service order, saying what each does and whether Approve all takes it', () => {
    const days = weekDays(items);
    assert.deepEqual(days.map((d) => d.label), ['Monday 2026-12-07', 'Wednesday 2026-12-09']);
    assert.deepEqual(days[0].items.map((i) => [i.what, i.type, i.approved]), [
      ['Change Monday 2026-12-07 to endurance', 'Readiness', true],
      ['Use FTP 272 W from 2026-12-07 (estimated)', 'Threshold update', false],
    ]);
    // A plan operation in "approve all" that no longer fits (a note) is left pending by the service: not counted.
    assert.equal(days[1].items[0].approved, false);
    assert.deepEqual(weekCounts(items), {
      approve: 1, leave: 2, reject: 3,
      text: 'Approve all applies 1 change as one new plan version. 2 suggestions stay for you to decide on their own. Reject all rejects all 3.',
    });
    assert.equal(weekCounts(items.slice(1)).text, 'Nothing here fits Approve all: decide each on its own, or reject. Reject all rejects all 2.');
    assert.equal(weekCounts(items.slice(0, 1)).text, 'Approve all applies 1 change as one new plan version. Reject all rejects it.');
  });

  it('says which plan version approving made and what is left, or that nothing was applied', () => {
    const left = items.slice(1);
    const decided = [{ analysisId: items[0].analysisId, suggestionId: 's1' }];
    assert.equal(approvedText({ monday: '2026-12-07', newPlanId: 'p', decided, left }, 7), 'Approved 1 suggestion: plan v7 created. 2 suggestions left to decide on their own.');
    assert.equal(approvedText({ monday: '2026-12-07', newPlanId: 'p', decided: [...decided, decided[0]], left: [] }, null), 'Approved 2 suggestions: a new plan version was created.');
    assert.equal(approvedText({ monday: '2026-12-07', newPlanId: null, decided: [], left: left.slice(0, 1) }, null), 'Nothing to apply: no suggestion of this week fits "Approve all". 1 suggestion left to decide on its own.');
    assert.equal(rejectedText({ monday: '2026-12-07', newPlanId: null, decided, left: [] }, 'Travelling'), 'Rejected 1 suggestion (“Travelling”). The plan is unchanged.');
    assert.equal(rejectedText({ monday: '2026-12-07', newPlanId: null, decided: [], left: [] }), 'Nothing to reject: the week has no pending suggestions.');
  });
});

describe('a refused decision', () => {
  it('lists the violations of a 422, says a 409 changed nothing, and reads a 400 errors map', () => {
    const refused = decisionProblem(422, { title: 'Plan refused', detail: 'The plan breaks the rules and could not be repaired; nothing was stored.', violations: ['Week 1 has 3 hard sessions; the rules allow 2.'] });
    assert.equal(refused.title, 'The plan would break your rules; nothing was changed');
    assert.deepEqual(refused.violations, ['Week 1 has 3 hard sessions; the rules allow 2.']);
    const conflict = decisionProblem(409, { detail: 'Some of the week\'s suggestions were decided meanwhile; nothing was changed. Look at the week again.' });
    assert.equal(conflict.title, 'Nothing was changed');
    assert.match(conflict.detail, /decided meanwhile/);
    assert.equal(conflict.reload, true);
    assert.deepEqual(decisionProblem(422, { violations: [{ message: 'Too much load.' }] }).violations, ['Too much load.']);
    const invalid = decisionProblem(400, { title: 'One or more validation errors occurred.', errors: { reason: ['At most 1000 characters.'] } });
    assert.deepEqual([invalid.title, invalid.detail], ['Could not decide the week (400)', 'At most 1000 characters.']);
    assert.deepEqual([decisionProblem(0, null, 'Failed to fetch').title, decisionProblem(0, null, 'Failed to fetch').detail], ['Could not decide the week', 'Failed to fetch']);
  });
});
