import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  toRichText,
  type TLNoteShape,
  type TLRecord,
  type TLShapeId,
  type TLStore,
} from 'tldraw';

/** A store with tldraw's default shapes, as the board uses. */
export function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

export const PAGE_ID = PageRecordType.createId('page');

/** The document and page records every board has. */
export function baseRecords(): TLRecord[] {
  return [DocumentRecordType.create({ id: TLDOCUMENT_ID }), PageRecordType.create({ id: PAGE_ID, name: 'Page 1', index: 'a1' as never })];
}

/** A note shape record, as tldraw's note tool would make it. */
export function note(id: TLShapeId = createShapeId(), text = ''): TLNoteShape {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    parentId: PAGE_ID,
    index: 'a1' as TLNoteShape['index'],
    x: 100,
    y: 100,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: { group: 'citizen', participantId: 'p1', gatheringId: null },
    props: {
      color: 'orange',
      richText: toRichText(text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textFirstEditedBy: null,
    },
  } as TLNoteShape;
}

/** Plain text of a note's rich text. */
export function noteText(shape: TLNoteShape | undefined): string {
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { text?: string; content?: unknown[] };
    return (n.text ?? '') + (n.content ?? []).map(walk).join('');
  };
  return walk(shape?.props.richText);
}
