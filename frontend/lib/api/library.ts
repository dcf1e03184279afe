// Browser-side calls for the workout library (coaching service, through our /api/* proxy).
import { json, send } from '.';
import type { Coaching } from './types';

type S = Coaching['schemas'];
export type LibraryWorkout = S['LibraryWorkoutResponse'];
export type Proposal = S['AnalysisResponse'];

/** A library session's file (the proxy adds the key; the browser downloads it as an attachment). */
export const libraryFileUrl = (id: string, format: 'zwo' | 'fit') => `/api/coach/workouts/library/${encodeURIComponent(id)}.${format}`;
/** Proposes the session on a day of the current plan: a pending change the rider approves on the plan page. */
export const proposeLibraryWorkout = (id: string, date: string) =>
  send<Proposal>(`/api/coach/workouts/library/${encodeURIComponent(id)}/proposals`, json('POST', { date }));
