import type { FastifyInstance } from 'fastify';
import { bearerToken } from '../auth';
import {
  describeImportProblem, statementsFromCsv, statementsFromJson, writeStatements, type ImportOutcome, type ImportProblem,
} from '../../shared/domain/statements';
import type { HttpDeps } from './deps';
import { HttpError } from './errors';
import { sessionFor } from './workshopRoutes';

/**
 * Largest import file. 2,000 statements of a few hundred characters fit well; a larger body is
 * refused (413) from its Content-Length, or as soon as more arrives, before it is read whole.
 */
export const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

interface IdParams {
  id: string;
}

/** The 400 answer of a malformed file: the contract's shape, with the problem for the interface to say in its language. */
export interface InvalidImportBody {
  error: 'invalid_import';
  message: string;
  problem: ImportProblem;
}

/**
 * The facilitator's import of statements collected before the workshop (JSON or CSV). The
 * file is read against the live document and written in the same server change, so a
 * gathering named in it cannot vanish in between; nothing is written when any line is wrong.
 */
export function importRoutes(deps: HttpDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // Only this plugin's routes read CSV (Fastify's parsers are scoped to the plugin).
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    // Any other type of body is refused in words that fit a file upload, before it is read.
    app.addContentTypeParser('*', (_request, _payload, done) =>
      done(new HttpError('unsupported_media_type', 'The file must be CSV (Content-Type: text/csv) or JSON (application/json).'), undefined),
    );

    app.post<{ Params: IdParams }>('/api/workshops/:id/import', { bodyLimit: IMPORT_LIMIT_BYTES }, async (request, reply) => {
      const session = await sessionFor(deps, bearerToken(request.headers.authorization), request.params.id);
      if (session.role !== 'facilitator') throw new HttpError('forbidden', 'Only the facilitator can import statements.');
      const isCsv = typeof request.body === 'string';
      let outcome: ImportOutcome | null = null;
      await deps.changeWorkshop(session.workshopId, (doc) => {
        outcome = isCsv ? statementsFromCsv(doc, request.body as string) : statementsFromJson(doc, request.body);
        if ('statements' in outcome) writeStatements(doc, outcome.statements);
      });
      const done = outcome as ImportOutcome | null;
      if (!done) throw new Error('the import did not run');
      if ('problem' in done) {
        const body: InvalidImportBody = { error: 'invalid_import', message: describeImportProblem(done.problem), problem: done.problem };
        return reply.status(400).send(body);
      }
      deps.logger.info({ workshopId: session.workshopId, imported: done.statements.length }, 'statements imported');
      return { imported: done.statements.length };
    });
  };
}
