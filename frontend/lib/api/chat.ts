// Ask-the-coach calls (Coaching service; services/Coaching/Apis/ChatApi.cs). The answer streams as server-sent
// events through our /api proxy; lib/coach/chat-stream.mjs reads them.
import { ApiError, json, readProblem, send } from '.';
import { readChatStream, type Reply } from '../coach/chat-stream.mjs';
import type { Coaching } from './types';

type S = Coaching['schemas'];
export type ConversationSummary = S['ConversationSummary'];
export type ConversationPage = S['PagedResultOfConversationSummary'];
export type Conversation = S['ConversationResponse'];
export type ConversationMessage = S['ConversationMessageResponse'];
export type Analysis = S['AnalysisResponse'];
export type Suggestion = S['Suggestion'];
export type ApproveResponse = S['ApproveResponse'];
export type { Reply };

export const listConversations = (page = 1, pageSize = 30) => send<ConversationPage>(`/api/coach/conversations?page=${page}&pageSize=${pageSize}`);
export const getConversation = (id: string) => send<Conversation>(`/api/coach/conversations/${id}`);
export const getAnalysis = (id: string) => send<Analysis>(`/api/coach/analyses/${id}`);
/** Approves the given suggestions (all pending ones when none are given). */
export const approveAnalysis = (id: string, suggestionIds?: string[]) =>
  send<ApproveResponse>(`/api/coach/analyses/${id}/approve`, json('POST', { suggestionIds: suggestionIds ?? null }));
export const rejectAnalysis = (id: string, reason?: string) =>
  send<ApproveResponse>(`/api/coach/analyses/${id}/reject`, json('POST', { reason: reason ?? null, suggestionIds: null }));

/** Asks the coach; `onReply` sees the reply grow. Rejects with ApiError when the question is refused (400, 404). */
export async function askCoach(message: string, conversationId: string | null, onReply: (reply: Reply) => void, signal?: AbortSignal): Promise<Reply> {
  const response = await fetch('/api/coach/chat', {
    ...json('POST', { message, conversationId }),
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    cache: 'no-store',
    signal,
  });
  if (response.status === 401) {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
  }
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return readChatStream(response.body, onReply);
}
