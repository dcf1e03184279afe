'use client';
// A change the coach proposed (a chat reply's chat_proposal, or on the dashboard any analysis without a ride:
// threshold_update, readiness_adjustment), approved or rejected in place. Approving new thresholds adopts them (the
// service starts a new athlete period); approving plan operations makes a new plan version.

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/lib/api';
import { approveAnalysis, getAnalysis, rejectAnalysis, type Analysis } from '@/lib/api/chat';
import { suggestionText } from '@/lib/coach/proposal-text.mjs';
import '../coaching.css'; // .proposal, also where the card is shown outside the coach pages (the dashboard)

const DECIDED: Record<string, string> = { approved: 'Approved.', partially_approved: 'Partly approved.', rejected: 'Rejected.' };

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; analysis: Analysis };

type Props = {
  analysisId: string;
  /** The analysis when the caller already has it (no second request). */
  initial?: Analysis;
  rejectReason?: string;
  onDecided?: (analysis: Analysis) => void;
};

export default function ProposalCard({ analysisId, initial, rejectReason = 'Rejected in the chat', onDecided }: Props) {
  const [state, setState] = useState<State>(initial ? { status: 'ready', analysis: initial } : { status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newPlanId, setNewPlanId] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', analysis: await getAnalysis(analysisId) });
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }, [analysisId]);
  useEffect(() => {
    if (!initial) void load();
  }, [load, initial]);

  async function decide(approve: boolean) {
    setBusy(true);
    setError(null);
    try {
      const result = approve ? await approveAnalysis(analysisId) : await rejectAnalysis(analysisId, rejectReason);
      setState({ status: 'ready', analysis: result.analysis });
      setNewPlanId(result.newPlanId);
      onDecided?.(result.analysis);
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      const violations = (problem as { violations?: { message?: string }[] } | null)?.violations;
      setError(violations?.length ? `The plan would break your rules: ${violations.map((v) => v.message).join('; ')}` : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (state.status === 'loading') return <p className="proposal muted">Loading the proposal…</p>;
  if (state.status === 'error')
    return (
      <div className="proposal error-box" role="alert">
        Could not load the proposal: {state.message}{' '}
        <button type="button" className="small secondary" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  const a = state.analysis;
  const pending = a.suggestions.some((s) => (s.state ?? 'pending') === 'pending');
  const adopted = a.suggestions.some((s) => s.thresholds && s.state === 'approved');
  return (
    <div className="proposal" data-testid="proposal" data-status={a.status}>
      <p className="proposal-title">Proposed change</p>
      {a.suggestions.length === 0 && <p className="muted">This proposal holds no change.</p>}
      <ul hidden={a.suggestions.length === 0}>
        {a.suggestions.map((s) => (
          <li key={s.id}>
            <strong>{suggestionText(s)}</strong> <span className={`badge state-${s.state ?? 'pending'}`}>{s.state ?? 'pending'}</span>
            <br />
            <span className="muted">{s.reason}</span>
          </li>
        ))}
      </ul>
      {pending ? (
        <div className="actions">
          <button type="button" className="small" disabled={busy} onClick={() => void decide(true)}>
            Approve
          </button>
          <button type="button" className="small danger" disabled={busy} onClick={() => void decide(false)}>
            Reject
          </button>
        </div>
      ) : a.suggestions.length === 0 ? null : (
        <p className="muted" role="status">
          {DECIDED[a.status] ?? ''}{' '}
          {(newPlanId ?? a.resultPlanVersionId) && <Link href="/plan">See the new plan version</Link>}
          {adopted && (
            <>
              The new thresholds are in use: <Link href="/settings">see them and the zones in Settings</Link>.
            </>
          )}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
