'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { getRoutePacing } from '@/lib/api';
import { SECTION_COLORS } from '@/lib/charts/chart-data.mjs';
import { usePreferences } from '@/lib/client/preferences';
import type { RouteDetail, RoutePacing as Pacing } from '@/lib/api/types';
import { formatClock, formatGrade } from '@/lib/format/units.mjs';
import { ErrorState, Loading } from '../States';
import Metric from '../Metric';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; pacing: Pacing };

/**
 * The route's pacing plan: the course profile with the target power of each section, the splits, the gearing check
 * per climb and what 1 kg less or 10 W more changes. Prints on its own (the print stylesheet hides the rest of the page)
 * as a sheet for the top tube.
 */
export default function RoutePacing({ route }: { route: RouteDetail }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', pacing: await getRoutePacing(route.id) });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }, [route.id]);
  useEffect(() => void load(), [load]);

  return (
    <section className="card pacing-sheet" aria-labelledby="route-pacing" data-testid="pacing">
      <div className="card-heading">
        <h2 id="route-pacing">Pacing plan · {route.name}</h2>
        <button type="button" className="secondary no-print" onClick={() => window.print()}>
          Print for the top tube
        </button>
      </div>
      {state.status === 'loading' && <Loading what="the pacing plan" />}
      {state.status === 'error' && <ErrorState what="the pacing plan" message={state.message} onRetry={load} />}
      {state.status === 'ready' && <PacingView route={route} pacing={state.pacing} />}
    </section>
  );
}

function PacingView({ route, pacing }: { route: RouteDetail; pacing: Pacing }) {
  const { distance } = usePreferences();
  const warnings = pacing.gearing.filter((g) => g.warning);
  const rider = pacing.rider;
  return (
    <>
      <p className="muted pacing-basis">
        For FTP {Math.round(rider.ftpWatts)} W, {rider.weightKg.toFixed(1)} kg ({rider.totalMassKg.toFixed(1)} kg with the bike),{' '}
        {rider.chainrings.join('/')} × {Math.min(...rider.cassette)}–{Math.max(...rider.cassette)}, at least {Math.round(rider.minCadenceRpm)} rpm
        {pacing.overridden ? ' (what-if)' : ''}.
      </p>
      <dl className="metrics big">
        <Metric label="Finish" value={formatClock(pacing.finishSeconds)} />
        <Metric label="Average" value={`${Math.round(pacing.averagePowerWatts)} W`} />
        <Metric label="NP / budget" value={`${Math.round(pacing.normalizedPowerWatts)} / ${Math.round(pacing.budgetNormalizedPowerWatts)} W`} />
        <Metric label="IF" value={pacing.intensityFactor.toFixed(2)} />
        <Metric label="Work" value={`${Math.round(pacing.workKilojoules)} kJ`} />
      </dl>
      <p className="what-if" data-testid="what-if">
        {pacing.whatIf.map((w) => `${w.change}: ${formatClock(w.finishSeconds)} (−${formatClock(w.savesSeconds)})`).join(' · ')}
      </p>
      <PacingProfile route={route} pacing={pacing} />
      {warnings.length > 0 ? (
        <ul className="warnings gearing-warnings" data-testid="gearing-warnings" aria-label="Gearing warnings">
          {warnings.map((g) => (
            <li key={g.sectionIndex}>⚠ {g.warning}</li>
          ))}
        </ul>
      ) : (
        pacing.gearing.length > 0 && (
          <p className="muted">
            Gearing: {Math.min(...rider.chainrings)}×{Math.max(...rider.cassette)} keeps at least {Math.round(rider.minCadenceRpm)} rpm on every climb at the planned power.
          </p>
        )
      )}
      <div className="table-scroll">
        <table className="data-table pacing-table" data-testid="pacing-table">
          <thead>
            <tr>
              <th scope="col" className="num">From</th>
              <th scope="col" className="num">Target</th>
              <th scope="col" className="num">Split</th>
              <th scope="col">Section</th>
              <th scope="col" className="num">Grade</th>
              <th scope="col" className="num">W/kg</th>
              <th scope="col" className="num">Time</th>
            </tr>
          </thead>
          <tbody>
            {pacing.sections.map((s) => {
              const gear = pacing.gearing.find((g) => g.sectionIndex === s.index);
              return (
                <tr key={s.index} data-testid="pacing-row" className={s.kind === 'climb' ? 'climb-row' : undefined}>
                  <td className="num">{distance(s.startMeters)}</td>
                  <td className="num strong">{Math.round(s.targetPowerWatts)} W</td>
                  <td className="num">{formatClock(s.splitSeconds)}</td>
                  <td>
                    <span className="swatch" style={{ background: SECTION_COLORS[s.kind] }} aria-hidden="true" /> {s.kind}
                    {gear?.warning ? ' ⚠' : ''}
                  </td>
                  <td className="num">
                    {formatGrade(s.averageGradePercent)}
                    {s.kind === 'climb' && s.maxSustainedGradePercent != null ? ` (max ${formatGrade(s.maxSustainedGradePercent)})` : ''}
                  </td>
                  <td className="num">{s.wattsPerKg.toFixed(1)}</td>
                  <td className="num">{formatClock(s.seconds)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small no-print">
        Target power per section so you finish: the plan&apos;s normalized power stays within what you hold for the finish time, with more power on
        climbs and less on descents (variable pacing). Times from the Martin power model with your bike.
      </p>
    </>
  );
}

/** The course profile (elevation) with each section's target power drawn as a step line above it. */
function PacingProfile({ route, pacing }: { route: RouteDetail; pacing: Pacing }) {
  const { distance } = usePreferences();
  const width = 1000;
  const height = 220;
  const top = 26;
  const shape = useMemo(() => {
    const samples = route.profile.filter((p) => p.elevationMeters != null);
    if (samples.length < 2) return null;
    const total = pacing.distanceMeters || samples[samples.length - 1].distanceMeters;
    const elevations = samples.map((p) => p.elevationMeters as number);
    const [low, high] = [Math.min(...elevations), Math.max(...elevations)];
    const x = (m: number) => (m / total) * width;
    const y = (e: number) => height - 4 - ((e - low) / Math.max(high - low, 20)) * (height - top - 70);
    const area = `M0,${height} ` + samples.map((p) => `L${x(p.distanceMeters).toFixed(1)},${y(p.elevationMeters as number).toFixed(1)}`).join(' ') + ` L${width},${height} Z`;
    const powers = pacing.sections.map((s) => s.targetPowerWatts);
    const [pLow, pHigh] = [Math.min(...powers) * 0.9, Math.max(...powers) * 1.05];
    const py = (w: number) => top + 40 - ((w - pLow) / Math.max(pHigh - pLow, 1)) * 36;
    const steps = pacing.sections.map((s) => ({ s, x1: x(s.startMeters), x2: x(s.endMeters), y: py(s.targetPowerWatts) }));
    // Labels that would overlap the one before are left out (the table below has every section).
    const spaced = (items: typeof steps, at: (i: (typeof steps)[number]) => number, gap: number) => {
      let last = -Infinity;
      return items.filter((i) => (at(i) - last >= gap ? ((last = at(i)), true) : false));
    };
    const watts = spaced(steps.filter(({ s, x1, x2 }) => s.kind === 'climb' || x2 - x1 > 90), ({ x1, x2 }) => (x1 + x2) / 2, 80);
    const kms = spaced(steps.filter(({ s }) => s.kind === 'climb'), ({ x1 }) => x1, 80);
    return { area, steps, watts, kms };
  }, [route.profile, pacing]);
  if (!shape) return null;
  return (
    <svg className="pacing-profile" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Course profile of ${route.name} with the target power of each section`}>
      {shape.steps.map(({ s, x1, x2 }) => (
        <rect key={`band-${s.index}`} x={x1} y={top} width={Math.max(x2 - x1, 0.5)} height={height - top} fill={SECTION_COLORS[s.kind]} opacity={0.12} />
      ))}
      <path d={shape.area} className="pacing-elevation" />
      <path d={shape.steps.map(({ x1, x2, y }, i) => `${i === 0 ? 'M' : 'L'}${x1.toFixed(1)},${y.toFixed(1)} L${x2.toFixed(1)},${y.toFixed(1)}`).join(' ')} className="pacing-power" />
      {shape.watts.map(({ s, x1, x2, y }) => (
          <text key={`w-${s.index}`} x={(x1 + x2) / 2} y={y - 6} textAnchor="middle" className={s.kind === 'climb' ? 'pacing-label climb' : 'pacing-label'}>
            {Math.round(s.targetPowerWatts)} W
          </text>
        ))}
      {shape.kms.map(({ s, x1 }) => (
          <text key={`km-${s.index}`} x={x1 + 2} y={height - 6} className="pacing-km">
            {distance(s.startMeters)}
          </text>
        ))}
    </svg>
  );
}
