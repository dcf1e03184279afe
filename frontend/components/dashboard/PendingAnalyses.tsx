'use client';

import Link from 'next/link';
import { analyses } from '@/lib/api/plan';
import { useEventListener } from '@/lib/events';
import { formatDateTime } from '@/lib/format';
import { useLoad } from '@/lib/use-load';
import { ErrorState, Loading } from '../States';

const TYPES = { workout_review: 'Ride review', threshold_update: 'Threshold update', chat_proposal: 'Chat proposal', readiness_adjustment: 'Readiness' } as const;

/** Analyses with suggestions waiting for the rider's decision (status ready), each linked to where it is decided. */
export default function PendingAnalyses() {
  const [state, reload] = useLoad(() => analyses({ status: 'ready', pageSize: 20 }), []);
  useEventListener(['analysis-completed', 'plan-version-created'], () => void reload());
  const waiting = state.status === 'ready' ? state.value.items.filter((a) => a.suggestions.some((s) => s.state === 'pending')) : [];

  return (
    <section className="card" aria-labelledby="analyses-heading" data-testid="pending-analyses">
      <h2 id="analyses-heading">Waiting for approval</h2>
      {state.status === 'loading' && <Loading what="analyses" />}
      {state.status === 'error' && <ErrorState what="analyses" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && waiting.length === 0 && <p className="muted empty">Nothing to approve: the coach has no open suggestions.</p>}
      {waiting.length > 0 && (
        <ul className="workout-list" aria-label="Analyses waiting for approval">
          {waiting.slice(0, 5).map((a) => {
            const pending = a.suggestions.filter((s) => s.state === 'pending').length;
            const title = a.facts?.name ?? TYPES[a.type];
            return (
              <li key={a.id} className="workout" data-testid="pending-analysis">
                <div className="workout-title">
                  {a.workoutId ? (
                    <Link className="workout-name" href={`/workouts/${a.workoutId}#analysis`}>
                      {title}
                    </Link>
                  ) : (
                    <span className="workout-name">{title}</span>
                  )}
                  <span className="badge">{TYPES[a.type]}</span>
                </div>
                <p className="muted small-text">
                  {pending} suggestion{pending === 1 ? '' : 's'} · {formatDateTime(a.completedAt ?? a.createdAt)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {waiting.length > 5 && <p className="muted small-text">and {waiting.length - 5} more.</p>}
    </section>
  );
}
