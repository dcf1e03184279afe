'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { staleNotice } from '@/lib/coach/analysis-basis.mjs';
import { analyses, analyzeWorkout, approveAnalysis, rejectAnalysis, type Analysis, type Suggestion } from '@/lib/api/plan';
import { useEventListener } from '@/lib/client/events';
import { formatDuration } from '@/lib/format/format';
import { useLoad } from '@/lib/api/use-load';
import { ErrorState, Loading } from '../States';
import Metric from '../Metric';

const STATUS: Record<string, string> = {
  pending: 'Analysing…', ready: 'Waiting for your decision', failed: 'Failed', approved: 'Approved', partially_approved: 'Partly approved', rejected: 'Rejected',
};

/** The coach's review of this ride: the facts it used, its feedback, and suggestions to approve or reject. */
export default function AnalysisCard({ workoutId }: { workoutId: string }) {
  const [state, reload] = useLoad(() => analyses({ workoutId, type: 'workout_review', pageSize: 1 }), [workoutId]);
  const analysis = state.status === 'ready' ? (state.value.items[0] ?? null) : null;
  useEventListener(['analysis-completed', 'plan-version-created'], () => void reload());
  // The event may be missed (a reconnect): poll while the analysis is pending.
  useEffect(() => {
    if (analysis?.status !== 'pending') return;
    const timer = window.setInterval(() => void reload(), 3000);
    return () => window.clearInterval(timer);
  }, [analysis?.status, reload]);
  const [requesting, setRequesting] = useState<string | null>(null);

  async function analyse() {
    setRequesting('Asking the coach…');
    try {
      await analyzeWorkout(workoutId);
      setRequesting(null);
      await reload();
    } catch (error) {
      setRequesting(`Could not ask for an analysis: ${(error as Error).message}`);
    }
  }

  return (
    <section className="card" id="analysis" aria-labelledby="analysis-heading" data-testid="analysis">
      <div className="card-heading">
        <h2 id="analysis-heading">Coach&apos;s analysis</h2>
        {analysis && (
          <span className={`badge analysis-${analysis.status}`} data-testid="analysis-status" data-status={analysis.status}>
            {analysis.status === 'ready' && !analysis.suggestions.some((s) => s.state === 'pending') ? 'Ready' : (STATUS[analysis.status] ?? analysis.status)}
          </span>
        )}
      </div>
      {state.status === 'loading' && <Loading what="the analysis" />}
      {state.status === 'error' && <ErrorState what="the analysis" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && !analysis && (
        <div className="empty-state">
          <p className="empty-title">Not analysed yet</p>
          <button type="button" className="secondary" onClick={analyse} disabled={requesting === 'Asking the coach…'}>
            Analyse this ride
          </button>
        </div>
      )}
      {analysis?.status === 'pending' && <Loading what="the coach's review (it appears here when ready)" />}
      {analysis?.status === 'failed' && (
        <div className="error-box" role="alert">
          <p>The analysis failed{analysis.error ? `: ${analysis.error}` : '.'}</p>
          <button type="button" onClick={analyse}>
            Analyse again
          </button>
        </div>
      )}
      {requesting && requesting !== 'Asking the coach…' && <p className="field-error" role="alert">{requesting}</p>}
      {analysis && analysis.status !== 'pending' && analysis.status !== 'failed' && (
        <Review analysis={analysis} onDecided={reload} onAnalyse={analyse} asking={requesting === 'Asking the coach…'} />
      )}
    </section>
  );
}

function Review({ analysis, onDecided, onAnalyse, asking }: { analysis: Analysis; onDecided: () => Promise<void>; onAnalyse: () => Promise<void>; asking: boolean }) {
  const f = analysis.facts;
  const fb = analysis.feedback;
  const n = (v: number | null | undefined, digits = 0, unit = '') => (v == null ? '–' : `${v.toFixed(digits)}${unit}`);
  const stale = staleNotice(analysis);
  return (
    <>
      {stale && (
        <div className="notice notice-warn" role="note" data-testid="analysis-stale">
          <p>{stale}</p>
          <button type="button" className="secondary small" onClick={() => void onAnalyse()} disabled={asking}>
            Analyse again
          </button>
        </div>
      )}
      {fb && <p className="analysis-summary" data-testid="analysis-summary">{fb.summary}</p>}
      {analysis.engine && (
        <p className="muted hint">
          By the {analysis.engine === 'builtin' ? 'built-in coach' : analysis.engine}
          {analysis.fallbackReason ? ` (${analysis.fallbackReason})` : ''}.
        </p>
      )}
      {f && (
        <details className="facts" data-testid="analysis-facts">
          <summary>Facts the coach used</summary>
          <dl className="metrics">
            <Metric label="TSS" value={n(f.trainingStressScore)} />
            <Metric label="IF" value={n(f.intensityFactor, 2)} />
            <Metric label="NP" value={n(f.normalizedPowerWatts, 0, ' W')} />
            <Metric label="Avg HR" value={n(f.averageHeartRateBpm, 0, ' bpm')} />
            <Metric label="FTP" value={n(f.ftpWatts, 0, ' W')} />
            <Metric label="LTHR" value={n(f.lactateThresholdHeartRateBpm, 0, ' bpm')} />
            <Metric label="CTL" value={n(f.ctl)} />
            <Metric label="ATL" value={n(f.atl)} />
            <Metric label="TSB" value={n(f.tsb)} />
            <Metric label="Planned" value={f.planned ? `${f.planned.name} (${formatDuration(f.planned.durationSeconds)}, TSS ${Math.round(f.planned.targetTss)})` : f.plannedRestDay ? 'Rest day' : 'Nothing'} />
            <Metric label="Compliance" value={n(f.compliancePercent, 0, ' %')} />
          </dl>
        </details>
      )}
      {fb && (
        <div className="claims">
          {fb.strengths.length > 0 && (
            <div>
              <h3>Went well</h3>
              <ul>
                {fb.strengths.map((c) => (
                  <li key={c.text}>{c.text}</li>
                ))}
              </ul>
            </div>
          )}
          {fb.improvements.length > 0 && (
            <div>
              <h3>To improve</h3>
              <ul>
                {fb.improvements.map((c) => (
                  <li key={c.text}>{c.text}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <Suggestions analysis={analysis} onDecided={onDecided} />
    </>
  );
}

function Suggestions({ analysis, onDecided }: { analysis: Analysis; onDecided: () => Promise<void> }) {
  const pending = analysis.suggestions.filter((s) => s.state === 'pending');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(pending.map((s) => s.id)));
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; planId?: string | null; bad?: boolean } | null>(null);

  if (analysis.suggestions.length === 0) return <p className="muted" data-testid="no-suggestions">No changes to the plan suggested.</p>;

  async function decide(action: () => Promise<{ newPlanId: string | null }>, done: string) {
    setBusy(true);
    setResult(null);
    try {
      const answer = await action();
      setResult({ text: answer.newPlanId ? `${done} The plan has a new version.` : done, planId: answer.newPlanId });
      setRejecting(null);
      setReason('');
      await onDecided();
    } catch (error) {
      const problem = (error as { problem?: { violations?: string[] } }).problem;
      setResult({ text: `${(error as Error).message}${problem?.violations?.length ? ` ${problem.violations.join(' ')}` : ''}`, bad: true });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chosenPending = pending.filter((s) => chosen.has(s.id)).map((s) => s.id);
  return (
    <div className="suggestions">
      <h3>Suggested changes to the plan</h3>
      <ul className="suggestion-list">
        {analysis.suggestions.map((s) => (
          <li key={s.id} className={`suggestion state-${s.state}`} data-testid="suggestion" data-state={s.state}>
            <div className="suggestion-row">
              {s.state === 'pending' && pending.length > 1 ? (
                <label className="radio">
                  <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} disabled={busy} />
                  <span>{s.reason}</span>
                </label>
              ) : (
                <p className="suggestion-text">{s.reason}</p>
              )}
              <span className="badge">{s.state}</span>
            </div>
            <p className="muted small-text">{describe(s)}</p>
            {s.state === 'pending' &&
              (rejecting === s.id ? (
                <form
                  className="reject-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void decide(() => rejectAnalysis(analysis.id, reason.trim() || null, [s.id]), 'Suggestion rejected.');
                  }}
                >
                  <label htmlFor={`reason-${s.id}`}>Why not? (optional)</label>
                  <input id={`reason-${s.id}`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} autoFocus />
                  <div className="actions">
                    <button type="submit" className="danger small" disabled={busy}>
                      Reject
                    </button>
                    <button type="button" className="secondary small" onClick={() => setRejecting(null)}>
                      Cancel
                    </button>
                  </div>
                </form>
              ) : (
                <button type="button" className="secondary small" onClick={() => setRejecting(s.id)} disabled={busy}>
                  Reject…
                </button>
              ))}
          </li>
        ))}
      </ul>
      {analysis.rejectReason && <p className="muted">Rejected because: {analysis.rejectReason}</p>}
      {pending.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => void decide(() => approveAnalysis(analysis.id), 'Approved.')} disabled={busy} data-testid="approve-all">
            Approve all
          </button>
          {pending.length > 1 && (
            <button type="button" className="secondary" onClick={() => void decide(() => approveAnalysis(analysis.id, chosenPending), 'Approved the chosen.')} disabled={busy || chosenPending.length === 0}>
              Approve chosen ({chosenPending.length})
            </button>
          )}
        </div>
      )}
      {result && (
        <p className={result.bad ? 'field-error' : 'success'} role={result.bad ? 'alert' : 'status'} data-testid="decision-result">
          {result.text} {result.planId && <Link href="/plan#diff">See the plan and its diff →</Link>}
        </p>
      )}
      {!result && analysis.resultPlanVersionId && (
        <p className="muted">
          Approved into a new plan version. <Link href="/plan#diff">See the plan →</Link>
        </p>
      )}
    </div>
  );
}

function describe(s: Suggestion): string {
  if (s.operation) {
    const op = s.operation;
    const kind = op.kind.replace(/_/g, ' ');
    return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} on ${op.date}${op.targetDate ? ` → ${op.targetDate}` : ''}${op.durationSeconds ? ` to ${formatDuration(op.durationSeconds)}` : ''}${op.workoutType ? ` (${op.workoutType.replace(/_/g, ' ')})` : ''}`;
  }
  if (s.thresholds) {
    const t = s.thresholds;
    return `Thresholds from ${t.effectiveFrom}${t.ftpWatts != null ? `: FTP ${Math.round(t.ftpWatts)} W` : ''} (${t.source})`;
  }
  return s.kind;
}
