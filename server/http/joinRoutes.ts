import type { FastifyInstance } from 'fastify';
import { listParticipant } from '../../shared/domain/participants';
import type { JoinedWorkshop } from '../../shared/protocol/httpApi';
import { joinSchema, type JoinBody } from '../../shared/validate/httpBodies';
import { hashToken, newId, newToken, normalizeJoinCode } from '../auth';
import type { WorkshopRecord } from '../storage/Storage';
import type { HttpDeps } from './deps';
import { HttpError } from './errors';
import { WrongCodeBudget } from './WrongCodeBudget';

/** `POST /api/join`: a participant joins by code and receives a participant token. */
export function joinRoutes(deps: HttpDeps) {
  const wrongCodes = new WrongCodeBudget();
  const admissions = new KeyedQueue();

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: JoinBody }>('/api/join', { schema: { body: joinSchema } }, async (request, reply) => {
      const reservation = await wrongCodes.reserve(request.ip);
      if (!reservation.granted) {
        void reply.header('retry-after', String(Math.max(1, Math.ceil(reservation.retryAfterMs / 1000))));
        throw new HttpError('too_many_requests', 'Too many wrong codes have been tried from here. Please wait a few seconds and try again.');
      }
      const workshop = await deps.storage.findWorkshopByJoinCode(normalizeJoinCode(request.body.joinCode));
      if (!workshop) throw new HttpError('not_found', 'No workshop has this code. Check the code and try again.');
      // Counting only wrong codes keeps a full room joining from one NAT address possible.
      await reservation.refund();
      // One join of a workshop at a time, so two joins can never both take its last place.
      const joined = await admissions.run(workshop.id, () => admit(deps, workshop, request.body));
      deps.logger.info({ workshopId: workshop.id, participantId: joined.participantId }, 'participant joined');
      const listed = { name: request.body.name?.trim() || null, group: request.body.group };
      // The join stands even if the list could not be written now; it is a view of storage.
      await deps
        .changeWorkshop(workshop.id, (doc) => listParticipant(doc, joined.participantId, listed))
        .catch((error: unknown) => deps.logger.error({ err: error, workshopId: workshop.id }, 'could not list the participant'));
      return joined;
    });
  };
}

async function admit(deps: HttpDeps, workshop: WorkshopRecord, body: JoinBody): Promise<JoinedWorkshop> {
  const limit = deps.config.maxParticipants;
  if ((await deps.storage.countParticipants(workshop.id)) >= limit) {
    throw new HttpError(
      'workshop_full',
      `This workshop is full: it already has ${limit.toLocaleString('en')} participants, the most it takes. Please tell the facilitator.`,
    );
  }
  const name = body.name?.trim() || null;
  const participantId = newId();
  const token = newToken();
  await deps.storage.addParticipant(
    { id: participantId, workshopId: workshop.id, name, group: body.group, createdAt: new Date().toISOString() },
    { hash: hashToken(token), workshopId: workshop.id, role: 'participant', participantId },
  );
  return { workshopId: workshop.id, participantId, token };
}

/** Runs tasks with the same key one after another (tasks with different keys run freely). */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The last task of a key removes it, so the map holds only workshops being joined right now.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
