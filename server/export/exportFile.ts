import * as Y from 'yjs';
import { readNarrative } from '../../shared/domain/narrative';
import { threadsOf } from '../../shared/domain/threads';
import { currentFacts, type WorkshopFacts } from '../../shared/export';
import { weaveFigureOf } from '../../shared/export/exportParts';
import { exportWords } from '../../shared/export/exportWords';
import { gatheringReport } from '../../shared/export/gatheringReport';
import { narrativeDocument } from '../../shared/export/narrativeDocument';
import { exportedNotes } from '../../shared/export/workshopJson';
import type { DocumentFormat, FigureFormat } from './formats';
import { renderDocument, renderWeave } from './render';

/**
 * One export file, made from a copy of the workshop's document: the export worker's task
 * (exportPool.ts). It runs off the server's main thread because a report of a big process
 * takes seconds of CPU to lay out as PDF or DOCX, and the rooms must not wait for it.
 */

/** What is asked for: the narrative, a gathering's report or the weave figure, in a format. */
export type ExportWanted =
  | { kind: 'narrative'; format: DocumentFormat }
  | { kind: 'report'; gatheringId: string; format: DocumentFormat }
  | { kind: 'weave'; format: FigureFormat };

export interface ExportTask {
  /** The whole document as one Yjs update, taken inside the room. */
  update: Uint8Array;
  stored: WorkshopFacts;
  wanted: ExportWanted;
  /** The moment of the export, for "Exported 1 December 2026". */
  now: number;
}

export interface ExportedFile {
  /** What the file is named after (before its extension). */
  title: string;
  body: Uint8Array | string;
  contentType: string;
  extension: string;
}

/** The file, or null when the report's gathering does not exist. */
export default async function exportFile(task: ExportTask): Promise<ExportedFile | null> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, task.update);
  const { stored, wanted, now } = task;
  const facts = currentFacts(doc, stored);
  if (wanted.kind === 'weave') {
    const figure = weaveFigureOf(doc, exportedNotes(doc), threadsOf(doc), readNarrative(doc).sections, facts.language, exportWords(facts.language));
    return { title: `${facts.title} - weave`, ...(await renderWeave(figure, wanted.format)) };
  }
  if (wanted.kind === 'report') {
    const report = gatheringReport(doc, stored, wanted.gatheringId, now);
    // A report is named after the workshop and its gathering.
    return report ? { title: `${facts.title} - ${report.title}`, ...(await renderDocument(report, wanted.format)) } : null;
  }
  return { title: facts.title, ...(await renderDocument(narrativeDocument(doc, stored, now), wanted.format)) };
}
