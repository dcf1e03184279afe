'use client';

import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, deleteRoute, getRoute, renameRoute } from '@/lib/api';
import { clientOnly } from '@/lib/client/client-only';
import { cumulativeMeters, positionAtDistance, profileByKind, SECTION_COLORS } from '@/lib/charts/chart-data.mjs';
import { formatDate } from '@/lib/format/format';
import { usePreferences } from '@/lib/client/preferences';
import type { RouteDetail as Route, RouteSection } from '@/lib/api/types';
import { distanceUnit, formatClock, formatGrade } from '@/lib/format/units.mjs';
import type { ChartPanel } from '../charts/SyncedCharts';
import type { TrackMapHandle } from '../map/TrackMap';
import { ErrorState, Loading } from '../States';
import { Metric } from '../WorkoutList';
import RoutePacing from './RoutePacing';

const SyncedCharts = clientOnly(() => import('../charts/SyncedCharts'), <Loading what="profile" />);
const TrackMap = clientOnly(() => import('../map/TrackMap'), <Loading what="map" />);

type State = { status: 'loading' } | { status: 'error'; message: string; notFound?: boolean } | { status: 'ready'; route: Route };

export default function RouteDetail() {
  const { id } = useParams<{ id: string }>();
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', route: await getRoute(id) });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message, notFound: error instanceof ApiError && error.status === 404 });
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  if (state.status === 'loading') return <Loading what="the route" />;
  if (state.status === 'error') {
    return state.notFound ? (
      <div className="empty-state" role="alert">
        <p className="empty-title">This route does not exist (any more).</p>
        <Link href="/routes">Back to routes</Link>
      </div>
    ) : (
      <ErrorState what="the route" message={state.message} onRetry={load} />
    );
  }
  return <RouteView route={state.route} onRenamed={(route) => setState({ status: 'ready', route })} />;
}

function RouteView({ route, onRenamed }: { route: Route; onRenamed: (route: Route) => void }) {
  const { units, distance, elevation, speed } = usePreferences();
  const router = useRouter();
  const map = useRef<TrackMapHandle>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const points = useMemo(() => {
    const coordinates = ((route.track as { coordinates?: number[][] } | null)?.coordinates ?? []) as number[][];
    return coordinates.map((c) => [c[1], c[0]] as [number, number]);
  }, [route.track]);
  const along = useMemo(() => cumulativeMeters(points), [points]);
  const chart = useMemo(() => {
    const { x, series } = profileByKind(route.profile, route.sections, units);
    const panels: ChartPanel[] = [
      { key: 'elevation', unit: units === 'imperial' ? 'ft' : 'm', height: 200, series: series.map((s) => ({ label: s.kind, color: s.color, values: s.values, fill: true })) },
    ];
    return { x, panels, hasElevation: series.length > 0 };
  }, [route.profile, route.sections, units]);
  const formatX = useCallback((v: number) => `${v.toFixed(1)} ${distanceUnit(units)}`, [units]);
  const formatTick = useCallback((v: number) => String(Math.round(v * 10) / 10), []);
  const onCursor = useCallback(
    (index: number | null) => {
      const sample = index == null ? null : route.profile[index];
      map.current?.moveMarker(sample ? positionAtDistance(points, along, sample.distanceMeters, route.summary.distanceMeters) : null);
    },
    [route.profile, route.summary.distanceMeters, points, along],
  );

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    try {
      const renamed = await renameRoute(route.id, name);
      onRenamed({ ...route, name: renamed.name });
      setEditing(false);
      setMessage(null);
    } catch (error) {
      setMessage(error instanceof ApiError ? (error.problem?.errors?.name?.join(' ') ?? error.message) : (error as Error).message);
    }
  }

  async function remove() {
    if (!window.confirm(`Delete the route “${route.name}” and its GPX file?`)) return;
    try {
      await deleteRoute(route.id);
      router.push('/routes');
    } catch (error) {
      setMessage(`Could not delete: ${(error as Error).message}`);
    }
  }

  const s = route.summary;
  return (
    <article data-testid="route-detail">
      <p className="breadcrumb">
        <Link href="/routes">← Routes</Link>
      </p>
      <div className="page-heading">
        {editing ? (
          <form className="rename" onSubmit={rename} aria-label="Rename route">
            <label htmlFor="route-name" className="visually-hidden">
              Route name
            </label>
            <input id="route-name" name="name" defaultValue={route.name} autoFocus maxLength={200} />
            <button type="submit">Save</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <div>
            <h1>{route.name}</h1>
            <p className="muted">
              Added {formatDate(route.createdAt)} · {route.pointCount.toLocaleString('en')} points · analysed {formatDate(route.analyzedAt)}
            </p>
          </div>
        )}
        <div className="actions">
          {!editing && (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Rename
            </button>
          )}
          <a className="button secondary" href={route.links.gpx} download>
            Download GPX
          </a>
          <button type="button" className="danger" onClick={remove}>
            Delete
          </button>
        </div>
      </div>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      {route.warnings.length > 0 && (
        <ul className="warnings">
          {route.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}

      <section className="card" aria-labelledby="route-summary">
        <h2 id="route-summary">Summary</h2>
        <dl className="metrics big">
          <Metric label="Distance" value={distance(s.distanceMeters)} />
          <Metric label="Gain" value={elevation(s.elevationGainMeters)} />
          <Metric label="Loss" value={elevation(s.elevationLossMeters)} />
          <Metric label="Highest" value={elevation(s.maxElevationMeters)} />
          <Metric label="Max grade" value={formatGrade(s.maxGradePercent)} />
          <Metric label="Estimated time" value={formatClock(s.estimatedSeconds)} />
          <Metric label="Sections" value={String(s.sectionCount)} />
        </dl>
        {s.hardestClimb && (
          <p className="muted">
            Hardest climb: section {s.hardestClimb.sectionIndex + 1}, {distance(s.hardestClimb.distanceMeters)} at{' '}
            {formatGrade(s.hardestClimb.averageGradePercent)}
            {s.hardestClimb.climbCategory ? ` (${categoryLabel(s.hardestClimb.climbCategory)})` : ''}.
          </p>
        )}
      </section>

      <div className="route-grid">
        <section className="card" aria-labelledby="route-map">
          <h2 id="route-map">Map</h2>
          <TrackMap control={map} points={points} color="#1565c0" label={`Map of ${route.name}`} />
        </section>
        <section className="card" aria-labelledby="route-profile">
          <h2 id="route-profile">Elevation profile</h2>
          {chart.hasElevation ? (
            <>
              <ul className="legend" aria-label="Section colours">
                {Object.entries(SECTION_COLORS).filter(([kind]) => route.sections.some((s) => s.kind === kind)).map(([kind, color]) => (
                  <li key={kind}>
                    <span className="swatch" style={{ background: color }} aria-hidden="true" /> {kind}
                  </li>
                ))}
              </ul>
              <SyncedCharts x={chart.x} panels={chart.panels} formatX={formatX} formatTick={formatTick} onCursor={onCursor} label="Elevation profile by section" />
            </>
          ) : (
            <p className="muted empty">This file has no elevation, so there is no profile.</p>
          )}
        </section>
      </div>

      <RoutePacing route={route} />

      <section className="card" aria-labelledby="route-sections">
        <h2 id="route-sections">Sections</h2>
        {route.sections.length === 0 ? (
          <p className="muted empty">No sections.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="sections-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">From</th>
                  <th scope="col" className="num">Length</th>
                  <th scope="col" className="num">Avg grade</th>
                  <th scope="col" className="num">Max grade</th>
                  <th scope="col" className="num">Gain</th>
                  <th scope="col">Minimum gear</th>
                  <th scope="col" className="num">Power</th>
                  <th scope="col" className="num">Speed</th>
                  <th scope="col" className="num">Est. time</th>
                </tr>
              </thead>
              <tbody>
                {route.sections.map((section) => (
                  <tr key={section.index} data-testid="section-row">
                    <td>{section.index + 1}</td>
                    <td>
                      <span className="swatch" style={{ background: SECTION_COLORS[section.kind] }} aria-hidden="true" /> {section.kind}
                      {section.climbCategory && section.climbCategory !== 'uncategorized' ? ` · ${categoryLabel(section.climbCategory)}` : ''}
                    </td>
                    <td className="num">{distance(section.startMeters)}</td>
                    <td className="num">{distance(section.distanceMeters, 2)}</td>
                    <td className="num">{formatGrade(section.averageGradePercent)}</td>
                    <td className="num">{formatGrade(section.maxSustainedGradePercent)}</td>
                    <td className="num">{elevation(section.elevationGainMeters)}</td>
                    <td>
                      <Gear section={section} />
                    </td>
                    <td className="num">{Math.round(section.targetPowerWatts)} W</td>
                    <td className="num">{speed(section.averageSpeedMps)}</td>
                    <td className="num">{formatClock(section.estimatedSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}

function Gear({ section }: { section: RouteSection }) {
  const gear = section.minimumGear;
  if (!gear) return <span className="muted">–</span>;
  const text = `${gear.chainringTeeth}×${gear.cogTeeth} at ${Math.round(gear.expectedCadenceRpm)} rpm`;
  return gear.holdsMinimumCadence ? (
    <span>{text}</span>
  ) : (
    <span className="gear-short" title="Even the easiest gear drops below your minimum cadence here">
      ⚠ {text}
      {gear.powerForMinimumCadenceWatts != null ? ` (needs ${Math.round(gear.powerForMinimumCadenceWatts)} W)` : ''}
    </span>
  );
}

function categoryLabel(category: string): string {
  return category === 'hors_categorie' ? 'HC' : category.startsWith('cat') ? `Cat ${category.slice(3)}` : category;
}
