'use client';
// CTL / ATL / TSB over days (uPlot, like the ride charts): measured solid, the plan's projection dashed, today marked.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { fitnessSeries } from '@/lib/plan/plan-data.mjs';
import { AXIS_STROKE, GRID, useUPlot } from './use-uplot';

export const FITNESS_COLORS = { ctl: '#1e88e5', atl: '#e53935', tsb: '#f9a825' } as const;
const NAMES = { ctl: 'CTL (fitness)', atl: 'ATL (fatigue)', tsb: 'TSB (form)' } as const;

type Props = { data: ReturnType<typeof fitnessSeries>; todaySeconds: number; label: string };

export default function FitnessChart({ data, todaySeconds, label }: Props) {
  const container = useUPlot((root, width) => {
    if (data.x.length === 0) return null;
    const day = (v: number) => new Date(v * 1000).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const chart = new uPlot(
      {
        width: width(),
        height: 240,
        scales: { x: { time: true } },
        cursor: { drag: { x: false, y: false }, points: { size: 6 } },
        legend: { show: true, live: true },
        axes: [
          { stroke: AXIS_STROKE, grid: GRID, values: (_u, splits) => splits.map(day) },
          { stroke: AXIS_STROKE, grid: GRID, size: 40 },
        ],
        series: [
          { label: 'Day', value: (_u, v) => (v == null ? '–' : day(v)) },
          ...data.series.map((s) => ({
            label: s.projected ? `${s.key.toUpperCase()} planned` : NAMES[s.key],
            stroke: FITNESS_COLORS[s.key],
            width: s.key === 'ctl' ? 2 : 1.5,
            dash: s.projected ? [6, 5] : undefined,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => (v == null ? '–' : v.toFixed(0)),
          })),
        ],
        hooks: {
          draw: [
            (u) => {
              // Today, and TSB's zero line: the projection starts at the first and form is read against the second.
              const ctx = u.ctx;
              ctx.save();
              ctx.lineWidth = 1;
              ctx.strokeStyle = 'rgba(128,128,128,0.6)';
              ctx.setLineDash([2, 3]);
              const x = u.valToPos(todaySeconds, 'x', true);
              if (x >= u.bbox.left && x <= u.bbox.left + u.bbox.width) {
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
              }
              const zero = u.valToPos(0, 'y', true);
              ctx.setLineDash([]);
              ctx.strokeStyle = 'rgba(128,128,128,0.35)';
              ctx.beginPath();
              ctx.moveTo(u.bbox.left, zero);
              ctx.lineTo(u.bbox.left + u.bbox.width, zero);
              ctx.stroke();
              ctx.restore();
            },
          ],
        },
      },
      [data.x, ...data.series.map((s) => s.values)] as uPlot.AlignedData,
      root,
    );
    return [chart];
  }, [data, todaySeconds]);

  return <div ref={container} className="fitness-chart synced-charts" role="img" aria-label={label} data-testid="fitness-chart" />;
}
