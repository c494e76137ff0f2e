import type { Group } from '../shared/domain/groups';
import type { Language } from '../shared/domain/languages';
import type { Template } from '../shared/domain/roles';
import type { VoteTally } from '../shared/domain/votes';
import type { CreatedWorkshop, JoinedWorkshop, WorkshopInfo } from '../shared/protocol/httpApi';

export type { CreatedWorkshop, JoinedWorkshop, WorkshopInfo, WorkshopUrls } from '../shared/protocol/httpApi';

/** A failed API call: `code` is the server's error code, or 'network'. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const err = (data ?? {}) as { error?: string; message?: string };
    throw new ApiError(response.status, err.error ?? String(response.status), err.message ?? response.statusText);
  }
  return data as T;
}

/** POST /api/workshops: the board is laid out with `template` (blank when not given). */
export function createWorkshop(title: string, language: Language, template: Template = 'blank'): Promise<CreatedWorkshop> {
  return call('POST', '/api/workshops', { title, language, template });
}

/** POST /api/join */
export function joinWorkshop(joinCode: string, name: string | undefined, group: Group): Promise<JoinedWorkshop> {
  return call('POST', '/api/join', name ? { joinCode, name, group } : { joinCode, group });
}

/** GET /api/workshops/:id */
export function fetchWorkshop(id: string, token: string): Promise<WorkshopInfo> {
  return call('GET', `/api/workshops/${encodeURIComponent(id)}`, undefined, token);
}

/** DELETE /api/workshops/:id (facilitator token): every stored byte of the workshop goes. */
export function deleteWorkshop(id: string, token: string): Promise<void> {
  return call('DELETE', `/api/workshops/${encodeURIComponent(id)}`, undefined, token);
}

/**
 * POST /api/workshops/:id/votes/:voteId/reveal (facilitator token): the server counts every
 * participant's private ballot and writes only the tally into the shared document.
 */
export function revealVote(id: string, voteId: string, token: string): Promise<{ tally: VoteTally }> {
  return call('POST', `/api/workshops/${encodeURIComponent(id)}/votes/${encodeURIComponent(voteId)}/reveal`, undefined, token);
}

/**
 * POST /api/workshops/:id/steps/:stepId/reveal (facilitator token): the server moves every
 * participant's drafts of the private step onto the board, without their names when
 * `anonymous`; answers how many notes it moved.
 */
export function revealStep(workshopId: string, stepId: string, anonymous: boolean, token: string): Promise<{ revealed: number }> {
  return call('POST', `/api/workshops/${encodeURIComponent(workshopId)}/steps/${encodeURIComponent(stepId)}/reveal`, { anonymous }, token);
}
