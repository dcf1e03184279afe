'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { latestSyncRun } from '@/lib/api';
import { useEventListener } from '@/lib/client/events';
import type { SyncRun } from '@/lib/api/types';
import { relativeTime } from '@/lib/format/format';
import { sourceLabel } from '@/lib/workouts/sync-run.mjs';

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; run: SyncRun | null };

/** The latest sync run in the header, refreshed on every sync-run-* event. */
export default function SyncState() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      setState({ status: 'ready', run: await latestSyncRun() });
    } catch {
      setState({ status: 'error' });
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  useEventListener(['sync-run-started', 'sync-run-progressed', 'sync-run-completed', 'sync-run-failed'], refresh);

  let text = 'Sync…';
  let tone = 'muted';
  if (state.status === 'error') {
    text = 'Sync unknown';
    tone = 'bad';
  } else if (state.status === 'ready' && !state.run) {
    text = 'Never synced';
  } else if (state.status === 'ready' && state.run) {
    const run = state.run;
    const source = sourceLabel(run.source);
    if (run.status === 'in_progress') {
      text = `Syncing ${source}…`;
      tone = 'busy';
    } else if (run.status === 'error') {
      text = `Sync failed ${relativeTime(run.finishedAt ?? run.createdAt)}`;
      tone = 'bad';
    } else {
      text = `Synced ${relativeTime(run.finishedAt ?? run.createdAt)}`;
      tone = 'good';
    }
  }
  return (
    <Link href="/settings" className={`pill sync-${tone}`} data-testid="sync-state" title="Sync state — open Settings">
      {text}
    </Link>
  );
}
