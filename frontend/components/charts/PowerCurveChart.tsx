'use client';
// This ride's mean-max power against the rider's best, on a log duration axis (uPlot).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { durationLabel, type powerCurveSeries } from '@/lib/plan/plan-data.mjs';
import { AXIS_STROKE, GRID, useUPlot } from './use-uplot';

const TICKS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 10800, 14400, 18000, 21600];

type Props = { data: ReturnType<typeof powerCurveSeries>; bestLabel: string; label: string };

export default function PowerCurveChart({ data, bestLabel, label }: Props) {
  const container = useUPlot((root, width) => {
    if (data.x.length === 0) return null;
    const watts = (_u: uPlot, v: number | null) => (v == null ? '–' : `${Math.round(v)} W`);
    const chart = new uPlot(
      {
        width: width(),
        height: 220,
        scales: { x: { time: false, distr: 3, log: 10 } },
        cursor: { drag: { x: false, y: false }, points: { size: 6 } },
        legend: { show: true, live: true },
        axes: [
          // Ticks at the durations riders talk about, not at powers of ten.
          {
            stroke: AXIS_STROKE,
            grid: GRID,
            splits: (u) => TICKS.filter((t) => t >= (u.scales.x.min ?? 1) && t <= (u.scales.x.max ?? 1)),
            // Keep a label only with room for it (a phone shows fewer).
            filter: (u, splits) => {
              let last = -Infinity;
              return splits.map((t) => {
                const x = u.valToPos(t, 'x');
                if (x - last < 46) return null;
                last = x;
                return t;
              });
            },
            values: (_u, splits) => splits.map((t) => (t == null ? '' : durationLabel(t))),
          },
          { stroke: AXIS_STROKE, grid: GRID, size: 48, label: 'W', labelSize: 14 },
        ],
        series: [
          { label: 'Duration', value: (_u, v) => (v == null ? '–' : durationLabel(v)) },
          { label: 'This ride', stroke: '#7c4dff', width: 2, spanGaps: true, points: { show: true, size: 4 }, value: watts },
          { label: bestLabel, stroke: '#8a9691', width: 1.5, dash: [5, 4], spanGaps: true, points: { show: false }, value: watts },
        ],
      },
      [data.x, data.ride, data.best] as uPlot.AlignedData,
      root,
    );
    return [chart];
  }, [data, bestLabel]);

  return <div ref={container} className="synced-charts" role="img" aria-label={label} data-testid="power-curve-chart" />;
}
