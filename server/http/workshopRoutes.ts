import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { seedBoard } from '../../shared/domain/board';
import { isLanguage } from '../../shared/domain/languages';
import { isTemplate } from '../../shared/domain/roles';
import type { CreatedWorkshop, WorkshopInfo } from '../../shared/protocol/httpApi';
import { createWorkshopSchema, type CreateWorkshopBody } from '../../shared/validate/httpBodies';
import {
  authenticate, bearerToken, hashToken, newId, newJoinCode, newToken, projectorTokenFor, sameSecret, type Session,
} from '../auth';
import { JoinCodeTakenError, type WorkshopRecord } from '../storage/Storage';
import type { HttpDeps } from './deps';
import { HttpError } from './errors';
import { joinUrl, workshopUrls } from './links';

/** Default language of a new workshop: Flet is Danish-first (DOMAIN.md). */
export const DEFAULT_LANGUAGE = 'da';
/** Default template of a new workshop (CONTRACT.md). */
export const DEFAULT_TEMPLATE = 'blank';
/** Attempts at drawing an unused join code before giving up. */
const JOIN_CODE_ATTEMPTS = 10;

interface IdParams {
  id: string;
}

/** Create, read and delete workshops (CONTRACT.md, "HTTP"). */
export function workshopRoutes(deps: HttpDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: CreateWorkshopBody }>('/api/workshops', { schema: { body: createWorkshopSchema } }, async (request, reply) => {
      requireAdmin(deps, request.headers.authorization);
      const body = request.body;
      const facilitatorToken = newToken();
      const id = newId();
      const projectorToken = projectorTokenFor(facilitatorToken, id);
      const base = {
        id,
        title: body.title.trim(),
        language: isLanguage(body.language) ? body.language : DEFAULT_LANGUAGE,
        template: isTemplate(body.template) ? body.template : DEFAULT_TEMPLATE,
        createdAt: new Date().toISOString(),
      } as const;
      const tokens = [
        { hash: hashToken(facilitatorToken), workshopId: id, role: 'facilitator', participantId: null },
        { hash: hashToken(projectorToken), workshopId: id, role: 'projector', participantId: null },
      ] as const;
      const workshop = await storeWithFreshJoinCode(deps, base, [...tokens]);
      await storeFirstBoard(deps, workshop);
      deps.logger.info({ workshopId: id }, 'workshop created');
      const created: CreatedWorkshop = {
        id,
        title: workshop.title,
        joinCode: workshop.joinCode,
        facilitatorToken,
        projectorToken,
        urls: workshopUrls(deps.publicUrl(), { workshopId: id, joinCode: workshop.joinCode, facilitatorToken, projectorToken }),
      };
      return reply.status(201).send(created);
    });

    app.get<{ Params: IdParams }>('/api/workshops/:id', async (request) => {
      const token = bearerToken(request.headers.authorization);
      const session = await sessionFor(deps, token, request.params.id);
      const workshop = await deps.storage.getWorkshop(session.workshopId);
      if (!workshop) throw new HttpError('not_found', 'This workshop does not exist.');
      return describeWorkshop(deps, workshop, session, token ?? '');
    });

    app.delete<{ Params: IdParams }>('/api/workshops/:id', async (request, reply) => {
      const session = await sessionFor(deps, bearerToken(request.headers.authorization), request.params.id);
      if (session.role !== 'facilitator') throw new HttpError('forbidden', 'Only the facilitator can delete the workshop.');
      await deps.closeWorkshop(session.workshopId);
      await deps.storage.deleteWorkshop(session.workshopId);
      deps.logger.info({ workshopId: session.workshopId }, 'workshop deleted');
      return reply.status(204).send();
    });
  };
}

/** Stores the new workshop's first document (its page, facts and template), written by the server. */
async function storeFirstBoard(deps: HttpDeps, workshop: WorkshopRecord): Promise<void> {
  const doc = new Y.Doc();
  seedBoard(doc, { title: workshop.title, language: workshop.language, template: workshop.template });
  await deps.storage.appendUpdates(workshop.id, [Y.encodeStateAsUpdate(doc)], new Map([[doc.clientID, 'server']]));
  doc.destroy();
}

/** Resolves the bearer token to a session of exactly this workshop, or answers 401/404. */
export async function sessionFor(deps: HttpDeps, token: string | undefined, workshopId: string): Promise<Session> {
  if (!token) throw new HttpError('unauthorized', 'This needs the link you were given (a token is missing).');
  const session = await authenticate(deps.storage, token);
  if (!session) {
    // A token that opens nothing may still name a workshop that is gone: say so honestly.
    const exists = await deps.storage.getWorkshop(workshopId);
    throw exists
      ? new HttpError('unauthorized', 'The link you used is not valid for this workshop.')
      : new HttpError('not_found', 'This workshop does not exist.');
  }
  if (session.workshopId !== workshopId) {
    throw new HttpError('unauthorized', 'The link you used is not valid for this workshop.');
  }
  return session;
}

function requireAdmin(deps: HttpDeps, authorization: string | undefined): void {
  const admin = deps.config.adminToken;
  if (admin === undefined) return;
  const given = bearerToken(authorization);
  if (given === undefined || !sameSecret(given, admin)) {
    throw new HttpError('unauthorized', 'Creating a workshop needs the administrator token.');
  }
}

async function storeWithFreshJoinCode(
  deps: HttpDeps,
  base: Omit<WorkshopRecord, 'joinCode'>,
  tokens: Parameters<HttpDeps['storage']['createWorkshop']>[1],
): Promise<WorkshopRecord> {
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    const workshop = { ...base, joinCode: newJoinCode() };
    try {
      await deps.storage.createWorkshop(workshop, tokens);
      return workshop;
    } catch (error) {
      if (!(error instanceof JoinCodeTakenError)) throw error;
    }
  }
  throw new Error('could not draw an unused join code');
}

async function describeWorkshop(deps: HttpDeps, workshop: WorkshopRecord, session: Session, token: string): Promise<WorkshopInfo> {
  const facts: WorkshopInfo = {
    id: workshop.id,
    title: workshop.title,
    language: workshop.language,
    template: workshop.template,
    createdAt: workshop.createdAt,
    role: session.role,
  };
  if (session.role === 'facilitator') {
    const urls = workshopUrls(deps.publicUrl(), {
      workshopId: workshop.id,
      joinCode: workshop.joinCode,
      facilitatorToken: token,
      projectorToken: projectorTokenFor(token, workshop.id),
    });
    return { ...facts, joinCode: workshop.joinCode, urls };
  }
  // The projector shows the room how to join: the code and its link, never a token.
  if (session.role === 'projector') {
    return { ...facts, joinCode: workshop.joinCode, urls: { join: joinUrl(deps.publicUrl(), workshop.joinCode) } };
  }
  // The session was read from storage with its participant: no second look-up.
  if (session.role === 'participant' && session.participantId && session.group) {
    return { ...facts, participant: { id: session.participantId, name: session.name, group: session.group } };
  }
  return facts;
}
