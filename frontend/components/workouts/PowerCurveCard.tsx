'use client';

import { useEffect, useMemo, useState } from 'react';
import { powerCurve } from '@/lib/api/plan';
import { clientOnly } from '@/lib/client/client-only';
import { durationLabel, powerCurveSeries } from '@/lib/plan/plan-data.mjs';
import { useLoad } from '@/lib/api/use-load';
import { ErrorState, Loading } from '../States';

// Fetched on mount, in parallel with the data (not after it: no waterfall).
const loadChart = () => import('../charts/PowerCurveChart');
const PowerCurveChart = clientOnly(loadChart, <Loading what="the chart" />);

const WINDOWS: Record<string, string> = { last42Days: 'Best, last 42 days', last90Days: 'Best, last 90 days', last365Days: 'Best, last year', allTime: 'Best, all time' };
const NONE: never[] = [];
const KEY_DURATIONS = [5, 60, 300, 1200, 3600];

/** This ride's best power per duration (from its metrics) against the rider's best over a chosen window. */
export default function PowerCurveCard({ meanMax }: { meanMax: Record<string, number> }) {
  useEffect(() => void loadChart(), []);
  const [state, reload] = useLoad(() => powerCurve(), []);
  const [chosen, setWindow] = useState<string | null>(null);
  // The last 90 days unless they hold no rides with power (an old ride, a new rider): then all time.
  const windows = state.status === 'ready' ? state.value.windows : [];
  const window = chosen ?? (windows.find((w) => w.name === 'last90Days')?.points.length ? 'last90Days' : 'allTime');
  const best = windows.find((w) => w.name === window)?.points ?? NONE;
  const data = useMemo(() => powerCurveSeries(meanMax, best), [meanMax, best]);
  const rows = KEY_DURATIONS.map((d) => ({ d, ride: data.ride[data.x.indexOf(d)] ?? null, best: data.bestFrom[data.x.indexOf(d)] ?? null })).filter((r) => r.ride != null);

  return (
    <section className="card" aria-labelledby="curve-heading" data-testid="power-curve">
      <div className="card-heading">
        <h2 id="curve-heading">Power curve</h2>
        {state.status === 'ready' && (
          <div>
            <label htmlFor="curve-window" className="visually-hidden">
              Compare with
            </label>
            <select id="curve-window" value={window} onChange={(e) => setWindow(e.target.value)}>
              {state.value.windows.map((w) => (
                <option key={w.name} value={w.name}>
                  {WINDOWS[w.name] ?? w.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {state.status === 'loading' && <Loading what="your best power" />}
      {state.status === 'error' && <ErrorState what="your best power" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <PowerCurveChart data={data} bestLabel={WINDOWS[window] ?? window} label="This ride's power curve against your best" />
          {rows.length > 0 && (
            <div className="table-scroll">
              <table className="data-table stack-table" data-testid="power-curve-table">
                <thead>
                  <tr>
                    <th scope="col">Duration</th>
                    <th scope="col" className="num">This ride</th>
                    <th scope="col" className="num">{WINDOWS[window] ?? 'Best'}</th>
                    <th scope="col" className="num">Share</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.d}>
                      <th scope="row" className="stack-wide">{durationLabel(r.d)}</th>
                      <td className="num" data-label="This ride">{Math.round(r.ride!)} W</td>
                      <td className="num" data-label={WINDOWS[window] ?? 'Best'}>{r.best ? `${Math.round(r.best.watts)} W (${r.best.date})` : '–'}</td>
                      <td className="num" data-label="Share">{r.best ? `${Math.round((100 * r.ride!) / r.best.watts)} %` : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
