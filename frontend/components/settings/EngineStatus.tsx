'use client';
// Which coach answers (the AI model through OpenRouter, or the built-in coach) and why: GET /api/coach/status.

import { useCallback, useEffect, useState } from 'react';
import { coachStatus, type CoachStatus } from '@/lib/api/prompts';
import { formatDateTime } from '@/lib/format/format';
import { ErrorState, Loading } from '../States';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; engine: CoachStatus };

export default function EngineStatus() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', engine: await coachStatus() });
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (state.status === 'loading') return <Loading what="the AI engine status" />;
  if (state.status === 'error') return <ErrorState what="the AI engine status" message={state.message} onRetry={load} />;
  const s = state.engine;
  const llm = s.engine === 'llm';
  return (
    <div data-testid="engine-status">
      <p className={llm ? 'status-line status-connected' : 'status-line'}>
        <strong>{llm ? 'AI model' : 'Built-in coach'}</strong>
        {llm ? ` ${s.model}` : ''} answers first{!llm && s.reason ? ` (${s.reason})` : ''}.
      </p>
      <dl className="metrics">
        <div>
          <dt>Model</dt>
          <dd>{s.model}</dd>
        </div>
        <div>
          <dt>Listed by the provider</dt>
          <dd>{s.modelListed == null ? 'not checked' : s.modelListed ? 'yes' : 'no'}</dd>
        </div>
        {llm && s.reason && (
          <div>
            <dt>Note</dt>
            <dd>{s.reason}</dd>
          </div>
        )}
      </dl>
      {s.lastFailureAt && (
        <p className="warn-box">
          Last failure {formatDateTime(s.lastFailureAt)}: {s.lastFailureOutcome?.replace(/_/g, ' ')}
          {s.lastFailureError ? ` — ${s.lastFailureError}` : ''}. The built-in coach answered instead.
        </p>
      )}
      <p className="hint muted">
        {llm
          ? 'When the model fails, the built-in coach answers; every plan from either passes the same rule check.'
          : 'Set OpenRouter:ApiKey on the Coaching service to let an AI model answer; the model is OpenRouter:Model.'}
      </p>
    </div>
  );
}
