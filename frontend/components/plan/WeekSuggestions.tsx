'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/api';
import { approveWeek, planVersion, rejectWeek, week, type PlanProblem, type Week } from '@/lib/api/plan';
import { useEventListener } from '@/lib/client/events';
import { useLoad, type Loaded } from '@/lib/api/use-load';
import { approvedText, decisionProblem, rejectedText, weekCounts, weekDays, weekMonday, weekTitle } from '@/lib/plan/week-review.mjs';
import { ErrorState, Loading } from '../States';
import { usePlanRefresh } from './PlanControls';

type Outcome = { ok: true; text: string } | { ok: false; title: string; detail: string; violations: string[]; reload: boolean };

/**
 * A week at a glance: the pending suggestions of every analysis about a Monday–Sunday week, approved as one new plan
 * version or rejected (with an optional reason) in one request. What "Approve all" leaves — thresholds, open choices,
 * a proposal that no longer fits — says why and where to decide it. `initial` is this week as the server read it.
 */
export default function WeekSuggestions({ today, initial }: { today: string; initial?: Loaded<Week> }) {
  const [offset, setOffset] = useState(0);
  const monday = weekMonday(today, offset);
  const [state, reload] = useLoad(() => week(monday), [monday], initial);
  const onChanged = usePlanRefresh();
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEventListener(['analysis-completed', 'plan-version-created'], () => void reload());

  const title = weekTitle(monday, today);
  const items = state.status === 'ready' ? state.value.items : [];
  const counts = weekCounts(items);
  const days = weekDays(items);

  function moveWeek(by: number) {
    setOffset((o) => o + by);
    setOutcome(null);
    setRejecting(false);
  }

  async function decide(kind: 'approve' | 'reject') {
    setBusy(kind);
    setOutcome(null);
    try {
      if (kind === 'approve') {
        const decision = await approveWeek(monday);
        const version = decision.newPlanId ? await planVersion(decision.newPlanId).then((v) => v.version, () => null) : null;
        setOutcome({ ok: true, text: approvedText(decision, version) });
        if (decision.newPlanId) onChanged();
      } else {
        const why = reason.trim();
        setOutcome({ ok: true, text: rejectedText(await rejectWeek(monday, why || null), why) });
        setRejecting(false);
        setReason('');
      }
    } catch (error) {
      const failed = error instanceof ApiError ? error : null;
      setOutcome({ ok: false, ...decisionProblem(failed?.status ?? 0, failed?.problem as PlanProblem | null, (error as Error).message) });
    } finally {
      setBusy(null);
      void reload();
    }
  }

  function submitReject(event: FormEvent) {
    event.preventDefault();
    void decide('reject');
  }

  return (
    <section className="card week-review" id="week" aria-labelledby="week-heading" data-testid="week-suggestions" data-monday={monday}>
      <div className="card-heading">
        <h2 id="week-heading">{title.relative ? `${title.relative}'s suggestions` : 'Suggestions of the week'}</h2>
        <nav className="week-picker" aria-label="Week">
          <button type="button" className="secondary small" onClick={() => moveWeek(-1)} aria-label="Previous week" data-testid="week-previous">
            ‹ Previous
          </button>
          <span className="week-range" aria-live="polite" data-testid="week-range">
            {title.range}
          </span>
          <button type="button" className="secondary small" onClick={() => moveWeek(1)} aria-label="Next week" data-testid="week-next">
            Next ›
          </button>
        </nav>
      </div>
      {state.status === 'loading' && <Loading what="the week's suggestions" />}
      {state.status === 'error' && <ErrorState what="the week's suggestions" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && items.length === 0 && <p className="muted empty" data-testid="week-empty">Nothing waiting: the coach has no open suggestions for this week.</p>}
      {days.map((day) => (
        <div key={day.day} className="week-review-day">
          <h3>{day.label}</h3>
          <ul className="suggestion-list">
            {day.items.map((item) => (
              <li
                key={`${item.analysisId}/${item.suggestion.id}`}
                className={`suggestion ${item.approved ? 'in-all' : 'on-its-own'}`}
                data-testid="week-item"
                data-in-all={item.approved}
              >
                <div className="suggestion-row">
                  <p className="suggestion-text">
                    <strong>{item.what}</strong>
                  </p>
                  <span className="badge">{item.type}</span>
                </div>
                <p className="small-text">{item.suggestion.reason}</p>
                {item.summary && <p className="muted small-text">{item.summary}</p>}
                {item.note && (
                  <p className="week-note" data-testid="week-note">
                    {item.note}{' '}
                    {item.workoutId ? <Link href={`/workouts/${item.workoutId}#analysis`}>Decide on the ride page</Link> : <Link href="/">Decide on the dashboard</Link>}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {items.length > 0 && (
        <>
          <p className="muted hint" data-testid="week-hint">
            {counts.text}
          </p>
          <div className="actions">
            <button type="button" onClick={() => void decide('approve')} disabled={busy !== null || counts.approve === 0} data-testid="week-approve">
              {busy === 'approve' ? 'Approving…' : `Approve all (${counts.approve})`}
            </button>
            <button type="button" className="danger" onClick={() => setRejecting((r) => !r)} disabled={busy !== null} aria-expanded={rejecting} aria-controls="week-reject">
              Reject all…
            </button>
          </div>
          {rejecting && (
            <form className="reject-form" id="week-reject" onSubmit={submitReject}>
              <label htmlFor="week-reason">Why not? (optional)</label>
              <input id="week-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} autoFocus />
              <div className="actions">
                <button type="submit" className="danger small" disabled={busy !== null} data-testid="week-reject">
                  {busy === 'reject' ? 'Rejecting…' : `Reject all ${counts.reject}`}
                </button>
                <button type="button" className="secondary small" onClick={() => setRejecting(false)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {outcome?.ok && (
        <p className="success week-outcome" role="status" data-testid="week-result">
          {outcome.text}
        </p>
      )}
      {outcome && !outcome.ok && (
        <div className="error-box week-outcome" role="alert" data-testid="week-error">
          <p>
            <strong>{outcome.title}.</strong> {outcome.detail}
          </p>
          {outcome.violations.length > 0 && (
            <ul>
              {outcome.violations.map((v) => (
                <li key={v}>{v}</li>
              ))}
            </ul>
          )}
          {outcome.reload && <p className="muted">The list above is the week as it is now.</p>}
        </div>
      )}
    </section>
  );
}
