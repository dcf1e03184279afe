// Athlete and bike profile calls (Coaching service, /api/coach/athlete; services/Coaching/Apis/AthleteApi.cs).
import { json, send } from '.';
import type { Coaching } from './types';

type S = Coaching['schemas'];
export type Athlete = S['AthleteResponse'];
export type AthleteUpdate = S['AthleteUpdateRequest'];
export type Zone = S['ZoneRange'];
export type ThresholdPeriod = S['ThresholdPeriodResponse'];
export type EarlierRides = S['EarlierRidesResponse'];

export const getAthlete = () => send<Athlete>('/api/coach/athlete');
/** Replaces the profile; changed thresholds start a new period from effectiveFrom. */
export const putAthlete = (update: AthleteUpdate) => send<Athlete>('/api/coach/athlete', json('PUT', update));
/** How many earlier rides a first FTP / LTHR from this date would also apply to (the first period reaches back). */
export const getEarlierRides = (effectiveFrom: string) =>
  send<EarlierRides>(`/api/coach/athlete/earlier-rides?effectiveFrom=${encodeURIComponent(effectiveFrom)}`);
