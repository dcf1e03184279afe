'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ApiError, garminStatus, intervalsStatus, latestSyncRun, startSyncRun } from '@/lib/api';
import { useEventListener } from '@/lib/client/events';
import { relativeTime } from '@/lib/format/format';
import { describeRun, sourceLabel } from '@/lib/workouts/sync-run.mjs';
import { useLoad } from '@/lib/api/use-load';
import { Empty, ErrorState, Loading } from '../States';

type Source = 'garmin' | 'intervals_icu';
type Progress = Parameters<typeof describeRun>[1];

/** Which sources are connected and the latest sync run, its counts live from the sync-run-* events; "Sync now". */
export default function SyncCard() {
  const [state, reload] = useLoad(async () => {
    const [garmin, intervals, run] = await Promise.all([garminStatus(), intervalsStatus(), latestSyncRun()]);
    const connected: Source[] = [...(garmin.connected ? (['garmin'] as const) : []), ...(intervals.connected ? (['intervals_icu'] as const) : [])];
    return { connected, run };
  }, []);
  // Progress events carry the counts: shown as they come, without a request each.
  const [progress, setProgress] = useState<Progress>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEventListener(['sync-run-progressed'], (event) => setProgress(JSON.parse(event.data) as Progress));
  useEventListener(['sync-run-started', 'sync-run-completed', 'sync-run-failed'], () => void reload());

  async function syncNow(source: Source) {
    setBusy(true);
    setError(null);
    try {
      await startSyncRun(source);
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? (e.problem?.detail ?? e.message) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="sync-heading" data-testid="sync-card">
      <div className="card-heading">
        <h2 id="sync-heading">Sync</h2>
        <Link href="/settings" className="muted">
          Sources →
        </Link>
      </div>
      {state.status === 'loading' && <Loading what="the sync state" />}
      {state.status === 'error' && <ErrorState what="the sync state" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          {state.value.run ? (
            <RunLine line={describeRun(state.value.run, progress, relativeTime)} />
          ) : (
            <p className="muted">Nothing synced yet.</p>
          )}
          {state.value.connected.length === 0 ? (
            <Empty title="No source connected">
              <Link href="/settings">Connect Garmin or intervals.icu</Link>, or <Link href="/workouts/import">import files</Link>.
            </Empty>
          ) : (
            <div className="actions">
              {state.value.connected.map((source) => (
                <button key={source} type="button" disabled={busy || state.value.run?.status === 'in_progress'} onClick={() => void syncNow(source)}>
                  Sync {sourceLabel(source)} now
                </button>
              ))}
            </div>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function RunLine({ line }: { line: ReturnType<typeof describeRun> }) {
  return (
    <div data-testid="sync-run" data-tone={line.tone}>
      <p className={line.tone === 'bad' ? 'field-error' : undefined}>{line.text}</p>
      {line.progress && <progress max={line.progress.max} value={line.progress.value} aria-label="Sync progress" />}
    </div>
  );
}
