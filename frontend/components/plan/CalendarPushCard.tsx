'use client';

import { useCallback, useEffect, useState } from 'react';
import { planPushStatus, retryPlanPush, setPlanPush } from '@/lib/api/plan-push';
import { useEventListener } from '@/lib/client/events';
import type { PlanPush, PlanPushStatus, PushTarget } from '@/lib/api/types';
import { useLoad, type Loaded } from '@/lib/api/use-load';
import { ErrorState, Loading } from '../States';

const NAMES: Record<PushTarget, string> = { intervals_icu: 'intervals.icu', garmin: 'Garmin Connect' };

const STATE_TEXT: Record<PlanPushStatus['state'], string> = {
  pushed: 'On the calendar',
  pending: 'Changed, pushing…',
  removing: 'Removing…',
  failed: 'Failed',
};

/**
 * The plan on the rider's own calendars: intervals.icu (which passes it on to Garmin, Wahoo, COROS, Suunto and Zwift)
 * and Garmin Connect, each off until turned on. Every session's status per calendar, with the reason and a Retry
 * when it failed. Refreshes while anything is in flight and when a new plan version arrives. `initial`: as the server read it.
 */
export default function CalendarPushCard({ initial }: { initial?: Loaded<PlanPush> }) {
  const [push, reload] = useLoad(planPushStatus, [], initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  useEventListener(['plan-version-created'], reload);

  // One reason shared by every failed session of a calendar (not connected, a key refused) is said once, beside it.
  const sharedError = (target: PushTarget) => {
    if (push.status !== 'ready') return null;
    const errors = new Set(push.value.sessions.flatMap((s) => s.statuses.filter((st) => st.target === target && st.state === 'failed').map((st) => st.error)));
    const failed = push.value.sessions.filter((s) => s.statuses.some((st) => st.target === target && st.state === 'failed')).length;
    return errors.size === 1 && failed > 1 ? [...errors][0] : null;
  };

  const inFlight = push.status === 'ready' && push.value.sessions.some((s) => s.statuses.some((st) => st.state !== 'pushed'));
  useEffect(() => {
    if (!inFlight) return;
    const timer = window.setInterval(() => void reload(), 3000);
    return () => window.clearInterval(timer);
  }, [inFlight, reload]);

  const act = useCallback(
    async (action: () => Promise<PlanPush>, done: string) => {
      setBusy(true);
      setMessage(null);
      try {
        await action();
        setMessage({ text: done });
        await reload();
      } catch (error) {
        setMessage({ text: (error as Error).message, bad: true });
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );

  return (
    <section className="card" aria-labelledby="push-heading" data-testid="calendar-push">
      <h2 id="push-heading">On your calendars</h2>
      <p className="muted hint">
        Put the planned sessions on intervals.icu (it passes them on to Garmin, Wahoo, COROS, Suunto and Zwift) or straight onto Garmin Connect. Every new plan version
        updates exactly the sessions that changed; events you made there yourself are never touched. Turning a calendar off removes the sessions put there.
      </p>
      {push.status === 'loading' && <Loading what="calendar status" />}
      {push.status === 'error' && <ErrorState what="calendar status" message={push.message} onRetry={reload} />}
      {push.status === 'ready' && (
        <>
          <ul className="push-targets">
            {push.value.targets.map((t) => (
              <li key={t.target} className="push-target">
                <label className="radio">
                  <input
                    type="checkbox"
                    checked={t.enabled}
                    disabled={busy || (!t.connected && !t.enabled)}
                    onChange={(e) =>
                      void act(() => setPlanPush(t.target, e.currentTarget.checked), e.currentTarget.checked ? `Pushing the plan to ${NAMES[t.target]}.` : `Removing the plan from ${NAMES[t.target]}.`)
                    }
                    data-testid={`push-toggle-${t.target}`}
                  />
                  {NAMES[t.target]}
                </label>
                <span className="muted small-text">
                  {!t.connected ? (
                    <>
                      Not connected: <a href="/settings">connect it in Settings</a>
                    </>
                  ) : t.enabled ? (
                    `${t.pushed} on the calendar${t.pending ? `, ${t.pending} pending` : ''}${t.failed ? `, ${t.failed} failed` : ''}`
                  ) : (
                    'Off'
                  )}
                </span>
                {t.connected && sharedError(t.target) && <span className="push-error">{sharedError(t.target)}</span>}
                {t.failed > 0 && (
                  <button type="button" className="secondary small" disabled={busy} onClick={() => void act(() => retryPlanPush(t.target), 'Retrying the failed sessions.')}>
                    Retry failed
                  </button>
                )}
              </li>
            ))}
          </ul>
          {push.value.targets.some((t) => t.enabled) && push.value.sessions.length > 0 && (
            <table className="data-table stack-table push-table" data-testid="push-sessions">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Session</th>
                  {push.value.targets.filter((t) => t.enabled).map((t) => (
                    <th scope="col" key={t.target}>
                      {NAMES[t.target]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {push.value.sessions.map((s) => (
                  <tr key={s.key}>
                    <td className="stack-title">{s.date}</td>
                    <td className="stack-wide">{s.name}</td>
                    {push.value.targets.filter((t) => t.enabled).map((t) => {
                      const st = s.statuses.find((x) => x.target === t.target);
                      return (
                        <td key={t.target} className="stack-wide" data-label={NAMES[t.target]}>
                          {st ? (
                            <span className={`push-state push-${st.state}`} data-testid={`push-state-${t.target}`}>
                              <span className="badge">{STATE_TEXT[st.state]}</span>
                              {st.error && st.error !== sharedError(t.target) && <span className="push-error">{st.error}</span>}
                              {st.state === 'failed' && (
                                <button type="button" className="secondary small" disabled={busy} onClick={() => void act(() => retryPlanPush(t.target, s.key), `Retrying ${s.name}.`)}>
                                  Retry
                                </button>
                              )}
                            </span>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {message && (
        <p className={message.bad ? 'field-error' : 'muted'} role={message.bad ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
