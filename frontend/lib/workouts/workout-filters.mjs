// The workouts list's filters ⇄ the page URL (?source=&type=&from=&to=&page=) ⇄ GET /api/workouts query.
// Dates in the URL are calendar days (yyyy-mm-dd, the rider's local day); the API wants instants with an offset.

export const SOURCES = ['manual', 'file', 'garmin', 'intervals_icu'];
export const PAGE_SIZE = 25;

/** @typedef {{ source: string, type: string, from: string, to: string, page: number }} WorkoutFilters */

/** @param {URLSearchParams} params @returns {WorkoutFilters} */
export function readFilters(params) {
  const day = (/** @type {string | null} */ v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  const source = params.get('source') ?? '';
  const page = Number(params.get('page'));
  return {
    source: SOURCES.includes(source) ? source : '',
    type: (params.get('type') ?? '').trim(),
    from: day(params.get('from')),
    to: day(params.get('to')),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The page's own query string (defaults left out). @param {WorkoutFilters} f */
export function filtersToSearch(f) {
  const q = new URLSearchParams();
  if (f.source) q.set('source', f.source);
  if (f.type) q.set('type', f.type);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.page > 1) q.set('page', String(f.page));
  return q.toString();
}

/**
 * The API query: from = start of the local day, to = its last millisecond, both with the browser's offset.
 * @param {WorkoutFilters} f @param {number} [pageSize]
 */
export function filtersToApiQuery(f, pageSize = PAGE_SIZE) {
  const q = new URLSearchParams({ page: String(f.page), pageSize: String(pageSize) });
  if (f.source) q.set('source', f.source);
  if (f.type) q.set('type', f.type);
  if (f.from) q.set('from', localDayBoundary(f.from, false));
  if (f.to) q.set('to', localDayBoundary(f.to, true));
  return q.toString();
}

/** @param {string} day yyyy-mm-dd @param {boolean} end */
export function localDayBoundary(day, end) {
  const [y, m, d] = day.split('-').map(Number);
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  const offset = -date.getTimezoneOffset();
  const pad = (/** @type {number} */ n, w = 2) => String(Math.abs(n)).padStart(w, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:` +
    `${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** Pages for a total: 1-based count, at least 1. @param {number} total @param {number} [pageSize] */
export function pageCount(total, pageSize = PAGE_SIZE) {
  return Math.max(1, Math.ceil(total / pageSize));
}
