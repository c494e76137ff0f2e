import type * as Y from 'yjs';

/**
 * Writers edit real tldraw note records in Flet's document layout (shared/schema.ts: the
 * `records` map holds one Y.Map per record, fields as entries, props and meta as JSON
 * values). Flet checks updates against the tldraw schema, so a made-up map would be refused;
 * the reference servers accept anything and see the same bytes.
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

export function noteProps(text: string): Record<string, unknown> {
  return {
    color: 'yellow',
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

/** The full record of a note, as plain fields (what tldraw's store holds). */
export function noteRecord(id: string, x: number, y: number, index: string, text: string): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    index,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: noteProps(text),
    meta: {},
  };
}

/**
 * One edit: the first touch of a note creates its record; later touches retype its text
 * (replace `props`), which is what typing into a note produces.
 */
export function writeNote(doc: Y.Doc, YMap: typeof Y.Map, id: string, x: number, y: number, index: string, text: string): void {
  const records = doc.getMap<Y.Map<unknown>>(RECORDS);
  doc.transact(() => {
    const existing = records.get(id);
    if (existing === undefined) {
      const rec = new YMap<unknown>();
      for (const [k, v] of Object.entries(noteRecord(id, x, y, index, text))) rec.set(k, v);
      records.set(id, rec);
    } else {
      existing.set('props', noteProps(text));
    }
  });
}
