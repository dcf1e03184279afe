'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { planDiff, planVersions, VERSIONS_PAGE, type PlanDiff, type PlanVersionSummary } from '@/lib/api/plan';
import { formatDateTime } from '@/lib/format/format';
import { useZone } from '@/lib/format/zone';
import { appendPage, versionOrigin } from '@/lib/plan/plan-data.mjs';
import type { Page } from '@/lib/api/types';
import type { Loaded } from '@/lib/api/use-load';
import { ErrorState, Loading } from '../States';
import PlanDiffView from './PlanDiffView';

/**
 * The versions (newest first; the first page read on the server, older pages on "Show older versions") with what
 * created each, and the day diff of any two (default: the newest against its parent).
 */
export default function VersionHistory({ first }: { first: Page<PlanVersionSummary> }) {
  const { items: versions, older, loadOlder } = useOlderVersions(first);
  const zone = useZone();
  const newest = versions[0];
  const parentOf = (v: PlanVersionSummary | undefined) => (v ? (versions.find((p) => p.id === v.parentId) ?? versions[versions.indexOf(v) + 1]) : undefined);
  const [pair, setPair] = useState<{ from: string; to: string } | null>(null);
  const from = pair?.from ?? parentOf(newest)?.id ?? '';
  const to = pair?.to ?? newest?.id ?? '';
  const [diff, setDiff] = useState<Loaded<PlanDiff> | null>(null);

  useEffect(() => {
    if (!from || !to || from === to) {
      setDiff(null);
      return;
    }
    let live = true;
    setDiff({ status: 'loading' });
    planDiff(from, to).then(
      (value) => live && setDiff({ status: 'ready', value }),
      (error) => live && setDiff({ status: 'error', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [from, to]);

  const choose = (side: 'from' | 'to', id: string) => setPair({ from, to, [side]: id });
  const label = (v: PlanVersionSummary) => `v${v.version} · ${versionOrigin(v).label}`;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table stack-table" data-testid="plan-versions">
          <caption className="visually-hidden">Plan versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Created by</th>
              <th scope="col">When</th>
              <th scope="col">Dates</th>
              <th scope="col" className="num">Hours</th>
              <th scope="col" className="num">TSS</th>
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const origin = versionOrigin(v);
              const parent = parentOf(v);
              return (
                <tr key={v.id} data-testid="plan-version" data-version={v.version} data-origin={v.origin}>
                  <td className="stack-wide stack-title">
                    v{v.version} {v.isActive && <span className="badge active-badge">current</span>}
                  </td>
                  <td data-label="Created by" className="stack-wide">
                    {origin.label}
                    {origin.source === 'coach' && <span className="muted"> ({origin.sourceId === 'builtin' ? 'built-in coach' : origin.sourceId})</span>}
                    {origin.source === 'week' && <span className="muted"> (the week of {origin.sourceId})</span>}
                  </td>
                  <td data-label="When">{formatDateTime(v.createdAt, zone)}</td>
                  <td data-label="Dates" className="stack-wide">
                    {v.startDate} – {v.endDate}
                  </td>
                  <td className="num" data-label="Hours">{v.weeks.reduce((a, w) => a + w.hours, 0).toFixed(1)}</td>
                  <td className="num" data-label="TSS">{Math.round(v.weeks.reduce((a, w) => a + w.tss, 0))}</td>
                  <td className="stack-wide">
                    {parent && (
                      <button type="button" className="secondary small" onClick={() => setPair({ from: parent.id, to: v.id })} aria-label={`Compare v${v.version} with v${parent.version}`}>
                        Diff with v{parent.version}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {versions.length < first.total && (
        <div className="load-more">
          {older.status === 'error' && <ErrorState what="older versions" message={older.message} />}
          <button type="button" className="secondary" onClick={loadOlder} disabled={older.status === 'loading'} data-testid="older-versions">
            {older.status === 'loading' ? 'Loading…' : `Show older versions (${first.total - versions.length} more)`}
          </button>
        </div>
      )}
      {versions.length > 1 && (
        <div className="diff-section" id="diff">
          <h3>Compare versions</h3>
          <div className="diff-pickers">
            {(['from', 'to'] as const).map((side) => (
              <div key={side}>
                <label htmlFor={`diff-${side}`}>{side === 'from' ? 'From' : 'To'}</label>
                <select id={`diff-${side}`} value={side === 'from' ? from : to} onChange={(e) => choose(side, e.target.value)}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {label(v)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          {from === to && <p className="muted">Pick two different versions.</p>}
          {diff?.status === 'loading' && <Loading what="the diff" />}
          {diff?.status === 'error' && <ErrorState what="the diff" message={diff.message} />}
          {diff?.status === 'ready' && <PlanDiffView diff={diff.value} />}
        </div>
      )}
    </>
  );
}

type Older = { pages: number; items: PlanVersionSummary[]; status: 'idle' | 'loading' } | { pages: number; items: PlanVersionSummary[]; status: 'error'; message: string };

/** The history's first page and the older pages the rider asked for; a new first page (the page read again) starts over. */
function useOlderVersions(first: Page<PlanVersionSummary>) {
  const [older, setOlder] = useState<Older>({ pages: 1, items: [], status: 'idle' });
  useEffect(() => setOlder({ pages: 1, items: [], status: 'idle' }), [first]);
  const items = useMemo(() => appendPage(first.items, older.items), [first, older.items]);
  const loadOlder = useCallback(async () => {
    setOlder((o) => ({ ...o, status: 'loading' }));
    try {
      // Pages counted, not items: a version created meanwhile shifts each page by one, and the duplicate is dropped.
      const page = await planVersions(older.pages + 1, VERSIONS_PAGE);
      setOlder((o) => ({ pages: o.pages + 1, items: appendPage(o.items, page.items), status: 'idle' }));
    } catch (error) {
      setOlder((o) => ({ ...o, status: 'error', message: (error as Error).message }));
    }
  }, [older.pages]);
  return { items, older, loadOlder };
}
