'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { listWorkouts } from '@/lib/api';
import { useEventListener } from '@/lib/client/events';
import { filtersToApiQuery, filtersToSearch, pageCount, PAGE_SIZE, readFilters, SOURCES } from '@/lib/workouts/workout-filters.mjs';
import { sourceLabel } from '@/lib/workouts/sync-run.mjs';
import WorkoutList, { type WorkoutsState } from '../WorkoutList';
import { Empty } from '../States';

/** `initial`: the page's first answer, read on the server for `query` (used while the browser asks the same). */
export default function WorkoutsPage({ initial }: { initial?: { query: string; state: WorkoutsState } }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = readFilters(new URLSearchParams(params.toString()));
  const apiQuery = filtersToApiQuery(filters);
  // The answer remembers its query, so a new filter or page shows loading, never the previous page's rows.
  const [answer, setAnswer] = useState<{ query: string; state: WorkoutsState }>(initial ?? { query: '', state: { status: 'loading' } });
  const serverRead = useRef(initial?.query);
  const state: WorkoutsState = answer.query === apiQuery ? answer.state : { status: 'loading' };

  const load = useCallback(async () => {
    try {
      const page = await listWorkouts(apiQuery);
      setAnswer({ query: apiQuery, state: { status: 'ready', items: page.items, total: page.total } });
    } catch (error) {
      setAnswer({ query: apiQuery, state: { status: 'error', message: (error as Error).message } });
    }
  }, [apiQuery]);

  useEffect(() => {
    // The server's answer for this query stands for the first load; any other query (or date filters read in
    // another time zone) is asked from here.
    if (serverRead.current === apiQuery) serverRead.current = undefined;
    else void load();
  }, [load, apiQuery]);
  useEventListener(['workout-imported', 'workout-deleted'], load);

  const go = (next: typeof filters) => {
    const search = filtersToSearch(next);
    router.push(search ? `${pathname}?${search}` : pathname);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    go({
      source: String(data.get('source') ?? ''),
      type: String(data.get('type') ?? '').trim(),
      from: String(data.get('from') ?? ''),
      to: String(data.get('to') ?? ''),
      page: 1,
    });
  }

  const filtered = Boolean(filters.source || filters.type || filters.from || filters.to);
  const pages = state.status === 'ready' ? pageCount(state.total, PAGE_SIZE) : 1;

  return (
    <>
      <div className="page-heading">
        <h1>Workouts</h1>
        <Link className="button" href="/workouts/import">
          Import files
        </Link>
      </div>
      <form className="card filters" onSubmit={submit} aria-label="Filter workouts" key={params.toString()}>
        <div className="field">
          <label htmlFor="filter-source">Source</label>
          <select id="filter-source" name="source" defaultValue={filters.source}>
            <option value="">All sources</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {sourceLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-type">Type or sport</label>
          <input id="filter-type" name="type" defaultValue={filters.type} placeholder="cycling, road_biking…" />
        </div>
        <div className="field">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to} />
        </div>
        <div className="filter-actions">
          <button type="submit">Apply</button>
          {filtered && (
            <button type="button" className="secondary" onClick={() => go({ source: '', type: '', from: '', to: '', page: 1 })}>
              Clear
            </button>
          )}
        </div>
      </form>
      <section className="card" aria-labelledby="list-heading">
        <div className="card-heading">
          <h2 id="list-heading">{filtered ? 'Matching rides' : 'All rides'}</h2>
          {state.status === 'ready' && (
            <span className="muted" data-testid="workouts-total">
              {state.total} {state.total === 1 ? 'ride' : 'rides'}
            </span>
          )}
        </div>
        <WorkoutList
          state={state}
          onRetry={load}
          empty={
            filtered ? (
              <Empty title="No rides match these filters.">Widen the dates or clear the filters.</Empty>
            ) : (
              <Empty title="No rides yet.">
                <Link href="/workouts/import">Import FIT, GPX or TCX files</Link>, or connect Garmin or intervals.icu in{' '}
                <Link href="/settings">Settings</Link>.
              </Empty>
            )
          }
        />
        {state.status === 'ready' && pages > 1 && (
          <nav className="pager" aria-label="Pages">
            <button type="button" className="secondary" disabled={filters.page <= 1} onClick={() => go({ ...filters, page: filters.page - 1 })}>
              ← Newer
            </button>
            <span data-testid="page-indicator">
              Page {filters.page} of {pages}
            </span>
            <button type="button" className="secondary" disabled={filters.page >= pages} onClick={() => go({ ...filters, page: filters.page + 1 })}>
              Older →
            </button>
          </nav>
        )}
      </section>
    </>
  );
}
