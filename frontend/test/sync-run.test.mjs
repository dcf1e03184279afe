import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRun } from '../lib/workouts/sync-run.mjs';

const run = { id: 'r1', source: 'garmin', status: 'in_progress', found: 0, imported: 0, skipped: 0, failed: 0, error: null, finishedAt: null, createdAt: '2026-12-01T10:00:00Z' };
const ago = () => '2 minutes ago';

describe('describeRun', () => {
  it('shows a running sync from its latest progress event, as a share of what was found', () => {
    const line = describeRun(run, { runId: 'r1', found: 250, imported: 118, skipped: 2, failed: 0 }, ago);
    assert.equal(line.text, 'Syncing Garmin… 120 of 250 (118 new, 2 already stored)');
    assert.deepEqual(line.progress, { value: 120, max: 250 });
    assert.equal(line.tone, 'busy');
  });

  it("ignores another run's progress and says it is still listing before anything is found", () => {
    const line = describeRun(run, { runId: 'other', found: 9, imported: 9, skipped: 0, failed: 0 }, ago);
    assert.equal(line.text, 'Syncing Garmin… listing activities');
    assert.deepEqual(line.progress, { value: 0, max: 1 });
  });

  it("uses the finished run's own counts over a stale progress event, failures included", () => {
    const finished = { ...run, source: 'intervals_icu', status: 'success', found: 8, imported: 5, skipped: 2, failed: 1, finishedAt: '2026-12-01T10:02:00Z' };
    const line = describeRun(finished, { runId: 'r1', found: 8, imported: 1, skipped: 0, failed: 0 }, ago);
    assert.equal(line.text, 'intervals.icu synced 2 minutes ago: 8 found, 5 new, 2 already stored, 1 failed.');
    assert.equal(line.progress, null);
  });

  it('says why a run failed', () => {
    const failed = { ...run, status: 'error', error: 'intervals.icu rejected the API key or athlete id (401)', source: 'intervals_icu', finishedAt: '2026-12-01T10:01:00Z' };
    const line = describeRun(failed, null, ago);
    assert.equal(line.text, 'intervals.icu sync failed 2 minutes ago: intervals.icu rejected the API key or athlete id (401)');
    assert.equal(line.tone, 'bad');
  });
});
