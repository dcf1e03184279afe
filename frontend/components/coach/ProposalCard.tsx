'use client';
// A change the coach proposed in a reply (an analysis of type chat_proposal), approved or rejected in place.

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/lib/api';
import { approveAnalysis, getAnalysis, rejectAnalysis, type Analysis, type Suggestion } from '@/lib/api/chat';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; analysis: Analysis };

const minutes = (seconds?: number | null) => (seconds ? `${Math.round(seconds / 60)} min` : '');
const WEEK = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const weekday = (date: string) => WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';

/** One plan operation or threshold change in words. */
export function suggestionText(s: Suggestion): string {
  const op = s.operation;
  if (op) {
    const on = `${weekday(op.date)} ${op.date}`;
    switch (op.kind) {
      case 'move': return `Move the session on ${on} to ${op.targetDate ?? '?'}`;
      case 'swap': return `Swap the sessions on ${on} and ${op.targetDate ?? '?'}`;
      case 'shorten': return `Shorten ${on} to ${minutes(op.durationSeconds)}`;
      case 'lengthen': return `Lengthen ${on} to ${minutes(op.durationSeconds)}`;
      case 'change_intensity': return `Make ${on} ${op.workoutType ?? 'a different'} session`;
      case 'add_rest': return `Rest on ${on}`;
      case 'replace': return `Replace ${on} with ${op.workout?.name ?? 'another session'}`;
    }
  }
  const t = s.thresholds;
  if (t) {
    const parts = [t.ftpWatts && `FTP ${t.ftpWatts} W`, t.lactateThresholdHeartRateBpm && `LTHR ${t.lactateThresholdHeartRateBpm} bpm`, t.maxHeartRateBpm && `max HR ${t.maxHeartRateBpm} bpm`, t.weightKg && `weight ${t.weightKg} kg`].filter(Boolean);
    return `Use ${parts.join(', ')} from ${t.effectiveFrom} (${t.source})`;
  }
  return s.kind;
}

export default function ProposalCard({ analysisId }: { analysisId: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
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
  useEffect(() => void load(), [load]);

  async function decide(approve: boolean) {
    setBusy(true);
    setError(null);
    try {
      const result = approve ? await approveAnalysis(analysisId) : await rejectAnalysis(analysisId, 'Rejected in the chat');
      setState({ status: 'ready', analysis: result.analysis });
      setNewPlanId(result.newPlanId);
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
  return (
    <div className="proposal" data-testid="proposal" data-status={a.status}>
      <p className="proposal-title">Proposed change</p>
      <ul>
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
      ) : (
        <p className="muted" role="status">
          {a.status === 'rejected' ? 'Rejected.' : 'Approved.'}{' '}
          {(newPlanId ?? a.resultPlanVersionId) && <Link href="/plan">See the new plan version</Link>}
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
