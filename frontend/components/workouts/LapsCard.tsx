// The ride's laps as the source recorded them (lib/charts/laps.mjs shapes the rows); rendered on the server, the
// distances and speeds in the rider's units (components/live/Measure.tsx).

import { lapRows } from '@/lib/charts/laps.mjs';
import type { Workout } from '@/lib/api/types';
import { formatClock } from '@/lib/format/units.mjs';
import { Distance, Speed } from '../live/Measure';

export default function LapsCard({ laps }: { laps: Workout['laps'] }) {
  const rows = lapRows(laps);
  if (rows.length === 0) return null;
  const n = (v: number | null, unit: string) => (v == null ? '–' : `${Math.round(v)} ${unit}`);
  return (
    <section className="card" aria-labelledby="laps-heading">
      <h2 id="laps-heading">Laps</h2>
      <div className="table-scroll">
        <table className="data-table stack-table" data-testid="laps-table">
          <thead>
            <tr>
              <th scope="col">Lap</th>
              <th scope="col" className="num">Start</th>
              <th scope="col" className="num">Time</th>
              <th scope="col" className="num">Distance</th>
              <th scope="col" className="num">Avg speed</th>
              <th scope="col" className="num">Avg power</th>
              <th scope="col" className="num">Avg HR</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.index}>
                <th scope="row" className="stack-wide">
                  <span className="stack-only">Lap </span>
                  {r.number}
                </th>
                <td className="num" data-label="Start">{r.startSecond == null ? '–' : formatClock(r.startSecond)}</td>
                <td className="num" data-label="Time">{r.seconds == null ? '–' : formatClock(r.seconds)}</td>
                <td className="num" data-label="Distance">{r.distanceMeters == null ? '–' : <Distance meters={r.distanceMeters} digits={2} />}</td>
                <td className="num" data-label="Avg speed">{r.speedMps == null ? '–' : <Speed mps={r.speedMps} />}</td>
                <td className="num" data-label="Avg power">{n(r.averagePowerWatts, 'W')}</td>
                <td className="num" data-label="Avg HR">{n(r.averageHeartRateBpm, 'bpm')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
