'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, intervalsDisconnect, intervalsSave, intervalsStatus, startSyncRun } from '@/lib/api';
import type { IntervalsConnection } from '@/lib/api/types';
import { ErrorState, Loading } from '../States';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; connection: IntervalsConnection };

export default function IntervalsCard() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', connection: await intervalsStatus() });
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function act(action: () => Promise<void>, success: string) {
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      await action();
      setNotice(success);
    } catch (e) {
      if (e instanceof ApiError && e.problem?.errors) {
        setErrors(Object.fromEntries(Object.entries(e.problem.errors).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v.join(' ')])));
      } else {
        setErrors({ form: (e as Error).message });
      }
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void act(async () => {
      const connection = await intervalsSave(String(data.get('athleteId') ?? ''), String(data.get('apiKey') ?? ''));
      setState({ status: 'ready', connection });
    }, 'Saved. The key is stored encrypted and never shown again.');
  }

  if (state.status === 'loading') return <Loading what="the intervals.icu connection" />;
  if (state.status === 'error') return <ErrorState what="the intervals.icu connection" message={state.message} onRetry={load} />;
  const c = state.connection;
  return (
    <div className="connection-card" data-testid="intervals">
      <p className="status-line" data-testid="intervals-status">
        <strong>{c.connected ? 'Connected' : 'Not connected'}</strong>
        {c.athleteId ? ` as athlete ${c.athleteId}` : ''}
        {c.from === 'configuration' ? ' (from the server configuration)' : ''}
      </p>
      <form onSubmit={save} className="stack" aria-label="intervals.icu key" noValidate>
        <label htmlFor="intervals-athlete">Athlete id</label>
        <input id="intervals-athlete" name="athleteId" placeholder="i12345" defaultValue={c.athleteId ?? ''} aria-invalid={errors.athleteId ? true : undefined} />
        {errors.athleteId && <span className="field-error">{errors.athleteId}</span>}
        <label htmlFor="intervals-key">API key (intervals.icu → Settings → Developer)</label>
        <input id="intervals-key" name="apiKey" type="password" autoComplete="off" aria-invalid={errors.apiKey ? true : undefined} />
        {errors.apiKey && <span className="field-error">{errors.apiKey}</span>}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {c.connected ? 'Replace key' : 'Connect'}
          </button>
          {c.connected && (
            <>
              <button type="button" className="secondary" disabled={busy} onClick={() => void act(async () => void (await startSyncRun('intervals_icu')), 'Sync started.')}>
                Sync now
              </button>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void act(async () => { await intervalsDisconnect(); await load(); }, 'Forgotten.')}
              >
                Disconnect
              </button>
            </>
          )}
        </div>
      </form>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      {notice && <p className="success" role="status">{notice}</p>}
    </div>
  );
}
