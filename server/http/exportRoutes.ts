import type { FastifyInstance, FastifyReply } from 'fastify';
import { isLanguage } from '../../shared/domain/languages';
import { currentFacts, narrativeMarkdown, workshopExport, type WorkshopFacts } from '../../shared/export';
import { bearerToken } from '../auth';
import type { HttpDeps } from './deps';
import { HttpError } from './errors';
import { sessionFor } from './workshopRoutes';

interface ExportParams {
  id: string;
}

interface ExportQuery {
  format?: unknown;
  gathering?: unknown;
}

/** Formats the contract names that are not built yet: answered as unsupported, not as unknown. */
const LATER_FORMATS: ReadonlySet<unknown> = new Set(['html', 'docx', 'pdf']);

/** Longest file name (before its extension), in characters. */
const MAX_FILENAME_CHARS = 80;

/**
 * A file name from a title anyone on the board may have written: letters, digits, spaces and
 * a few marks kept, everything else (quotes, slashes, control characters) dropped.
 */
export function safeFilename(title: string, extension: string): { ascii: string; unicode: string } {
  const unicode = title.normalize('NFC').replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, MAX_FILENAME_CHARS).trim() || 'workshop';
  const ascii = unicode.normalize('NFKD').replace(/[^A-Za-z0-9 ._-]+/g, '').replace(/\s+/g, ' ').trim() || 'workshop';
  return { ascii: `${ascii}.${extension}`, unicode: `${unicode}.${extension}` };
}

function attachment(reply: FastifyReply, title: string, extension: string, contentType: string): void {
  const name = safeFilename(title, extension);
  void reply.header('content-type', contentType);
  void reply.header('content-disposition', `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.unicode)}`);
  // An export is a snapshot of people's words: no cache keeps it.
  void reply.header('cache-control', 'no-store');
}

function unsupported(reply: FastifyReply, message: string): FastifyReply {
  return reply.status(400).send({ error: 'unsupported_format', message });
}

/**
 * The facilitator's exports (CONTRACT.md, "HTTP"): the whole workshop as JSON and the
 * narrative with its provenance as Markdown. The live room's document is read (loaded when
 * nobody is connected), so nothing stored but not yet loaded is missed.
 */
export function exportRoutes(deps: HttpDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: ExportParams; Querystring: ExportQuery }>('/api/workshops/:id/export', async (request, reply) => {
      const session = await sessionFor(deps, bearerToken(request.headers.authorization), request.params.id);
      if (session.role !== 'facilitator') throw new HttpError('forbidden', 'Only the facilitator can export the workshop.');
      const { format, gathering } = request.query;
      if (gathering !== undefined) return unsupported(reply, 'Reports of one gathering cannot be exported yet; leave out "gathering".');
      if (LATER_FORMATS.has(format)) return unsupported(reply, `The format "${String(format)}" is not available yet; use "json" or "md".`);
      if (format !== 'json' && format !== 'md') return unsupported(reply, 'The format must be "json" (the whole workshop) or "md" (the narrative).');
      const record = await deps.storage.getWorkshop(session.workshopId);
      if (!record) throw new HttpError('not_found', 'This workshop does not exist.');
      const stored: WorkshopFacts = {
        id: record.id,
        title: record.title,
        language: isLanguage(record.language) ? record.language : 'da',
        template: record.template,
        createdAt: record.createdAt,
      };
      const done = await deps.readWorkshop(session.workshopId, (doc) => {
        if (format === 'json') {
          const exported = workshopExport(doc, stored);
          return { body: JSON.stringify(exported, null, 2), title: exported.workshop.title };
        }
        return { body: narrativeMarkdown(doc, stored), title: currentFacts(doc, stored).title };
      });
      if (format === 'json') attachment(reply, done.title, 'json', 'application/json; charset=utf-8');
      else attachment(reply, done.title, 'md', 'text/markdown; charset=utf-8');
      return reply.send(done.body);
    });
  };
}
