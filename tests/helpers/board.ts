import * as Y from 'yjs';
import { FIRST_PAGE_ID } from '../../shared/domain/board';
import { GROUP_STYLES, type Group } from '../../shared/domain/groups';
import { recordsOf } from '../../shared/schema';

/**
 * Canvas records as Flet's board writes them (shared/schema.ts: one Y.Map of fields per
 * tldraw record), for tests that drive raw Yjs clients. The server validates every record
 * with tldraw's own validators, so these are real tldraw note records.
 */

export { FIRST_PAGE_ID };

/** Who a note is by: a participant (id and group), or the facilitator (null). */
export type NoteAuthor = { participantId: string; group: Group } | null;

function richText(text: string): Record<string, unknown> {
  return { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] };
}

/** A tldraw note record by `author`, in the author's group colour (yellow for the facilitator). */
export function noteRecord(id: string, text: string, author: NoteAuthor, x = 100, y = 100): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: FIRST_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: { group: author?.group ?? null, participantId: author?.participantId ?? null, gatheringId: null },
    props: {
      color: author ? GROUP_STYLES[author.group].canvasColor : 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: richText(text),
      scale: 1,
      textFirstEditedBy: null,
    },
  };
}

/** Adds a participant's note on a gathering's page, marked as written there, as the board does. */
export function addGatheringNote(doc: Y.Doc, id: string, text: string, author: { participantId: string; group: Group }, gathering: { id: string; pageId: string }): void {
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    recordsOf(doc).set(id, fields);
    const record = noteRecord(id, text, author);
    record.parentId = gathering.pageId;
    record.meta = { group: author.group, participantId: author.participantId, gatheringId: gathering.id };
    for (const [key, value] of Object.entries(record)) fields.set(key, value);
  });
}

/** Adds a note to the document in one transaction, as the board does. */
export function addNote(doc: Y.Doc, id: string, text: string, author: NoteAuthor, x = 100, y = 100): void {
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    recordsOf(doc).set(id, fields);
    for (const [key, value] of Object.entries(noteRecord(id, text, author, x, y))) fields.set(key, value);
  });
}

/** Retypes a note (its props, as typing in tldraw does). */
export function setNoteText(doc: Y.Doc, id: string, text: string): void {
  const fields = recordsOf(doc).get(id);
  if (!(fields instanceof Y.Map)) throw new Error(`no note ${id}`);
  fields.set('props', { ...(fields.get('props') as Record<string, unknown>), richText: richText(text) });
}

/** Moves a record (anyone may move a shape that is not locked). */
export function moveNote(doc: Y.Doc, id: string, x: number, y: number): void {
  const fields = recordsOf(doc).get(id);
  if (!(fields instanceof Y.Map)) throw new Error(`no note ${id}`);
  doc.transact(() => {
    fields.set('x', x);
    fields.set('y', y);
  });
}

/** Deletes a record. */
export function deleteRecord(doc: Y.Doc, id: string): void {
  recordsOf(doc).delete(id);
}

/** The plain text of a note, or undefined when the document has no such note. */
export function noteText(doc: Y.Doc, id: string): string | undefined {
  const fields = recordsOf(doc).get(id);
  if (!(fields instanceof Y.Map)) return undefined;
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { text?: unknown; content?: unknown };
    const own = typeof n.text === 'string' ? n.text : '';
    return own + (Array.isArray(n.content) ? n.content.map(walk).join('') : '');
  };
  return walk((fields.get('props') as { richText?: unknown } | undefined)?.richText);
}

/** Every note id with its text: a comparable picture of the board. */
export function notesOf(doc: Y.Doc): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const [id, fields] of recordsOf(doc).entries()) {
    if (fields instanceof Y.Map && fields.get('type') === 'note') notes[id] = noteText(doc, id) ?? '';
  }
  return notes;
}
