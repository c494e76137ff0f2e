import type * as Y from 'yjs';
import { GROUP_STYLES, type Group } from '../../shared/domain/groups';

/**
 * Writers edit real tldraw note records in Flet's document layout (shared/schema.ts: the
 * `records` map holds one Y.Map per record, fields as entries, props and meta as JSON
 * values). Flet's gate checks every update against the tldraw schema and the canvas rules
 * (shared/domain/canvasRules.ts), so each note is what a participant's browser writes: its
 * author in `meta` (client/canvas/authorship.ts) and its group's colour. The reference
 * servers accept anything and see the same bytes.
 */
const RECORDS = 'records';
const PAGE_ID = 'page:page';
const FILLER =
  'Borgerne på kysten skal høres lige så meget som Nuuk: vi prøver et fælles mødested i bygden, ' +
  'med tolk og kaffe, og samler erfaringerne i tråden om nærdemokrati inden næste samling. ';

/** About 200 characters of note text carrying the send-time marker. */
export function noteText(marker: string): string {
  return (marker + ' ' + FILLER).slice(0, Math.max(200, marker.length + 1));
}

function richText(text: string): Record<string, unknown> {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** Who writes a note: the participant and its stakeholder group. */
export interface Author {
  participantId: string;
  group: Group;
}

export function noteProps(text: string, group: Group): Record<string, unknown> {
  return {
    color: GROUP_STYLES[group].canvasColor,
    labelColor: 'black',
    size: 'm',
    font: 'draw',
    fontSizeAdjustment: null,
    align: 'middle',
    verticalAlign: 'middle',
    growY: 0,
    url: '',
    richText: richText(text),
    scale: 1,
    textFirstEditedBy: null,
  };
}

/** One note as a writer places it. */
export interface NoteSpec {
  id: string;
  x: number;
  y: number;
  /** Fractional index (stacking order). */
  index: string;
  text: string;
  author: Author;
}

/** The full record of a note, as plain fields (what tldraw's store holds). */
export function noteRecord(note: NoteSpec): Record<string, unknown> {
  return {
    id: note.id,
    typeName: 'shape',
    type: 'note',
    x: note.x,
    y: note.y,
    rotation: 0,
    index: note.index,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: noteProps(note.text, note.author.group),
    // The client's authorship order (group, participant, gathering): the same bytes as a browser.
    meta: { group: note.author.group, participantId: note.author.participantId, gatheringId: null },
  };
}

/**
 * One edit: the first touch of a note creates its record; later touches retype its text
 * (replace `props`), which is what typing into a note produces.
 */
export function writeNote(doc: Y.Doc, YMap: typeof Y.Map, note: NoteSpec): void {
  const records = doc.getMap<Y.Map<unknown>>(RECORDS);
  doc.transact(() => {
    const existing = records.get(note.id);
    if (existing === undefined) {
      const rec = new YMap<unknown>();
      for (const [k, v] of Object.entries(noteRecord(note))) rec.set(k, v);
      records.set(note.id, rec);
    } else {
      existing.set('props', noteProps(note.text, note.author.group));
    }
  });
}
