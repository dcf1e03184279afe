'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listRoutes, ROUTES_FIRST_SORT, type UploadResult } from '@/lib/api';
import { useEventListener } from '@/lib/client/events';
import { formatDate } from '@/lib/format/format';
import { useZone } from '@/lib/format/zone';
import { usePreferences } from '@/lib/client/preferences';
import type { ProblemDetails, RouteDetail, RouteSummary } from '@/lib/api/types';
import { formatClock, formatGrade } from '@/lib/format/units.mjs';
import { Empty, ErrorState, Loading } from '../States';
import Uploader, { problemText, type Outcome } from '../Uploader';

type Sort = 'created' | 'name' | 'distance' | 'gain';
export type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: RouteSummary[]; total: number };

const DEFAULT_ORDER = `${ROUTES_FIRST_SORT}:true`;

const COLUMNS: { sort: Sort | null; label: string; numeric?: boolean }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'distance', label: 'Distance', numeric: true },
  { sort: 'gain', label: 'Gain', numeric: true },
  { sort: null, label: 'Max grade', numeric: true },
  { sort: null, label: 'Est. time', numeric: true },
  { sort: 'created', label: 'Added' },
];

/** POST /api/routes answers: 201 the analysed route, 409 duplicate (existingRouteId) or quota, 4xx problems. */
export function describeRouteUpload({ status, body }: UploadResult): Outcome {
  if (status === 201) {
    const route = body as RouteDetail;
    return { tone: 'good', text: `Added “${route.name}”, ${route.summary.sectionCount} sections.`, link: { href: `/routes/${route.id}`, label: 'Open route' } };
  }
  if (status === 409) {
    const problem = body as ProblemDetails;
    return {
      tone: 'warn',
      text: problem.existingRouteId ? `Duplicate: ${problem.detail ?? 'already in the library.'}` : problemText({ status, body }),
      link: problem.existingRouteId ? { href: `/routes/${problem.existingRouteId}`, label: 'Open the existing route' } : undefined,
    };
  }
  return { tone: 'bad', text: problemText({ status, body }) };
}

/** `initial`: the first page in the default order (newest first), read on the server. */
export default function RoutesPage({ initial }: { initial?: State }) {
  const { distance, elevation } = usePreferences();
  const zone = useZone();
  const [sort, setSort] = useState<Sort>(ROUTES_FIRST_SORT);
  const [desc, setDesc] = useState(true);
  // The answer remembers its order: while a new order loads, the old rows stay (the header and the focused sort
  // button with them) but are marked busy, so they are never taken for the new order.
  const order = `${sort}:${desc}`;
  const [answer, setAnswer] = useState<{ order: string; state: State }>(initial ? { order: DEFAULT_ORDER, state: initial } : { order: '', state: { status: 'loading' } });
  const serverRead = useRef(initial !== undefined);
  const state = answer.state;
  const pending = answer.order !== order;

  const load = useCallback(async () => {
    const key = `${sort}:${desc}`;
    try {
      const page = await listRoutes(sort, desc);
      setAnswer({ order: key, state: { status: 'ready', items: page.items, total: page.total } });
    } catch (error) {
      setAnswer({ order: key, state: { status: 'error', message: (error as Error).message } });
    }
  }, [sort, desc]);
  useEffect(() => {
    if (serverRead.current) serverRead.current = false; // the server's answer is the first load
    else void load();
  }, [load]);
  useEventListener(['route-analyzed'], load);

  function sortBy(key: Sort) {
    if (key === sort) setDesc((d) => !d);
    else {
      setSort(key);
      setDesc(key === 'created');
    }
  }

  return (
    <>
      <h1>Routes</h1>
      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Add routes</h2>
        <Uploader
          url="/api/routes"
          accept=".gpx,application/gpx+xml"
          hint="GPX routes or tracks; each is analysed into sections with grade, minimum gear and estimated time."
          describe={describeRouteUpload}
          onUploaded={load}
        />
      </section>
      <section className="card" aria-labelledby="library-heading">
        <div className="card-heading">
          <h2 id="library-heading">Library</h2>
          {state.status === 'ready' && <span className="muted">{state.total} routes</span>}
        </div>
        {state.status === 'loading' && <Loading what="routes" />}
        {state.status === 'error' && <ErrorState what="routes" message={state.message} onRetry={load} />}
        {state.status === 'ready' && state.items.length === 0 && <Empty title="No routes yet.">Drop a GPX file above to add the first.</Empty>}
        {state.status === 'ready' && state.items.length > 0 && (
          <div className="table-scroll">
            <table className="data-table" data-testid="routes-table" aria-busy={pending} data-pending={pending}>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th
                      key={c.label}
                      className={c.numeric ? 'num' : undefined}
                      aria-sort={c.sort && c.sort === sort ? (desc ? 'descending' : 'ascending') : undefined}
                      scope="col"
                    >
                      {c.sort ? (
                        <button type="button" className="sort-button" onClick={() => sortBy(c.sort as Sort)}>
                          {c.label}
                          <span aria-hidden="true">{c.sort === sort ? (desc ? ' ▼' : ' ▲') : ''}</span>
                        </button>
                      ) : (
                        c.label
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.items.map((r) => (
                  <tr key={r.id} data-testid="route-row">
                    <td>
                      <Link href={`/routes/${r.id}`}>{r.name}</Link>
                    </td>
                    <td className="num">{distance(r.distanceMeters)}</td>
                    <td className="num">{elevation(r.elevationGainMeters)}</td>
                    <td className="num">{formatGrade(r.maxGradePercent)}</td>
                    <td className="num">{formatClock(r.estimatedSeconds)}</td>
                    <td>{formatDate(r.createdAt, zone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
