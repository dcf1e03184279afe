// Browser-side calls for the plan on the rider's calendars (sync service: GET/PUT /api/sync/plan-push, POST …/retry).
import { json, send } from '.';
import type { PlanPush, PushTarget } from './types';

export const PLAN_PUSH_PATH = '/api/sync/plan-push';
export const planPushStatus = () => send<PlanPush>(PLAN_PUSH_PATH);

export const setPlanPush = (target: PushTarget, enabled: boolean) =>
  send<PlanPush>(`/api/sync/plan-push/${target}`, json('PUT', { enabled }));

/** Retries failed sessions now: all of them, one calendar's, or one session on one calendar. */
export const retryPlanPush = (target?: PushTarget, sessionKey?: string) =>
  send<PlanPush>('/api/sync/plan-push/retry', json('POST', { target: target ?? null, sessionKey: sessionKey ?? null }));
