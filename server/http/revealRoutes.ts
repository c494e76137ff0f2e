import type { FastifyInstance } from 'fastify';
import { bearerToken } from '../auth';
import type { RevealRefusal } from '../rooms/reveal';
import type { HttpDeps } from './deps';
import { HttpError } from './errors';
import { sessionFor } from './workshopRoutes';

interface StepParams {
  id: string;
  stepId: string;
}

interface VoteParams {
  id: string;
  voteId: string;
}

/** What each refusal of a reveal answers. */
function refusalError(refusal: RevealRefusal): HttpError {
  switch (refusal) {
    case 'unknown_step':
      return new HttpError('not_found', 'This step does not exist in the workshop.');
    case 'unknown_vote':
      return new HttpError('not_found', 'This vote does not exist in the workshop.');
    case 'not_private':
      return new HttpError('not_private', 'This step is not private: its notes are on the board already.');
    case 'already_revealed':
      return new HttpError('already_revealed', 'This has been revealed already.');
    case 'no_frame':
      return new HttpError('no_frame', 'This step has no frame on the board to put its notes in, so they stay private for now.');
  }
}

/** `{"anonymous": true|false}`, read after the token (a stranger learns nothing of the body's shape). */
function anonymousOf(body: unknown): boolean {
  const anonymous = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).anonymous : undefined;
  if (typeof anonymous !== 'boolean') {
    throw new HttpError('invalid_body', 'The field "anonymous" must be true (reveal without names) or false (with names).');
  }
  return anonymous;
}

/**
 * The facilitator's reveals: a private step's drafts become notes on the board, a vote's
 * ballots become its tally. Both read every participant's private document on the server.
 */
export function revealRoutes(deps: HttpDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Params: StepParams }>('/api/workshops/:id/steps/:stepId/reveal', async (request) => {
      const workshopId = await facilitatorOf(deps, request.headers.authorization, request.params.id, 'reveal the notes of a step');
      const outcome = await deps.reveals.step(workshopId, request.params.stepId, anonymousOf(request.body));
      if ('refusal' in outcome) throw refusalError(outcome.refusal);
      return { revealed: outcome.revealed };
    });

    // No body is needed; whatever is sent is not read.
    app.post<{ Params: VoteParams }>('/api/workshops/:id/votes/:voteId/reveal', async (request) => {
      const workshopId = await facilitatorOf(deps, request.headers.authorization, request.params.id, 'reveal a vote');
      const outcome = await deps.reveals.vote(workshopId, request.params.voteId);
      if ('refusal' in outcome) throw refusalError(outcome.refusal);
      return { tally: outcome.tally };
    });
  };
}

/** The workshop's id when the bearer token is its facilitator's; 401 for a wrong token, 403 for another role. */
async function facilitatorOf(deps: HttpDeps, authorization: string | undefined, workshopId: string, what: string): Promise<string> {
  const session = await sessionFor(deps, bearerToken(authorization), workshopId);
  if (session.role !== 'facilitator') throw new HttpError('forbidden', `Only the facilitator can ${what}.`);
  return session.workshopId;
}
