import type { FastifyInstance, FastifyReply } from 'fastify';
import type * as Y from 'yjs';
import { isLanguage } from '../../shared/domain/languages';
import { readNarrative } from '../../shared/domain/narrative';
import { threadsOf } from '../../shared/domain/threads';
import { currentFacts, gatheringExport, workshopExport, type WorkshopFacts } from '../../shared/export';
import type { ExportDocument, WeaveFigure } from '../../shared/export/exportDocument';
import { weaveFigureOf } from '../../shared/export/exportParts';
import { exportWords } from '../../shared/export/exportWords';
import { exportedNotes } from '../../shared/export/workshopJson';
import { gatheringReport } from '../../shared/export/gatheringReport';
import { narrativeDocument } from '../../shared/export/narrativeDocument';
import { bearerToken } from '../auth';
import { DOCUMENT_FORMATS, renderDocument, renderWeave, type DocumentFormat } from '../export';
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

/** The weave view alone, as a picture. */
const FIGURE_FORMATS = ['svg', 'png'] as const;
type FigureFormat = (typeof FIGURE_FORMATS)[number];

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

/** The weave figure as the narrative and the reports show it, in the workshop's language. */
function figureOf(doc: Y.Doc, facts: WorkshopFacts): WeaveFigure {
  const { language } = currentFacts(doc, facts);
  return weaveFigureOf(doc, exportedNotes(doc), threadsOf(doc), readNarrative(doc).sections, language, exportWords(language));
}

/** What one request asks for, read from the document inside the room, rendered outside it. */
type Prepared =
  | { kind: 'json'; title: string; body: string }
  | { kind: 'document'; title: string; document: ExportDocument; format: DocumentFormat }
  | { kind: 'figure'; title: string; figure: WeaveFigure; format: FigureFormat };

/**
 * The facilitator's exports (CONTRACT.md, "HTTP"): the whole workshop as JSON; the narrative
 * with its provenance, or with `gathering` that gathering's report, as Markdown, HTML, DOCX or
 * PDF; the weave figure as SVG or PNG. The live room's document is read (loaded when nobody is
 * connected), so nothing stored but not yet loaded is missed; the files are made after the
 * read, so a slow PDF never holds the room.
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
      const now = Date.now();

      let prepared: Prepared;
      try {
        prepared = await deps.readWorkshop(session.workshopId, (doc): Prepared => {
          const title = currentFacts(doc, stored).title;
          if (format === 'json' && gathering !== undefined) {
            const exported = gatheringExport(doc, stored, gathering);
            if (!exported) throw new HttpError('not_found', 'This workshop has no gathering with that id.');
            return { kind: 'json', title: `${exported.workshop.title} - ${exported.gatherings[0].title}`, body: JSON.stringify(exported, null, 2) };
          }
          if (format === 'json') {
            const exported = workshopExport(doc, stored);
            return { kind: 'json', title: exported.workshop.title, body: JSON.stringify(exported, null, 2) };
          }
          if (gathering !== undefined) {
            const report = gatheringReport(doc, stored, gathering, now);
            if (!report) throw new HttpError('not_found', 'This workshop has no gathering with that id.');
            // A report's title is its gathering's.
            return { kind: 'document', title: `${title} - ${report.title}`, document: report, format: format as DocumentFormat };
          }
          if (isFigureFormat(format)) return { kind: 'figure', title: `${title} - weave`, figure: figureOf(doc, stored), format };
          return { kind: 'document', title, document: narrativeDocument(doc, stored, now), format };
        });
      } catch (error) {
        if (error instanceof HttpError) throw error;
        log.error({ err: error }, 'export could not be built');
        return reply.status(500).send({ error: 'internal', message: 'The export could not be put together on the server; the error has been logged.' });
      }

      if (prepared.kind === 'json') {
        attachment(reply, prepared.title, 'json', 'application/json; charset=utf-8');
        return reply.send(prepared.body);
      }
      try {
        const file = prepared.kind === 'figure' ? await renderWeave(prepared.figure, prepared.format) : await renderDocument(prepared.document, prepared.format);
        attachment(reply, prepared.title, file.extension, file.contentType);
        return reply.send(file.body);
      } catch (error) {
        log.error({ err: error }, 'export could not be rendered');
        void reply.removeHeader('content-disposition');
        void reply.header('content-type', 'application/json; charset=utf-8');
        return reply
          .status(500)
          .send({ error: 'internal', message: `The ${prepared.format.toUpperCase()} file could not be made on the server; the error has been logged.` });
      }
    });
  };
}
