// Rules page calls (Coaching service, /api/coach/rules; services/Coaching/Apis/RulesApi.cs).
import { json, send } from '.';
import type { Coaching } from './types';

type S = Coaching['schemas'];
export type RuleSet = S['RuleSet'];
export type RuleParseResponse = S['RuleParseResponse'];
export type RuleSetVersion = S['RuleSetResponse'];
export type RuleSetDiff = S['RuleSetDiffResponse'];
export type RuleVersionPage = S['PagedResultOfRuleSetResponse'];

/** Parses plain words into structured rules and the phrases not understood; saves nothing. */
export const parseRules = (text: string) => send<RuleParseResponse>('/api/coach/rules/parse', json('POST', { text }));
/**
 * Saves a new version (parent = the active one). Without rules the server parses the text again (events still there
 * keep the routes attached to them); with rules (an event's course picked) they are stored as given beside the text.
 */
export const saveRules = (text: string, name?: string, rules?: RuleSet) =>
  send<RuleSetVersion>('/api/coach/rules', json('POST', { text, name: name || null, ...(rules ? { rules } : {}) }));
export const listRuleVersions = (page = 1, pageSize = 50) => send<RuleVersionPage>(`/api/coach/rules/versions?page=${page}&pageSize=${pageSize}`);
export const diffRules = (from: string, to: string) =>
  send<RuleSetDiff>(`/api/coach/rules/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
