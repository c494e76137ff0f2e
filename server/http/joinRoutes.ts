import type { FastifyInstance } from 'fastify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { JoinedWorkshop } from '../../shared/protocol/httpApi';
import { joinSchema, type JoinBody } from '../../shared/validate/httpBodies';
import { hashToken, newId, newToken, normalizeJoinCode } from '../auth';
import type { HttpDeps } from './deps';
import { HttpError } from './errors';

/**
 * Wrong join codes one address may try per window before it must wait. A room on venue Wi-Fi
 * shares one public address and people mistype, so the limit is generous: a code has about
 * 34 bits, and 100 guesses per ten minutes leave guessing one hopeless.
 */
export const WRONG_CODES_PER_WINDOW = 100;
/** Length of the wrong-code window. */
export const WRONG_CODE_WINDOW_SECONDS = 10 * 60;

/** `POST /api/join`: a participant joins by code and receives a participant token. */
export function joinRoutes(deps: HttpDeps) {
  const wrongCodes = new RateLimiterMemory({ points: WRONG_CODES_PER_WINDOW, duration: WRONG_CODE_WINDOW_SECONDS });

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: JoinBody }>('/api/join', { schema: { body: joinSchema } }, async (request) => {
      const address = request.ip;
      const spent = await wrongCodes.get(address);
      if (spent && spent.consumedPoints >= WRONG_CODES_PER_WINDOW) {
        throw new HttpError('too_many_requests', 'Too many wrong codes; please wait a few minutes and try again.');
      }
      const workshop = await deps.storage.findWorkshopByJoinCode(normalizeJoinCode(request.body.joinCode));
      if (!workshop) {
        // Counting only wrong codes keeps a full room joining from one NAT address possible.
        await wrongCodes.penalty(address, 1);
        throw new HttpError('not_found', 'No workshop has this code. Check the code and try again.');
      }
      const name = request.body.name?.trim() || null;
      const participantId = newId();
      const token = newToken();
      await deps.storage.addParticipant(
        { id: participantId, workshopId: workshop.id, name, group: request.body.group, createdAt: new Date().toISOString() },
        { hash: hashToken(token), workshopId: workshop.id, role: 'participant', participantId },
      );
      deps.logger.info({ workshopId: workshop.id, participantId }, 'participant joined');
      const joined: JoinedWorkshop = { workshopId: workshop.id, participantId, token };
      return joined;
    });
  };
}
