'use client';
// The uPlot life cycle every chart here shares: built in an effect when its inputs change, resized with its
// container, destroyed on unmount or rebuild; the container says data-ready="true" while drawn (tests, measure.mjs).
import { useEffect, useRef, type DependencyList } from 'react';
import type uPlot from 'uplot';

export const AXIS_STROKE = '#8a9691';
export const GRID = { stroke: 'rgba(128,128,128,0.18)', width: 1 };

/**
 * `build(root, width)` draws into `root` (width() is the container's, at least `minWidth`) and returns its charts,
 * or null when there is nothing to draw. Returns the ref for the container element.
 */
export function useUPlot(build: (root: HTMLDivElement, width: () => number) => uPlot[] | null, deps: DependencyList, minWidth = 260) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const width = () => Math.max(minWidth, root.clientWidth);
    const charts = build(root, width);
    if (!charts) return;
    root.dataset.ready = 'true';
    const resize = new ResizeObserver(() => charts.forEach((c) => c.setSize({ width: width(), height: c.height })));
    resize.observe(root);
    return () => {
      resize.disconnect();
      charts.forEach((c) => c.destroy());
      root.replaceChildren();
      delete root.dataset.ready;
    };
  }, deps);
  return container;
}
