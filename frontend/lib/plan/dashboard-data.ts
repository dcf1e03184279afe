// What the dashboard's cards ask for, shared by the server render (app/(shell)/page.tsx) and the cards' own
// refreshes, so both ask the same question. Not a client module: the server page calls these functions.
import type { Analysis, Compliance, Fitness } from '../api/plan';
import { addDays, mondayOf } from './plan-data.mjs';
import type { Page, WorkoutSummary } from '../api/types';
import type { Loaded } from '../api/use-load';

export const RIDES_QUERY = 'page=1&pageSize=10';
export const WAITING_QUERY = { status: 'ready', pageSize: 20 };

/** Monday to Sunday of the week holding `today`. */
export function weekOf(today: string): { monday: string; sunday: string } {
  const monday = mondayOf(today);
  return { monday, sunday: addDays(monday, 6) };
}

/** The fitness chart's first day: 90 days back. */
export const fitnessFrom = (today: string) => addDays(today, -90);

/** The cards' first data, read on the server; each card shows its own error state when its read failed. */
export type DashboardInitial = {
  rides: Loaded<Page<WorkoutSummary>>;
  week: Loaded<Compliance | null>;
  waiting: Loaded<Page<Analysis>>;
  fitness: Loaded<Fitness>;
};
