// Prompts page and AI engine calls (Coaching service; services/Coaching/Apis/PromptsApi.cs and AiCallsApi.cs).
import { json, send } from '.';
import type { Coaching } from './types';

type S = Coaching['schemas'];
export type AiAction = S['AiAction'];
export type Prompt = S['PromptResponse'];
export type PromptPage = S['PagedResultOfPromptResponse'];
export type PromptPlaceholders = S['PromptPlaceholdersResponse'];
export type AiCall = S['AiCallResponse'];
export type AiCallPage = S['PagedResultOfAiCallResponse'];
export type CoachStatus = S['CoachStatusResponse'];

export const listPrompts = (page = 1, pageSize = 200) => send<PromptPage>(`/api/coach/prompts?page=${page}&pageSize=${pageSize}`);
export const promptPlaceholders = () => send<PromptPlaceholders[]>('/api/coach/prompts/placeholders');
/** A new version for action × model; the server deactivates the previous one and refuses unknown placeholders. */
export const createPrompt = (action: AiAction, model: string, template: string) =>
  send<Prompt>('/api/coach/prompts', json('POST', { action, model, template }));
export const activatePrompt = (id: string) => send<Prompt>(`/api/coach/prompts/${id}/activate`, json('POST', {}));
export const listAiCalls = (page = 1, pageSize = 25) => send<AiCallPage>(`/api/coach/ai-calls?page=${page}&pageSize=${pageSize}`);
export const COACH_STATUS_PATH = '/api/coach/status';
export const coachStatus = () => send<CoachStatus>(COACH_STATUS_PATH);
