'use client';
// Stacked uPlot time series with one shared cursor and one shared zoom (drag to zoom, double-click to reset).
// uPlot draws 18,000-point channels on canvas in a few milliseconds, which is why it is used over an SVG library.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { AXIS_STROKE, GRID, useUPlot } from './use-uplot';

export type ChartSeries = { label: string; color: string; values: (number | null)[]; fill?: boolean };
export type ChartPanel = { key: string; unit: string; series: ChartSeries[]; height?: number };

type Props = {
  x: number[];
  panels: ChartPanel[];
  /** The cursor's x in the legend ("1:23:20", "12.3 km"). */
  formatX: (value: number) => string;
  /** Axis ticks, shorter (defaults to formatX). */
  formatTick?: (value: number) => string;
  /** Stream index under the cursor (null when the cursor leaves). Called often: keep it cheap and imperative. */
  onCursor?: (index: number | null) => void;
  label: string;
};

let nextSyncKey = 0;

export default function SyncedCharts({ x, panels, formatX, formatTick = formatX, onCursor, label }: Props) {
  const cursorCallback = useRef(onCursor);
  useEffect(() => {
    cursorCallback.current = onCursor;
  }, [onCursor]);

  const container = useUPlot((root, width) => {
    if (x.length === 0) return null;
    const started = performance.now();
    const syncKey = `charts-${nextSyncKey++}`;
    const charts: uPlot[] = [];
    const propagate = (source: uPlot) => {
      const { min, max } = source.scales.x;
      for (const chart of charts) {
        if (chart !== source && (chart.scales.x.min !== min || chart.scales.x.max !== max) && min != null && max != null) {
          chart.setScale('x', { min, max });
        }
      }
    };

    panels.forEach((panel, i) => {
      const element = document.createElement('div');
      element.className = 'chart-panel';
      element.dataset.channel = panel.key;
      root.appendChild(element);
      const last = i === panels.length - 1;
      const options: uPlot.Options = {
        width: width(),
        height: panel.height ?? 130,
        cursor: { sync: { key: syncKey, setSeries: false }, drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
        select: { show: true, left: 0, top: 0, width: 0, height: 0 },
        scales: { x: { time: false } },
        legend: { show: true, live: true },
        axes: [
          { stroke: AXIS_STROKE, grid: GRID, size: last ? 34 : 20, values: (_u, splits) => splits.map((s) => (last ? formatTick(s) : '')) },
          { stroke: AXIS_STROKE, grid: GRID, size: 48, label: panel.unit, labelSize: 14 },
        ],
        series: [
          { label: 'at', value: (_u, v) => (v == null ? '–' : formatX(v)) },
          ...panel.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 1.25,
            fill: s.fill ? `${s.color}33` : undefined,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => (v == null ? '–' : `${v.toFixed(panel.unit === 'km/h' || panel.unit === 'mph' ? 1 : 0)} ${panel.unit}`),
          })),
        ],
        hooks: {
          setScale: [
            (u, key) => {
              if (key !== 'x') return;
              // The visible window, readable by tests and tools (axes are drawn on the canvas).
              element.dataset.xMin = String(Math.round(u.scales.x.min ?? 0));
              element.dataset.xMax = String(Math.round(u.scales.x.max ?? 0));
              propagate(u);
            },
          ],
          setCursor: [
            (u) => {
              // Every chart gets the synced cursor; report once, from the first.
              if (u === charts[0]) {
                const idx = u.cursor.idx ?? null;
                root.dataset.cursorIndex = idx == null ? '' : String(idx);
                cursorCallback.current?.(idx);
              }
            },
          ],
        },
      };
      charts.push(new uPlot(options, [x, ...panel.series.map((s) => s.values)] as uPlot.AlignedData, element));
    });
    root.dataset.renderMs = (performance.now() - started).toFixed(1);
    return charts;
  }, [x, panels, formatX, formatTick], 280);

  return <div ref={container} className="synced-charts" role="group" aria-label={label} data-testid="charts" />;
}

