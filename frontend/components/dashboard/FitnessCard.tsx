'use client';

import { useEffect, useMemo } from 'react';
import { fitness, type Fitness } from '@/lib/api/plan';
import { clientOnly } from '@/lib/client/client-only';
import { fitnessFrom } from '@/lib/plan/dashboard-data';
import { useEventListener } from '@/lib/client/events';
import { dayMs, fitnessSeries, latestFitness } from '@/lib/plan/plan-data.mjs';
import { useLoad, type Loaded } from '@/lib/api/use-load';
import { useToday } from '@/lib/format/zone';
import { ErrorState, Loading } from '../States';
import Metric from '../Metric';

// uPlot only in the browser, fetched alongside the data.
// Fetched on mount, in parallel with the data (not after it: no waterfall).
const loadChart = () => import('../charts/FitnessChart');
const FitnessChart = clientOnly(loadChart, <Loading what="the chart" />);

/** CTL / ATL / TSB for the last 90 days and, dashed, through the current plan (the API projects after today). */
export default function FitnessCard({ initial }: { initial?: Loaded<Fitness> }) {
  const today = useToday();
  useEffect(() => void loadChart(), []);
  const [state, reload] = useLoad(() => fitness(fitnessFrom(today)), [today], initial);
  useEventListener(['plan-version-created', 'workout-imported', 'athlete-profile-changed'], () => void reload());
  const data = useMemo(() => (state.status === 'ready' ? fitnessSeries(state.value.days) : null), [state]);
  const now = state.status === 'ready' ? latestFitness(state.value.days) : null;
  const noLoad = state.status === 'ready' && state.value.days.every((d) => d.load === 0);

  return (
    <section className="card fitness-card" aria-labelledby="fitness-heading" data-testid="fitness-card">
      <div className="card-heading">
        <h2 id="fitness-heading">Fitness</h2>
        {now && (
          <dl className="metrics">
            <Metric label="CTL" value={now.ctl.toFixed(0)} />
            <Metric label="ATL" value={now.atl.toFixed(0)} />
            <Metric label="TSB" value={now.tsb.toFixed(0)} />
          </dl>
        )}
      </div>
      {state.status === 'loading' && <Loading what="fitness" />}
      {state.status === 'error' && <ErrorState what="fitness" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && data && (
        <>
          {noLoad && <p className="muted empty">No training load yet: rides with power or heart rate (or an RPE) build the curve.</p>}
          <FitnessChart data={data} todaySeconds={dayMs(state.value.today) / 1000} label="Fitness, fatigue and form by day" />
          <p className="muted hint fitness-note">
            {data.hasProjection ? 'Dashed: where the current plan takes you, from its planned TSS.' : 'No plan ahead to project.'} The dotted line is today.
          </p>
        </>
      )}
    </section>
  );
}
