import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLPageId } from '@tldraw/tlschema';
import * as Y from 'yjs';
import { recordsOf, workshopOf } from '../schema';
import type { Template } from './roles';
import { layOutTemplate } from './templates';

/** The id of the page every workshop's board starts with. */
export const FIRST_PAGE_ID = 'page:page' as TLPageId;

/** What a new workshop's document starts with. */
export interface BoardSeed {
  title: string;
  language: string;
  /** What the board is laid out with; blank when not given. */
  template?: Template;
}

/**
 * Lays out a new workshop's document: tldraw's document record, the first page, and the
 * workshop's facts. The server writes it once, when the workshop is created, so that no
 * participant's browser ever has to make a page (pages are the facilitator's). A template
 * lays out its gatherings, steps and frames on top, in the workshop's language.
 */
export function seedBoard(doc: Y.Doc, seed: BoardSeed): void {
  doc.transact(() => {
    const records = recordsOf(doc);
    const initial = [
      DocumentRecordType.create({ id: TLDOCUMENT_ID }),
      PageRecordType.create({ id: FIRST_PAGE_ID, name: seed.title, index: 'a1' as never }),
    ];
    for (const record of initial) {
      const fields = new Y.Map<unknown>();
      records.set(record.id, fields);
      for (const [key, value] of Object.entries(record)) fields.set(key, value);
    }
    const workshop = workshopOf(doc);
    workshop.set('title', seed.title);
    workshop.set('language', seed.language);
    const template = seed.template ?? 'blank';
    workshop.set('template', template);
    layOutTemplate(doc, template, seed.language);
  });
}
