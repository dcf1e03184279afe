// Browser-side calls to our own /api/* (the Next server adds the API key). No key ever reaches this code.
import type { ManualWorkoutRequest, Page, ProblemDetails, Workout } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `Request failed (${status})`);
  }
}

async function send<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { cache: 'no-store', ...init });
  if (response.status === 401) {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    return (await response.json()) as ProblemDetails;
  } catch {
    return null;
  }
}

export function listWorkouts(page = 1, pageSize = 50): Promise<Page<Workout>> {
  return send(`/api/workouts?page=${page}&pageSize=${pageSize}`);
}

export function logManualWorkout(request: ManualWorkoutRequest): Promise<Workout> {
  return send('/api/workouts/manual', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
}
