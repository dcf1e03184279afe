// Which coach answers (the AI model through OpenRouter, or the built-in coach) and why: GET /api/coach/status, read
// by the settings page on the server (a server component: nothing here runs in the browser).
import type { CoachStatus } from '@/lib/api/prompts';
import type { Loaded } from '@/lib/api/use-load';
import { formatDateTime, type DateZone } from '@/lib/format/format';
import { ErrorState } from '../States';

export default function EngineStatus({ state, zone }: { state: Loaded<CoachStatus>; zone: DateZone }) {
  if (state.status !== 'ready') {
    return <ErrorState what="the AI engine status" message={state.status === 'error' ? state.message : 'not read'} refresh />;
  }
  const s = state.value;
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
          Last failure {formatDateTime(s.lastFailureAt, zone)}: {s.lastFailureOutcome?.replace(/_/g, ' ')}
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
