// Athlete and bike profile calls (Coaching service, /api/coach/athlete; services/Coaching/Apis/AthleteApi.cs).
import { json, send } from '../api';
import type { Coaching } from '../types';

type S = Coaching['schemas'];
export type Athlete = S['AthleteResponse'];
export type AthleteUpdate = S['AthleteUpdateRequest'];
export type Zone = S['ZoneRange'];
export type ThresholdPeriod = S['ThresholdPeriodResponse'];

export const getAthlete = () => send<Athlete>('/api/coach/athlete');
/** Replaces the profile; changed thresholds start a new period from effectiveFrom. */
export const putAthlete = (update: AthleteUpdate) => send<Athlete>('/api/coach/athlete', json('PUT', update));
