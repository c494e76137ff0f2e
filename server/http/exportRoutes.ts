import type { FastifyInstance, FastifyReply } from 'fastify';
import * as Y from 'yjs';
import { isLanguage } from '../../shared/domain/languages';
import { gatheringExport, workshopExport, type WorkshopFacts } from '../../shared/export';
import { bearerToken } from '../auth';
import { DOCUMENT_FORMATS, ExportsBusy, FIGURE_FORMATS, makeExportFile, type DocumentFormat, type ExportedFile, type ExportWanted, type FigureFormat } from '../export';
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

/** Every format, in the order the error message lists them. */
const ALL_FORMATS: readonly string[] = ['json', ...DOCUMENT_FORMATS, ...FIGURE_FORMATS];

/** Longest file name (before its extension), in characters. */
const MAX_FILENAME_CHARS = 80;

/**
 * An exported HTML page (or SVG picture) opened straight from the server (or saved and opened later) may load
 * nothing and run nothing: its styles are inline and its pictures data: addresses.
 */
const HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

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
  void reply.header('x-content-type-options', 'nosniff');
  if (extension === 'html' || extension === 'svg') void reply.header('content-security-policy', HTML_POLICY);
}

function unsupported(reply: FastifyReply, message: string): FastifyReply {
  return reply.status(400).send({ error: 'unsupported_format', message });
}

function isDocumentFormat(format: unknown): format is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly unknown[]).includes(format);
}

function isFigureFormat(format: unknown): format is FigureFormat {
  return (FIGURE_FORMATS as readonly unknown[]).includes(format);
}

/**
 * The facilitator's exports (CONTRACT.md, "HTTP"): the whole workshop as JSON; the narrative
 * with its provenance, or with `gathering` that gathering's report, as Markdown, HTML, DOCX or
 * PDF; the weave figure as SVG or PNG. The live room's document is read (loaded when nobody is
 * connected), so nothing stored but not yet loaded is missed; every file but JSON is made in
 * the export worker from a copy of it, so a slow PDF never holds up a room.
 */
export function exportRoutes(deps: HttpDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: ExportParams; Querystring: ExportQuery }>('/api/workshops/:id/export', async (request, reply) => {
      const session = await sessionFor(deps, bearerToken(request.headers.authorization), request.params.id);
      if (session.role !== 'facilitator') throw new HttpError('forbidden', 'Only the facilitator can export the workshop.');
      const { format, gathering } = request.query;
      if (format !== 'json' && !isDocumentFormat(format) && !isFigureFormat(format)) {
        return unsupported(reply, `The format must be one of: ${ALL_FORMATS.join(', ')}.`);
      }
      if (gathering !== undefined && typeof gathering !== 'string') throw new HttpError('bad_request', 'Name one gathering at most.');
      if (gathering !== undefined && isFigureFormat(format)) {
        return unsupported(reply, 'The weave figure is the whole workshop’s; leave out "gathering".');
      }
      const record = await deps.storage.getWorkshop(session.workshopId);
      if (!record) throw new HttpError('not_found', 'This workshop does not exist.');
      const stored: WorkshopFacts = {
        id: record.id,
        title: record.title,
        language: isLanguage(record.language) ? record.language : 'da',
        template: record.template,
        createdAt: record.createdAt,
      };
      const log = deps.logger.child({ workshopId: session.workshopId, format, report: gathering !== undefined });

      // JSON is quick to make and is made here; every other file is made in the export worker
      // from a copy of the document, so a long PDF never holds up the rooms.
      let read: { json: { title: string; body: string } } | { update: Uint8Array };
      try {
        read = await deps.readWorkshop(session.workshopId, (doc) => {
          if (format !== 'json') return { update: Y.encodeStateAsUpdate(doc) };
          const exported = gathering === undefined ? workshopExport(doc, stored) : gatheringExport(doc, stored, gathering);
          if (!exported) throw new HttpError('not_found', 'This workshop has no gathering with that id.');
          const title = gathering === undefined ? exported.workshop.title : `${exported.workshop.title} - ${exported.gatherings[0].title}`;
          return { json: { title, body: JSON.stringify(exported, null, 2) } };
        });
      } catch (error) {
        if (error instanceof HttpError) throw error;
        log.error({ err: error }, 'export could not be read');
        return reply.status(500).send({ error: 'internal', message: 'The export could not be put together on the server; the error has been logged.' });
      }
      if ('json' in read) {
        attachment(reply, read.json.title, 'json', 'application/json; charset=utf-8');
        return reply.send(read.json.body);
      }

      const wanted: ExportWanted = isFigureFormat(format)
        ? { kind: 'weave', format }
        : gathering === undefined
          ? { kind: 'narrative', format: format as DocumentFormat }
          : { kind: 'report', gatheringId: gathering, format: format as DocumentFormat };
      let file: ExportedFile | null;
      try {
        file = await makeExportFile({ update: read.update, stored, wanted, now: Date.now() });
      } catch (error) {
        if (error instanceof ExportsBusy) return reply.status(503).header('retry-after', '10').send({ error: 'busy', message: error.message });
        log.error({ err: error }, 'export could not be rendered');
        return reply
          .status(500)
          .send({ error: 'internal', message: `The ${String(format).toUpperCase()} file could not be made on the server; the error has been logged.` });
      }
      if (!file) throw new HttpError('not_found', 'This workshop has no gathering with that id.');
      attachment(reply, file.title, file.extension, file.contentType);
      return reply.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
    });
  };
}
