'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, garminDisconnect, garminImportToken, garminLogin, garminMfa, garminStatus, garminTicket, startSyncRun } from '@/lib/api';
import { formatDateTime, relativeTime } from '@/lib/format/format';
import type { GarminStatus } from '@/lib/api/types';
import { ErrorState, Loading } from '../States';

type Method = 'token' | 'ticket' | 'login';
type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; garmin: GarminStatus };

const STATUS_TEXT: Record<GarminStatus['status'], string> = {
  not_connected: 'Not connected',
  connected: 'Connected',
  needs_reauth: 'Needs signing in again',
  cooling_down: 'Cooling down',
};

export default function GarminCard() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [method, setMethod] = useState<Method>('token');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mfaState, setMfaState] = useState<string | null>(null);
  const [cooldownUntil, setCooldownUntil] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const garmin = await garminStatus();
      setState({ status: 'ready', garmin });
      setCooldownUntil(garmin.cooldownUntil);
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function run(action: () => Promise<GarminStatus | null>, success: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const garmin = await action();
      if (garmin) {
        setState({ status: 'ready', garmin });
        setCooldownUntil(garmin.cooldownUntil);
        setNotice(success);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 429 && e.problem?.cooldownUntil) setCooldownUntil(e.problem.cooldownUntil);
      setError(e instanceof ApiError ? (e.problem?.detail ?? e.message) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const submitToken = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get('token') ?? '').trim();
    void run(() => garminImportToken(token), 'Connected with the token.');
  };
  const submitTicket = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ticket = String(new FormData(event.currentTarget).get('ticket') ?? '').trim();
    void run(() => garminTicket(ticket), 'Connected with the service ticket.');
  };
  const submitLogin = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      const result = await garminLogin(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
      if (result.mfaRequired && result.state) {
        setMfaState(result.state);
        return null;
      }
      return result.connection;
    }, 'Signed in to Garmin.');
  };
  const submitMfa = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    void run(async () => {
      const result = await garminMfa(mfaState as string, code);
      if (result.connection) setMfaState(null);
      return result.connection;
    }, 'Signed in to Garmin.');
  };

  if (state.status === 'loading') return <Loading what="the Garmin connection" />;
  if (state.status === 'error') return <ErrorState what="the Garmin connection" message={state.message} onRetry={load} />;
  const g = state.garmin;
  const coolingDown = cooldownUntil != null && Date.parse(cooldownUntil) > Date.now();

  return (
    <div className="connection-card" data-testid="garmin">
      <p className={`status-line status-${g.status}`} data-testid="garmin-status">
        <strong>{STATUS_TEXT[g.status]}</strong>
        {g.accountName ? ` as ${g.accountName}` : ''}
        {g.connectedAt ? ` · since ${formatDateTime(g.connectedAt)}` : ''}
        {g.tokenOrigin ? ` · via ${g.tokenOrigin}` : ''}
      </p>
      {coolingDown && (
        <p className="warn-box" role="status" data-testid="garmin-cooldown">
          Garmin asked us to slow down: no sign-in attempts until {formatDateTime(cooldownUntil)} ({relativeTime(cooldownUntil)}).
        </p>
      )}
      {g.lastError && (
        <p className="muted">
          Last error {g.lastErrorAt ? relativeTime(g.lastErrorAt) : ''}: {g.lastError}
        </p>
      )}
      {g.refreshTokenExpiresAt && <p className="muted">Token valid until {formatDateTime(g.refreshTokenExpiresAt)}.</p>}

      {g.connected ? (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void run(async () => { await startSyncRun('garmin'); return g; }, 'Sync started.')}>
            Sync now
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void run(garminDisconnect, 'Disconnected.')}>
            Disconnect
          </button>
        </div>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="How to connect">
            {(['token', 'ticket', 'login'] as Method[]).map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={method === m}
                className={method === m ? 'tab active' : 'tab'}
                onClick={() => setMethod(m)}
              >
                {m === 'token' ? 'Token file' : m === 'ticket' ? 'Service ticket' : 'Username & password'}
              </button>
            ))}
          </div>
          {method === 'token' && (
            <form onSubmit={submitToken} className="stack" aria-label="Import a Garmin token">
              <label htmlFor="garmin-token">Token (garmin_tokens.json, garth oauth2_token.json, or a GARTH_TOKEN string)</label>
              <textarea id="garmin-token" name="token" rows={5} required spellCheck={false} />
              <FileIntoTextarea target="garmin-token" />
              <button type="submit" disabled={busy}>
                {busy ? 'Checking…' : 'Connect'}
              </button>
            </form>
          )}
          {method === 'ticket' && (
            <form onSubmit={submitTicket} className="stack" aria-label="Paste a Garmin service ticket">
              <label htmlFor="garmin-ticket">Service ticket from a browser sign-in (starts with ST-)</label>
              <input id="garmin-ticket" name="ticket" required pattern="ST-\S+" placeholder="ST-0123456-abcdef-cas" spellCheck={false} />
              <button type="submit" disabled={busy}>
                Connect
              </button>
            </form>
          )}
          {method === 'login' && !mfaState && (
            <form onSubmit={submitLogin} className="stack" aria-label="Sign in to Garmin">
              <p className="muted">Garmin blocks most scripted sign-ins; a refusal starts a cooldown of at least an hour. The token file is more reliable.</p>
              <label htmlFor="garmin-username">Email</label>
              <input id="garmin-username" name="username" type="email" autoComplete="username" required />
              <label htmlFor="garmin-password">Password</label>
              <input id="garmin-password" name="password" type="password" autoComplete="current-password" required />
              <button type="submit" disabled={busy || coolingDown}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
            </form>
          )}
          {method === 'login' && mfaState && (
            <form onSubmit={submitMfa} className="stack" aria-label="Garmin MFA code">
              <label htmlFor="garmin-code">Code Garmin sent you</label>
              <input id="garmin-code" name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={32} />
              <div className="actions">
                <button type="submit" disabled={busy}>
                  Verify
                </button>
                <button type="button" className="secondary" onClick={() => setMfaState(null)}>
                  Start over
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="garmin-error">
          {error}
        </p>
      )}
      {notice && !error && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}

/** Reads a picked token file into the textarea (the file never leaves the browser except in the request). */
function FileIntoTextarea({ target }: { target: string }) {
  return (
    <input
      type="file"
      accept=".json,.txt,application/json,text/plain"
      aria-label="Or pick the token file"
      onChange={async (event) => {
        const file = event.currentTarget.files?.[0];
        const area = document.getElementById(target) as HTMLTextAreaElement | null;
        if (file && area) area.value = await file.text();
      }}
    />
  );
}
