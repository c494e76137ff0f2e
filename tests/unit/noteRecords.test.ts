import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FACILITATOR } from '../../shared/domain/identity';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { plainText } from '../../shared/domain/notes';
import { freeSpot, NOTE_GAP, spotInFrame } from '../../shared/domain/freeSpot';
import { newNoteInFrame, newNoteOnPage, NOTE_SIZE, removeNote, updateNoteText } from '../../shared/domain/noteRecords';
import { recordsOf } from '../../shared/schema';
import { recordProblem } from '../../shared/validate/records';
import { citizen, judge, politician, workshop, writeRecord } from './voicesFixtures';
import { note } from './storeFixtures';

/** The fields of a stored record these tests read. */
interface StoredRecord {
  type: string;
  parentId: string;
  x: number;
  y: number;
  index: string;
  props: { w: number; h: number; color: string; richText: unknown };
}

const record = (doc: Y.Doc, id: string) => recordsOf(doc).get(id)?.toJSON() as StoredRecord;

function overlap(a: StoredRecord, b: StoredRecord): boolean {
  return a.x < b.x + NOTE_SIZE && b.x < a.x + NOTE_SIZE && a.y < b.y + NOTE_SIZE && b.y < a.y + NOTE_SIZE;
}

describe('a note written without the canvas', () => {
  it('is a note the gate accepts from its participant, in the frame, in the group’s colour, with the canvas’s authorship', () => {
    const { doc, gathering, step } = workshop();
    let id: string | null = null;
    const refusal = judge(doc, citizen, (client) => {
      id = newNoteInFrame(client, { frameId: step.frameId!, text: 'Bevar havnen', group: 'citizen', participantId: 'p1', gatheringId: gathering.id, authorName: 'Aviaja' });
    });
    expect(refusal).toBeNull();
    const written = record(doc, id!);
    expect(written).toMatchObject({
      typeName: 'shape',
      type: 'note',
      parentId: step.frameId,
      isLocked: false,
      props: { color: GROUP_STYLES.citizen.canvasColor, textFirstEditedBy: 'participant:p1' },
      meta: { group: 'citizen', participantId: 'p1', gatheringId: gathering.id },
    });
    expect(plainText(written.props.richText)).toBe('Bevar havnen');
    expect(recordProblem(id!, written as unknown as Record<string, unknown>, null)).toBeNull();
    expect(record(doc, 'user:participant:p1')).toMatchObject({ name: 'Aviaja', color: GROUP_STYLES.citizen.hex, imageUrl: '' });
    const frame = record(doc, step.frameId!);
    expect(written.x).toBeGreaterThanOrEqual(0);
    expect(written.y).toBeGreaterThanOrEqual(0);
    expect(written.x + NOTE_SIZE).toBeLessThanOrEqual(frame.props.w);
    expect(written.y + NOTE_SIZE).toBeLessThanOrEqual(frame.props.h);
  });

  it('is refused when it claims another’s group or person', () => {
    const { doc, gathering, step } = workshop();
    expect(
      judge(doc, politician, (client) => {
        newNoteInFrame(client, { frameId: step.frameId!, text: 'Ny', group: 'citizen', participantId: 'p1', gatheringId: gathering.id });
      }),
    ).toMatchObject({ reason: 'forged-author' });
  });

  it('an anonymous participant may carry their group’s name', () => {
    const { doc, gathering, step } = workshop();
    expect(
      judge(doc, politician, (client) => {
        newNoteInFrame(client, { frameId: step.frameId!, text: 'Ny', group: 'politician', participantId: 'p2', gatheringId: gathering.id, authorName: 'Politiker' });
      }),
    ).toBeNull();
  });

  it('finds room beside the frame’s notes, one after another, none over another, above them', () => {
    const { doc, gathering, step } = workshop();
    writeRecord(doc, { ...note(undefined, 'Der før'), parentId: step.frameId, x: 24, y: 24, index: 'a5' });
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      ids.push(newNoteInFrame(doc, { frameId: step.frameId!, text: `Nr. ${n}`, group: 'politician', participantId: 'p2', gatheringId: gathering.id })!);
    }
    const all = [...recordsOf(doc).values()].map((fields) => fields.toJSON() as StoredRecord).filter((r) => r.type === 'note' && r.parentId === step.frameId);
    expect(all).toHaveLength(7);
    for (const a of all) for (const b of all) if (a !== b) expect(overlap(a, b)).toBe(false);
    for (const id of ids) {
      expect(record(doc, id).index > 'a5').toBe(true);
      expect(record(doc, id).props.color).toBe('violet');
    }
  });

  it('is yellow and nobody’s when the facilitator writes it; null for a frame that is not there', () => {
    const { doc, step } = workshop();
    let id: string | null = null;
    expect(judge(doc, FACILITATOR, (client) => (id = newNoteInFrame(client, { frameId: step.frameId!, text: 'Fra os', group: null, participantId: null, gatheringId: null })))).toBeNull();
    expect(record(doc, id!)).toMatchObject({ props: { color: 'yellow', textFirstEditedBy: null }, meta: { participantId: null, group: null } });
    expect(newNoteInFrame(doc, { frameId: 'shape:nowhere', text: 'x', group: null, participantId: null, gatheringId: null })).toBeNull();
  });

  it('keeps a given id once: writing it again changes nothing', () => {
    const { doc, step } = workshop();
    const facts = { frameId: step.frameId!, text: 'Én gang', group: 'citizen' as const, participantId: 'p1', gatheringId: null, id: 'shape:fixed' };
    expect(newNoteInFrame(doc, facts)).toBe('shape:fixed');
    const before = Y.encodeStateVector(doc);
    expect(newNoteInFrame(doc, { ...facts, text: 'To gange' })).toBe('shape:fixed');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('a free spot for a note', () => {
  const area = { w: 1200, h: 800 };

  it('is the top left corner, a gap in, when nothing is there', () => {
    expect(freeSpot([], area, NOTE_SIZE)).toEqual({ x: NOTE_GAP, y: NOTE_GAP });
  });

  it('is the next spot in the row beside what is there, then the next row', () => {
    expect(freeSpot([{ x: 30, y: 30, w: 10, h: 10 }], area, NOTE_SIZE)).toEqual({ x: NOTE_GAP + NOTE_SIZE + NOTE_GAP, y: NOTE_GAP });
    expect(freeSpot([{ x: 0, y: 0, w: 1200, h: 100 }], area, NOTE_SIZE)).toEqual({ x: NOTE_GAP, y: NOTE_GAP + NOTE_SIZE + NOTE_GAP });
  });

  it('is none in a full area; in a full frame the note stacks near the top left, further along for each shape there', () => {
    const full = [{ x: 0, y: 0, w: 1200, h: 800 }];
    expect(freeSpot(full, area, NOTE_SIZE)).toBeNull();
    expect(spotInFrame(full, area, NOTE_SIZE)).toEqual({ x: NOTE_GAP * 2, y: NOTE_GAP * 2 });
    expect(spotInFrame([...full, ...full], area, NOTE_SIZE)).toEqual({ x: NOTE_GAP * 3, y: NOTE_GAP * 3 });
  });
});

describe('a note written on the page, outside any frame', () => {
  it('is a note the gate accepts, on the page below the agenda’s frame, above the page’s shapes, with no name on it', () => {
    const { doc, gathering, step } = workshop();
    let id: string | null = null;
    const refusal = judge(doc, citizen, (client) => {
      id = newNoteOnPage(client, { pageId: gathering.pageId, text: 'Uden trin', group: 'citizen', participantId: 'p1', gatheringId: gathering.id });
    });
    expect(refusal).toBeNull();
    const written = record(doc, id!);
    expect(written).toMatchObject({
      type: 'note',
      parentId: gathering.pageId,
      props: { color: GROUP_STYLES.citizen.canvasColor, textFirstEditedBy: null },
      meta: { group: 'citizen', participantId: 'p1', gatheringId: gathering.id },
    });
    expect(plainText(written.props.richText)).toBe('Uden trin');
    expect(recordProblem(id!, written as unknown as Record<string, unknown>, null)).toBeNull();
    const frame = record(doc, step.frameId!);
    expect(written.y).toBeGreaterThanOrEqual(frame.y + frame.props.h);
    expect(written.index > frame.index).toBe(true);
  });

  it('finds room beside the page’s earlier notes, none over another', () => {
    const { doc, gathering } = workshop();
    const ids = [0, 1, 2, 3, 4, 5, 6].map((n) => newNoteOnPage(doc, { pageId: gathering.pageId, text: `Nr. ${n}`, group: null, participantId: null, gatheringId: null }));
    const all = ids.map((id) => record(doc, id));
    for (const a of all) for (const b of all) if (a !== b) expect(overlap(a, b)).toBe(false);
    expect(all[0].props.color).toBe('yellow');
  });
});

describe('editing and deleting one’s own note', () => {
  it('its writer may change its text and delete it (with an arrow’s binding to it); another may not', () => {
    const { doc, gathering, step } = workshop();
    const id = newNoteInFrame(doc, { frameId: step.frameId!, text: 'Først', group: 'citizen', participantId: 'p1', gatheringId: gathering.id })!;
    writeRecord(doc, { id: 'binding:arrow', typeName: 'binding', type: 'arrow', fromId: 'shape:arrow', toId: id, props: {}, meta: {} });
    expect(judge(doc, politician, (client) => updateNoteText(client, id, 'Overtaget'))).toMatchObject({ reason: 'not-yours' });
    expect(judge(doc, citizen, (client) => expect(updateNoteText(client, id, 'Rettet')).toBe(true))).toBeNull();
    expect(plainText(record(doc, id).props.richText)).toBe('Rettet');
    expect(judge(doc, politician, (client) => removeNote(client, id))).toMatchObject({ reason: 'not-yours' });
    expect(judge(doc, citizen, (client) => expect(removeNote(client, id)).toBe(true))).toBeNull();
    expect(recordsOf(doc).has(id)).toBe(false);
    expect(recordsOf(doc).has('binding:arrow')).toBe(false);
    expect(updateNoteText(doc, id, 'x')).toBe(false);
    expect(removeNote(doc, id)).toBe(false);
  });
});
