import { PageRecordType, type TLPageId } from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import * as Y from 'yjs';
import { gatheringsMapOf, liveOf, recordsOf } from '../schema';
import { newId, orderKeysAfter, ordersForMove } from './ids';
import { processNotesOf, type ProcessNote } from './notes';

/** One gathering of the process: a live session at one place and time, with its own page. */
export interface Gathering {
  id: string;
  title: string;
  /** The town or venue (Nuuk, Tasiilaq…), or null when not yet set. */
  place: string | null;
  /** The day, as YYYY-MM-DD, or null. */
  date: string | null;
  /** The tldraw page that is this gathering's board. */
  pageId: string;
  /** Fractional index: gatherings are shown in this order. */
  order: string;
  /** A removed gathering that holds notes is archived, never erased. */
  archived: boolean;
}

/** What the facilitator gives a gathering. */
export interface GatheringFacts {
  title: string;
  place?: string | null;
  date?: string | null;
}

/** Longest gathering title and place, in characters. */
export const MAX_GATHERING_TITLE_CHARS = 120;
export const MAX_GATHERING_PLACE_CHARS = 120;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why gathering facts are not acceptable, or null when they are. */
export function gatheringFactsProblem(facts: Partial<GatheringFacts>): 'title' | 'place' | 'date' | null {
  if (facts.title !== undefined && (typeof facts.title !== 'string' || !facts.title.trim() || facts.title.length > MAX_GATHERING_TITLE_CHARS)) {
    return 'title';
  }
  if (facts.place !== undefined && facts.place !== null && (typeof facts.place !== 'string' || facts.place.length > MAX_GATHERING_PLACE_CHARS)) {
    return 'place';
  }
  if (facts.date !== undefined && facts.date !== null && (typeof facts.date !== 'string' || !DATE.test(facts.date))) return 'date';
  return null;
}

function gatheringFrom(id: string, fields: Y.Map<unknown>): Gathering | null {
  const title = fields.get('title');
  const pageId = fields.get('pageId');
  if (typeof title !== 'string' || typeof pageId !== 'string') return null;
  const place = fields.get('place');
  const date = fields.get('date');
  const order = fields.get('order');
  return {
    id,
    title,
    place: typeof place === 'string' && place ? place : null,
    date: typeof date === 'string' && date ? date : null,
    pageId,
    order: typeof order === 'string' ? order : 'a0',
    archived: fields.get('archived') === true,
  };
}

/** Every gathering, archived ones too, in the facilitator's order. */
export function gatheringsOf(doc: Y.Doc): Gathering[] {
  const list: Gathering[] = [];
  gatheringsMapOf(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) return;
    const gathering = gatheringFrom(id, fields);
    if (gathering) list.push(gathering);
  });
  return list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}

/** The gatherings that are not archived, in order. */
export function activeGatheringsOf(doc: Y.Doc): Gathering[] {
  return gatheringsOf(doc).filter((gathering) => !gathering.archived);
}

/** One gathering by id. */
export function gatheringOf(doc: Y.Doc, id: string): Gathering | undefined {
  const fields = gatheringsMapOf(doc).get(id);
  return fields instanceof Y.Map ? (gatheringFrom(id, fields) ?? undefined) : undefined;
}

/** The gathering whose board is `pageId`. */
export function gatheringOfPage(doc: Y.Doc, pageId: string | null): Gathering | undefined {
  if (!pageId) return undefined;
  return gatheringsOf(doc).find((gathering) => gathering.pageId === pageId);
}

/**
 * The gathering a note belongs to: the one its meta names (kept when the note is moved or
 * imported), else the one whose page it is on (notes written before the page had a gathering).
 */
export function gatheringOfNote(doc: Y.Doc, note: Pick<ProcessNote, 'gatheringId' | 'pageId'>): Gathering | undefined {
  return (note.gatheringId ? gatheringOf(doc, note.gatheringId) : undefined) ?? gatheringOfPage(doc, note.pageId);
}

/**
 * The gathering everyone opens on: the facilitator's current one, else (none chosen, or it was
 * archived meanwhile) the first that is not archived; null when there is none.
 */
export function currentGatheringId(doc: Y.Doc): string | null {
  const id = liveOf(doc).get('gatheringId');
  const current = typeof id === 'string' ? gatheringOf(doc, id) : undefined;
  return current && !current.archived ? current.id : (activeGatheringsOf(doc)[0]?.id ?? null);
}

/** Make `id` the gathering everyone opens on; nothing happens for an unknown or archived one. */
export function setCurrentGathering(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const gathering = gatheringOf(doc, id);
    if (gathering && !gathering.archived) liveOf(doc).set('gatheringId', id);
  });
}

/** Pages of the board, by id, with their index. */
function pagesOf(doc: Y.Doc): Array<{ id: string; index: string }> {
  const pages: Array<{ id: string; index: string }> = [];
  recordsOf(doc).forEach((record, id) => {
    if (record instanceof Y.Map && record.get('typeName') === 'page') {
      const index = record.get('index');
      pages.push({ id, index: typeof index === 'string' ? index : 'a1' });
    }
  });
  return pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
}

function writeRecord(doc: Y.Doc, record: { id: string }): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set(record.id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

/**
 * Adds a gathering at the end, with a page of its own. The first gathering of a workshop
 * takes the board's page that no gathering has yet (the page every workshop starts with), so
 * what was written there before belongs to it. The first gathering becomes the current one.
 */
export function addGathering(doc: Y.Doc, facts: GatheringFacts): Gathering {
  const problem = gatheringFactsProblem(facts);
  if (problem) throw new Error(`invalid gathering ${problem}`);
  const id = newId('gathering');
  let created!: Gathering;
  doc.transact(() => {
    const existing = gatheringsOf(doc);
    const claimed = new Set(existing.map((gathering) => gathering.pageId));
    const pages = pagesOf(doc);
    const free = existing.length === 0 ? pages.find((page) => !claimed.has(page.id)) : undefined;
    let pageId: string;
    if (free) {
      pageId = free.id;
      recordsOf(doc).get(pageId)?.set('name', facts.title.trim());
    } else {
      pageId = PageRecordType.createId();
      const last = pages.at(-1)?.index as IndexKey | undefined;
      writeRecord(doc, PageRecordType.create({ id: pageId as TLPageId, name: facts.title.trim(), index: getIndexAbove(last) }));
    }
    const [order] = orderKeysAfter(existing.at(-1)?.order ?? null, 1);
    const fields = new Y.Map<unknown>();
    gatheringsMapOf(doc).set(id, fields);
    created = { id, title: facts.title.trim(), place: facts.place?.trim() || null, date: facts.date || null, pageId, order, archived: false };
    for (const [key, value] of Object.entries(created)) if (key !== 'id') fields.set(key, value);
    if (!liveOf(doc).get('gatheringId') || existing.length === 0) liveOf(doc).set('gatheringId', id);
  });
  return created;
}

/** Renames a gathering or changes its place or date; its page takes the new title. */
export function updateGathering(doc: Y.Doc, id: string, facts: Partial<GatheringFacts>): void {
  const problem = gatheringFactsProblem(facts);
  if (problem) throw new Error(`invalid gathering ${problem}`);
  doc.transact(() => {
    const fields = gatheringsMapOf(doc).get(id);
    if (!(fields instanceof Y.Map)) return;
    if (facts.title !== undefined) {
      fields.set('title', facts.title.trim());
      const page = recordsOf(doc).get(String(fields.get('pageId')));
      page?.set('name', facts.title.trim());
    }
    if (facts.place !== undefined) fields.set('place', facts.place?.trim() || null);
    if (facts.date !== undefined) fields.set('date', facts.date || null);
  });
}

/**
 * Moves a gathering one place earlier (-1) or later (+1) among those not archived. When two
 * share a place (added at once from two tabs), their order is numbered afresh.
 */
export function moveGathering(doc: Y.Doc, id: string, direction: -1 | 1): void {
  doc.transact(() => {
    const list = activeGatheringsOf(doc);
    const at = list.findIndex((gathering) => gathering.id === id);
    const target = at + direction;
    if (at < 0 || target < 0 || target >= list.length) return;
    const orders = ordersForMove(list.map((gathering) => gathering.order), at, target);
    for (const [index, order] of orders) gatheringsMapOf(doc).get(list[index].id)?.set('order', order);
  });
}

/**
 * Removes a gathering: one that holds notes is archived (its notes, page and threads stay,
 * and it can be brought back); an empty one is erased with its page.
 */
export function removeGathering(doc: Y.Doc, id: string): 'archived' | 'removed' {
  let outcome: 'archived' | 'removed' = 'removed';
  doc.transact(() => {
    const gathering = gatheringOf(doc, id);
    if (!gathering) return;
    const hasNotes = processNotesOf(doc).some((note) => gatheringOfNote(doc, note)?.id === id);
    const records = recordsOf(doc);
    let pageHasShapes = false;
    records.forEach((record) => {
      if (record instanceof Y.Map && record.get('typeName') === 'shape' && record.get('parentId') === gathering.pageId) pageHasShapes = true;
    });
    const otherPages = pagesOf(doc).filter((page) => page.id !== gathering.pageId);
    if (hasNotes || pageHasShapes || otherPages.length === 0) {
      gatheringsMapOf(doc).get(id)?.set('archived', true);
      outcome = 'archived';
    } else {
      gatheringsMapOf(doc).delete(id);
      records.delete(gathering.pageId);
    }
    if (liveOf(doc).get('gatheringId') === id) {
      const next = activeGatheringsOf(doc).find((other) => other.id !== id);
      if (next) liveOf(doc).set('gatheringId', next.id);
      else liveOf(doc).delete('gatheringId');
    }
  });
  return outcome;
}

/** Brings an archived gathering back. */
export function restoreGathering(doc: Y.Doc, id: string): void {
  doc.transact(() => gatheringsMapOf(doc).get(id)?.set('archived', false));
}
