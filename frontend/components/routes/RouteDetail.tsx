// A route's page, rendered on the server from the route the page read: summary, warnings and sections; the client
// parts are the heading (rename, delete), the linked elevation profile and map, and the pacing card.
import Link from 'next/link';
import type { RouteDetail as Route, RouteSection } from '@/lib/api/types';
import type { Loaded } from '@/lib/api/use-load';
import { SECTION_COLORS } from '@/lib/charts/chart-data.mjs';
import type { DateZone } from '@/lib/format/format';
import { formatClock, formatGrade } from '@/lib/format/units.mjs';
import { Distance, Elevation, Speed } from '../live/Measure';
import Metric from '../Metric';
import { ErrorState } from '../States';
import RouteHeading from './RouteHeading';
import RouteMapProfile from './RouteMapProfile';
import RoutePacing from './RoutePacing';

/** `route`: the route as the page read it (null: no such route). */
export default function RouteDetail({ route, zone }: { route: Loaded<Route | null>; zone: DateZone }) {
  if (route.status === 'ready' && route.value === null) {
    return (
      <div className="empty-state" role="alert">
        <p className="empty-title">This route does not exist (any more).</p>
        <Link href="/routes">Back to routes</Link>
      </div>
    );
  }
  if (route.status !== 'ready' || route.value === null) {
    return <ErrorState what="the route" message={route.status === 'error' ? route.message : 'not read'} refresh />;
  }
  return <RouteView route={route.value} zone={zone} />;
}

function RouteView({ route, zone }: { route: Route; zone: DateZone }) {
  const s = route.summary;
  return (
    <article data-testid="route-detail">
      <p className="breadcrumb">
        <Link href="/routes">← Routes</Link>
      </p>
      <RouteHeading route={{ id: route.id, name: route.name, createdAt: route.createdAt, analyzedAt: route.analyzedAt, pointCount: route.pointCount, links: route.links }} zone={zone} />
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
          <Metric label="Distance" value={<Distance meters={s.distanceMeters} />} />
          <Metric label="Gain" value={<Elevation meters={s.elevationGainMeters} />} />
          <Metric label="Loss" value={<Elevation meters={s.elevationLossMeters} />} />
          <Metric label="Highest" value={<Elevation meters={s.maxElevationMeters} />} />
          <Metric label="Max grade" value={formatGrade(s.maxGradePercent)} />
          <Metric label="Estimated time" value={formatClock(s.estimatedSeconds)} />
          <Metric label="Sections" value={String(s.sectionCount)} />
        </dl>
        {s.hardestClimb && (
          <p className="muted">
            Hardest climb: section {s.hardestClimb.sectionIndex + 1}, <Distance meters={s.hardestClimb.distanceMeters} /> at{' '}
            {formatGrade(s.hardestClimb.averageGradePercent)}
            {s.hardestClimb.climbCategory ? ` (${categoryLabel(s.hardestClimb.climbCategory)})` : ''}.
          </p>
        )}
      </section>

      <RouteMapProfile route={route} />

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
                    <td className="num"><Distance meters={section.startMeters} /></td>
                    <td className="num"><Distance meters={section.distanceMeters} digits={2} /></td>
                    <td className="num">{formatGrade(section.averageGradePercent)}</td>
                    <td className="num">{formatGrade(section.maxSustainedGradePercent)}</td>
                    <td className="num"><Elevation meters={section.elevationGainMeters} /></td>
                    <td>
                      <Gear section={section} />
                    </td>
                    <td className="num">{Math.round(section.targetPowerWatts)} W</td>
                    <td className="num"><Speed mps={section.averageSpeedMps} /></td>
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
