'use client';
// Today's readiness beside fitness (issue 12): the score, its band and confidence, the reasons that pull it most,
// and a strip of the last 14 or 28 days where a day without wellness is a gap. Plain elements, no chart library.

import { useMemo, useState } from 'react';
import { readiness } from '@/lib/api/plan';
import { useEventListener } from '@/lib/client/events';
import { localToday } from '@/lib/plan/plan-data.mjs';
import { readinessStrip, scoredDays, shiftDay, todayReadiness } from '@/lib/plan/readiness-data.mjs';
import { useLoad } from '@/lib/api/use-load';
import { ErrorState, Loading } from '../States';
import './readiness.css';

const BANDS: Record<string, string> = { ready: 'Ready', caution: 'Caution', low: 'Low', unknown: 'Unknown' };
const SPANS = [14, 28] as const;

export default function ReadinessCard() {
  const today = localToday();
  const [span, setSpan] = useState<(typeof SPANS)[number]>(14);
  const [state, reload] = useLoad(() => readiness(shiftDay(today, -27), today), [today]);
  useEventListener(['analysis-completed', 'workout-imported'], () => void reload());
  const days = state.status === 'ready' ? state.value.days : [];
  const now = useMemo(() => todayReadiness(days, today), [days, today]);
  const strip = useMemo(() => readinessStrip(days, today, span), [days, today, span]);

  return (
    <section className="card readiness-card" aria-labelledby="readiness-heading" data-testid="readiness-card">
      <div className="card-heading">
        <h2 id="readiness-heading">Readiness</h2>
        <div className="segmented" role="group" aria-label="Days shown">
          {SPANS.map((n) => (
            <button key={n} type="button" className="small secondary" aria-pressed={span === n} onClick={() => setSpan(n)}>
              {n} d
            </button>
          ))}
        </div>
      </div>
      {state.status === 'loading' && <Loading what="readiness" />}
      {state.status === 'error' && <ErrorState what="readiness" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          {now && now.score != null ? (
            <div className="readiness-today" data-testid="readiness-today" data-band={now.band}>
              <p className={`readiness-score band-${now.band}`}>
                <strong>{Math.round(now.score)}</strong>
                <span>{BANDS[now.band]}</span>
              </p>
              <div>
                <p className="muted small-text">Today · confidence {Math.round(now.confidence * 100)}%</p>
                <ul className="readiness-reasons">
                  {now.topReasons.map((r) => (
                    <li key={r.component}>{r.text}</li>
                  ))}
                </ul>
                {now.missing.length > 0 && <p className="muted small-text">Missing: {now.missing.join(', ').replace(/_/g, ' ')}.</p>}
              </div>
            </div>
          ) : (
            <p className="muted empty" data-testid="readiness-empty">
              {days.length === 0
                ? 'No wellness data: HRV, sleep and resting heart rate from Garmin or intervals.icu build the score.'
                : 'No wellness data for today yet.'}
            </p>
          )}
          <ol className={`readiness-strip span-${span}`} aria-label={`Readiness, last ${span} days`} data-testid="readiness-strip">
            {strip.map((d) => (
              <li
                key={d.date}
                className={d.score == null ? 'gap' : `band-${d.band}`}
                title={`${d.date}: ${d.score == null ? 'no data' : `${Math.round(d.score)} (${BANDS[d.band ?? 'unknown']})`}`}
                data-score={d.score ?? ''}
              >
                <span style={d.score == null ? undefined : { height: `${Math.max(4, d.score)}%` }} />
                <span className="visually-hidden">
                  {d.date}: {d.score == null ? 'no data' : Math.round(d.score)}
                </span>
              </li>
            ))}
          </ol>
          <p className="readiness-axis muted small-text" aria-hidden="true">
            <span>{strip[0].date.slice(5)}</span>
            <span>today</span>
          </p>
          <p className="muted hint small-text">{scoredDays(strip)} of {span} days scored; dashed days had no wellness data.</p>
        </>
      )}
    </section>
  );
}
