// Browser-side calls for plans, fitness and analyses (coaching service, through our /api/* proxy). The *Path builders
// are shared with the server render of the dashboard (lib/server/server-api.ts), so both ask the same question.
import { ApiError, json, send } from '.';
import type { Coaching, Page, ProblemDetails } from './types';

type S = Coaching['schemas'];
export type PlanVersion = S['PlanVersionResponse'];
export type PlanVersionSummary = S['PlanVersionSummary'];
export type PlanDiff = S['PlanDiffResponse'];
export type PlannedWorkout = S['PlannedWorkout'];
export type Compliance = S['ComplianceResponse'];
export type ComplianceDay = S['ComplianceDay'];
export type Fitness = S['FitnessResponse'];
export type PowerCurve = S['PowerCurveResponse'];
export type Analysis = S['AnalysisResponse'];
export type Suggestion = S['Suggestion'];
export type ApproveResult = S['ApproveResponse'];
export type PlanGenerateRequest = S['PlanGenerateRequest'];
export type Readiness = S['ReadinessResponse'];
export type DailyReadiness = S['DailyReadiness'];
export type Week = S['WeekResponse'];
export type WeekItem = S['WeekItem'];
export type WeekDecision = S['WeekDecisionResponse'];

/** A refused plan (422) lists what it broke; a conflict (409) says why in `detail`. */
export type PlanProblem = ProblemDetails & { violations?: string[] };

/** null for a 404 (no current plan, nothing found) instead of an error. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const query = (params: Record<string, string | number | null | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '').map(([k, v]) => [k, String(v)])).toString();

// Plans
export const CURRENT_PLAN_PATH = '/api/coach/plans/current';
export const currentPlan = () => orNull(send<PlanVersion>(CURRENT_PLAN_PATH));
/** How many versions a page of the plan page's history holds. */
export const VERSIONS_PAGE = 50;
export const planVersionsPath = (page = 1, pageSize = VERSIONS_PAGE) => `/api/coach/plans/versions?${query({ page, pageSize })}`;
export const planVersions = (page = 1, pageSize = VERSIONS_PAGE) => send<Page<PlanVersionSummary>>(planVersionsPath(page, pageSize));
export const planVersion = (id: string) => send<PlanVersion>(`/api/coach/plans/${id}`);
export const planDiff = (from: string, to: string) => send<PlanDiff>(`/api/coach/plans/diff?${query({ from, to })}`);
export const compliancePath = (from?: string, to?: string) => `/api/coach/plans/current/compliance?${query({ from, to })}`;
export const compliance = (from?: string, to?: string) => orNull(send<Compliance>(compliancePath(from, to)));
export const generatePlan = (request: PlanGenerateRequest) => send<PlanVersion>('/api/coach/plans/generate', json('POST', request));
export const undoPlan = () => send<PlanVersion>('/api/coach/plans/undo', json('POST', {}));
export const createCalendarFeed = () => send<S['CalendarFeedResponse']>('/api/coach/plans/calendar', json('POST', {}));
export const revokeCalendarFeed = () => send<void>('/api/coach/plans/calendar', { method: 'DELETE' });
/** A planned session's file (the proxy adds the key; the browser downloads it as an attachment). */
export const sessionFileUrl = (date: string, index: number, format: 'zwo' | 'fit') => `/api/coach/plans/current/days/${date}/workouts/${index}.${format}`;
/**
 * The public iCal address a calendar app subscribes to: the web app's /ical/<secret>.ics, which passes it to the
 * gateway without a session (the secret in the URL is the credential; see app/ical).
 */
export const publicCalendarUrl = (feedPath: string, origin: string) => `${origin}/ical/${feedPath.split('/').pop()}`;

// Fitness
export const fitnessPath = (from?: string, to?: string) => `/api/coach/fitness?${query({ from, to })}`;
export const fitness = (from?: string, to?: string) => send<Fitness>(fitnessPath(from, to));
export const powerCurve = () => send<PowerCurve>('/api/coach/fitness/power-curve');
/** Per-day readiness from wellness; days without wellness are absent. */
export const readiness = (from?: string, to?: string) => send<Readiness>(`/api/coach/readiness?${query({ from, to })}`);

// Analyses
type AnalysesQuery = { status?: string; type?: string; workoutId?: string; page?: number; pageSize?: number };
export const analysesPath = (params: AnalysesQuery) => `/api/coach/analyses?${query(params)}`;
export const analyses = (params: AnalysesQuery) => send<Page<Analysis>>(analysesPath(params));
export const analyzeWorkout = (workoutId: string) => send<Analysis>(`/api/coach/workouts/${workoutId}/analyze`, json('POST', {}));
/** Approve all pending suggestions (ids omitted) or the chosen ones. */
export const approveAnalysis = (id: string, suggestionIds?: string[]) =>
  send<ApproveResult>(`/api/coach/analyses/${id}/approve`, json('POST', { suggestionIds: suggestionIds ?? null }));
export const rejectAnalysis = (id: string, reason: string | null, suggestionIds?: string[]) =>
  send<ApproveResult>(`/api/coach/analyses/${id}/reject`, json('POST', { reason, suggestionIds: suggestionIds ?? null }));

// A week at a glance: every pending suggestion of the Monday–Sunday week, approved (one new plan version) or rejected at once.
export const weekPath = (monday: string) => `/api/coach/analyses/week/${monday}`;
export const week = (monday: string) => send<Week>(weekPath(monday));
export const approveWeek = (monday: string) => send<WeekDecision>(`${weekPath(monday)}/approve`, json('POST', {}));
export const rejectWeek = (monday: string, reason: string | null) => send<WeekDecision>(`${weekPath(monday)}/reject`, json('POST', { reason }));
