// Browser-side calls to our own /api/* (the Next server adds the API key). No key ever reaches this code.
import type {
  GarminLoginResponse, GarminStatus, IntervalsConnection, ManualWorkoutRequest, Page, ProblemDetails, RoutePacing,
  RouteSummary, Streams, SyncRun, Workout, WorkoutSummary,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `Request failed (${status})`);
  }
}

function toSignIn() {
  window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}

export async function send<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { cache: 'no-store', ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (response.status === 401) {
    toSignIn();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    return (await response.json()) as ProblemDetails;
  } catch {
    return null;
  }
}

// Workouts (sync service)
export const workoutsPath = (query = 'page=1&pageSize=50') => `/api/workouts?${query}`;
export const listWorkouts = (query?: string) => send<Page<WorkoutSummary>>(workoutsPath(query));
export const getStreams = (id: string) => send<Streams>(`/api/workouts/${id}/streams`);
export const deleteWorkout = (id: string) => send<void>(`/api/workouts/${id}`, { method: 'DELETE' });
export const logManualWorkout = (request: ManualWorkoutRequest) => send<Workout>('/api/workouts/manual', json('POST', request));

// Sync runs
export async function latestSyncRun(): Promise<SyncRun | null> {
  try {
    return await send<SyncRun>('/api/sync/runs/latest');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
export const startSyncRun = (source: 'garmin' | 'intervals_icu') => send<SyncRun>('/api/sync/runs', json('POST', { source }));

// Garmin and intervals.icu connections
export const garminStatus = () => send<GarminStatus>('/api/sync/garmin');
export const garminImportToken = (token: string) =>
  send<GarminStatus>('/api/sync/garmin/token', json('POST', { token }));
export const garminTicket = (ticket: string) => send<GarminStatus>('/api/sync/garmin/ticket', json('POST', { ticket }));
export const garminLogin = (username: string, password: string) =>
  send<GarminLoginResponse>('/api/sync/garmin/login', json('POST', { username, password }));
export const garminMfa = (state: string, code: string) =>
  send<GarminLoginResponse>(`/api/sync/garmin/login/${encodeURIComponent(state)}/mfa`, json('POST', { code }));
export const garminDisconnect = () => send<GarminStatus>('/api/sync/garmin', { method: 'DELETE' });
export const intervalsStatus = () => send<IntervalsConnection>('/api/sync/intervals');
export const intervalsSave = (athleteId: string, apiKey: string) =>
  send<IntervalsConnection>('/api/sync/intervals', json('PUT', { athleteId, apiKey }));
export const intervalsDisconnect = () => send<void>('/api/sync/intervals', { method: 'DELETE' });

// Routes
/** The routes page opens newest first (`desc`), read by the page on the server. */
export const ROUTES_FIRST_SORT = 'created';
export const routesPath = (sort: string, desc: boolean, page = 1, pageSize = 100) => `/api/routes?sort=${sort}&desc=${desc}&page=${page}&pageSize=${pageSize}`;
export const listRoutes = (sort: string, desc: boolean, page?: number, pageSize?: number) => send<Page<RouteSummary>>(routesPath(sort, desc, page, pageSize));
export const getRoutePacing = (id: string, overrides: { ftpWatts?: number; weightKg?: number; minCadenceRpm?: number } = {}) => {
  const query = new URLSearchParams(Object.entries(overrides).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)])).toString();
  return send<RoutePacing>(`/api/routes/${id}/pacing${query ? `?${query}` : ''}`);
};
export const renameRoute = (id: string, name: string) => send<RouteSummary>(`/api/routes/${id}`, json('PATCH', { name }));
export const deleteRoute = (id: string) => send<void>(`/api/routes/${id}`, { method: 'DELETE' });

/** What an upload ended with: the status and the parsed body (JSON or ProblemDetails), or a network failure. */
export type UploadResult = { status: number; body: unknown };

/**
 * One multipart upload with progress (fetch has no upload progress; XMLHttpRequest does). Resolves for every HTTP
 * status; rejects only when the request could not be sent.
 */
export function upload(url: string, file: File, onProgress: (fraction: number) => void, field = 'file'): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 401) toSignIn();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      onProgress(1);
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('The upload could not be sent (network error).'));
    const form = new FormData();
    form.append(field, file, file.name);
    xhr.send(form);
  });
}
