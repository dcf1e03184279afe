'use client';

import Link from 'next/link';
import { useState } from 'react';
import { analyses, type Analysis } from '@/lib/api/plan';
import { WAITING_QUERY } from '@/lib/plan/dashboard-data';
import { useEventListener } from '@/lib/client/events';
import { formatDateTime } from '@/lib/format/format';
import { ANALYSIS_TYPES } from '@/lib/coach/proposal-text.mjs';
import type { Page } from '@/lib/api/types';
import { useLoad, type Loaded } from '@/lib/api/use-load';
import { useZone } from '@/lib/format/zone';
// Rendered on the server with the list (a proposal is often the largest block on the page: no late growth).
import ProposalCard from '../coach/ProposalCard';
import { ErrorState, Loading } from '../States';

/**
 * Analyses with suggestions waiting for the rider's decision (status ready). A ride's review links to the ride page;
 * one without a ride (threshold update, readiness adjustment, chat proposal) is decided right here.
 */
export default function PendingAnalyses({ initial }: { initial?: Loaded<Page<Analysis>> }) {
  const [state, reload] = useLoad(() => analyses(WAITING_QUERY), [], initial);
  const zone = useZone();
  // Decided here: kept on the card (with its outcome) after a reload drops it from the waiting list.
  const [decided, setDecided] = useState<Analysis[]>([]);
  useEventListener(['analysis-completed', 'plan-version-created'], () => void reload());
  const open = state.status === 'ready' ? state.value.items.filter((a) => a.suggestions.some((s) => s.state === 'pending')) : [];
  const waiting = [...open, ...decided.filter((d) => !open.some((a) => a.id === d.id))];
  const onDecided = (analysis: Analysis) => setDecided((list) => [...list.filter((d) => d.id !== analysis.id), analysis]);

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
            const here = !a.workoutId;
            const title = a.facts?.name ?? ANALYSIS_TYPES[a.type];
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
                  <span className="badge">{ANALYSIS_TYPES[a.type]}</span>
                </div>
                <p className="muted small-text">
                  {pending > 0 ? `${pending} suggestion${pending === 1 ? '' : 's'}` : 'Decided'} · {formatDateTime(a.completedAt ?? a.createdAt, zone)}
                </p>
                {here && a.feedback?.summary && <p className="small-text">{a.feedback.summary}</p>}
                {here && <ProposalCard analysisId={a.id} initial={a} rejectReason="Rejected on the dashboard" onDecided={onDecided} />}
              </li>
            );
          })}
        </ul>
      )}
      {waiting.length > 5 && <p className="muted small-text">and {waiting.length - 5} more.</p>}
      {open.length > 0 && (
        <p className="small-text">
          <Link href="/plan#week">Approve or reject a whole week at once →</Link>
        </p>
      )}
    </section>
  );
}
