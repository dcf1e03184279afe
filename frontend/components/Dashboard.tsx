'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import { listWorkouts } from '@/lib/api';
import { clientOnly } from '@/lib/client/client-only';
import { RIDES_QUERY, type DashboardInitial } from '@/lib/plan/dashboard-data';
import type { Page, Workout, WorkoutSummary } from '@/lib/api/types';
import type { Loaded } from '@/lib/api/use-load';
import { ServerZoneProvider, type ServerZone } from '@/lib/format/zone';
import FitnessCard from './dashboard/FitnessCard';
import PendingAnalyses from './dashboard/PendingAnalyses';
import SyncCard from './dashboard/SyncCard';
import WeekCard from './dashboard/WeekCard';
import LiveEvents from './LiveEvents';
import ManualWorkoutForm from './ManualWorkoutForm';
import { Loading } from './States';
import './dashboard/readiness.css'; // with the page's CSS, so the card's frame does not change when its chunk arrives
import WorkoutList, { type WorkoutsState } from './WorkoutList';

// Its own chunk: other pages prefetch the dashboard, and the ride page's budget counts that (README, measure.mjs).
const ReadinessCard = clientOnly(
  () => import('./dashboard/ReadinessCard'),
  <section className="card readiness-card" aria-label="Readiness">
    <Loading what="readiness" />
  </section>,
);

/** A ride just logged (the whole workout the POST answers) as a row of the list. */
const rowOf = (w: Workout): WorkoutSummary => ({
  id: w.id,
  source: w.source,
  sourceActivityId: w.sourceActivityId,
  name: w.name,
  sport: w.sport,
  activityType: w.activityType ?? null,
  startTime: w.startTime,
  durationSeconds: w.durationSeconds,
  distanceMeters: w.distanceMeters,
  averagePower: w.averagePower,
  averageHeartRate: w.averageHeartRate,
  trainingLoad: w.trainingLoad ?? null,
  trainingLoadSource: w.trainingLoadSource ?? null,
  hasStreams: w.hasStreams ?? false,
});

const ridesState = (loaded: Loaded<Page<WorkoutSummary>>): WorkoutsState =>
  loaded.status === 'ready' ? { status: 'ready', items: loaded.value.items, total: loaded.value.total } : loaded;

/**
 * The dashboard's cards, with the first data of rides, this week, approvals and fitness read by the server render
 * (`initial`, so the page's largest text does not wait for hydration and a round trip); they refresh themselves on
 * live events and on retry.
 */
export default function Dashboard({ initial, zone }: { initial: DashboardInitial; zone: ServerZone }) {
  const [workouts, setWorkouts] = useState<WorkoutsState>(() => ridesState(initial.rides));

  const refresh = useCallback(async () => {
    try {
      const page = await listWorkouts(RIDES_QUERY);
      setWorkouts({ status: 'ready', items: page.items, total: page.total });
    } catch (error) {
      setWorkouts((current) =>
        current.status === 'ready' ? current : { status: 'error', message: (error as Error).message },
      );
    }
  }, []);

  const onLogged = useCallback(
    (workout: Workout) => {
      setWorkouts((current) =>
        current.status === 'ready' && !current.items.some((w) => w.id === workout.id)
          ? { status: 'ready', items: [rowOf(workout), ...current.items], total: current.total + 1 }
          : current,
      );
      void refresh();
    },
    [refresh],
  );

  // Two columns on a wide screen, each stacking its cards without the other's heights (no gaps); one column on a
  // narrow one, the cards interleaved back into reading order by CSS `order` (globals.css).
  return (
    <ServerZoneProvider zone={zone}>
      <div className="dashboard">
        <div className="dashboard-column">
          <FitnessCard initial={initial.fitness} />
          <WeekCard initial={initial.week} />
          <section className="card workouts-card" aria-labelledby="workouts-heading">
            <div className="card-heading">
              <h2 id="workouts-heading">Rides</h2>
              {workouts.status === 'ready' && workouts.total > 0 && (
                <Link href="/workouts" className="muted">
                  All {workouts.total} rides →
                </Link>
              )}
            </div>
            <WorkoutList state={workouts} onRetry={refresh} />
          </section>
        </div>
        <div className="dashboard-column">
          <ReadinessCard />
          <PendingAnalyses initial={initial.waiting} />
          <SyncCard />
          <section className="card log-card" aria-labelledby="log-heading">
            <h2 id="log-heading">Log a ride</h2>
            <ManualWorkoutForm onLogged={onLogged} />
          </section>
          <section className="card events-card" aria-labelledby="events-heading">
            <h2 id="events-heading">Live events</h2>
            <LiveEvents onWorkoutImported={refresh} />
          </section>
        </div>
      </div>
    </ServerZoneProvider>
  );
}
