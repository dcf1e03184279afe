// Names for the generated API types (lib/api/*.d.ts, from the services' OpenAPI documents; npm run gen:api).
import type { components as Sync } from './sync';
import type { components as Routes } from './routes';

/** The coaching service's schemas (pages for plan, rules, coach and analyses build on these). */
export type { components as Coaching } from './coaching';

type SyncSchemas = Sync['schemas'];
type RouteSchemas = Routes['schemas'];

export type Workout = SyncSchemas['WorkoutResponse'];
/** A list row (GET /api/workouts): no metrics, laps or aliases; the detail has those. */
export type WorkoutSummary = SyncSchemas['WorkoutSummaryResponse'];
export type WorkoutSource = SyncSchemas['WorkoutSource'];
export type WorkoutMetrics = SyncSchemas['WorkoutMetricsData'];
export type Streams = SyncSchemas['StreamsResponse'];
export type ManualWorkoutRequest = SyncSchemas['ManualWorkoutRequest'];
export type SyncRun = SyncSchemas['SyncRunResponse'];
export type GarminStatus = SyncSchemas['GarminStatus'];
export type GarminLoginResponse = SyncSchemas['GarminLoginResponse'];
export type IntervalsConnection = SyncSchemas['IntervalsIcuConnectionResponse'];
export type PlanPush = SyncSchemas['PlanPushResponse'];
export type PlanPushTarget = SyncSchemas['PlanPushTargetResponse'];
export type PlanPushSession = SyncSchemas['PlanPushSessionResponse'];
export type PlanPushStatus = SyncSchemas['PlanPushStatusResponse'];
export type PushTarget = SyncSchemas['PushTarget'];

export type RouteSummary = RouteSchemas['RouteResponse'];
export type RouteDetail = RouteSchemas['RouteDetailResponse'];
export type RouteSection = RouteSchemas['SectionResponse'];
export type RoutePacing = RouteSchemas['PacingResponse'];
export type SectionKind = RouteSchemas['SectionKind'];

/** ARCHITECTURE.md §5 list shape; every PagedResultOf… in the documents has it. */
export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

/** RFC 9457 as the services write it, with the extensions the web app reads. */
export type ProblemDetails = SyncSchemas['ProblemDetails'] & {
  traceId?: string;
  errors?: Record<string, string[]>;
  code?: string;
  workoutId?: string;
  existingRouteId?: string;
  cooldownUntil?: string;
};

/**
 * POST /api/workouts/import answers through IResult, so its body is not in sync.json: this mirrors
 * services/Sync/Apis/ImportResponse.cs (keep them together).
 */
export type ImportItem = { entry: string | null; outcome: 'created' | 'merged' | 'duplicate'; workoutId: string; workout: Workout };
export type ImportResponse = { items: ImportItem[] };
