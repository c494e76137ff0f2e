import type { TLShapeId } from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { setHidden } from '../../shared/domain/moderation';
import { listParticipant } from '../../shared/domain/participants';
import { representationOf } from '../../shared/domain/representation';
import { recordsOf } from '../../shared/schema';
import { baseRecords, note } from './storeFixtures';

function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  for (const record of baseRecords()) writeRecord(doc, record);
  return doc;
}

let counter = 0;
function addNote(doc: Y.Doc, pageId: string, group: Group | null, gatheringId: string | null = null): string {
  const id = `shape:note${++counter}`;
  writeRecord(doc, { ...note(id as TLShapeId, `Note ${id}`), parentId: pageId, meta: { group, participantId: group ? `p-${group}` : null, gatheringId } });
  return id;
}

const countOf = (representation: ReturnType<typeof representationOf>, group: Group) =>
  representation.groups.find((entry) => entry.group === group);

describe('representation', () => {
  it('counts joined and connected participants per group', () => {
    const doc = board();
    listParticipant(doc, 'a', { name: 'Aviaja', group: 'citizen' });
    listParticipant(doc, 'b', { name: null, group: 'citizen' });
    listParticipant(doc, 'c', { name: 'Carl', group: 'politician' });
    const counted = representationOf(doc, ['b', 'c', 'someone-unlisted']);
    expect(counted.joined).toBe(3);
    expect(counted.connected).toBe(2);
    expect(countOf(counted, 'citizen')).toEqual({ group: 'citizen', joined: 2, connected: 1, notes: 0 });
    expect(countOf(counted, 'politician')).toMatchObject({ joined: 1, connected: 1 });
    expect(countOf(counted, 'business')).toMatchObject({ joined: 0, connected: 0, notes: 0 });
  });

  it('counts notes per group and lists every group without a note as unheard', () => {
    const doc = board();
    const nuuk = addGathering(doc, { title: 'Nuuk, March', place: 'Nuuk' });
    addNote(doc, nuuk.pageId, 'citizen');
    addNote(doc, nuuk.pageId, 'citizen');
    addNote(doc, nuuk.pageId, 'manager');
    addNote(doc, nuuk.pageId, null);
    const counted = representationOf(doc, []);
    expect(counted.notes).toBe(4);
    expect(countOf(counted, 'citizen')?.notes).toBe(2);
    expect(countOf(counted, 'manager')?.notes).toBe(1);
    expect(counted.notesWithoutGroup).toBe(1);
    expect(counted.groups.map((entry) => entry.group)).toEqual(['politician', 'manager', 'employee', 'citizen', 'business', 'association', 'other']);
    expect(counted.unheard).toEqual(['politician', 'employee', 'business', 'association', 'other']);
  });

  it('counts notes per place, gatherings at the same place together, and places without notes too', () => {
    const doc = board();
    const nuuk = addGathering(doc, { title: 'Nuuk, March', place: 'Nuuk' });
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq', place: 'Tasiilaq' });
    const nuukAgain = addGathering(doc, { title: 'Nuuk, May', place: 'Nuuk' });
    const untitledPlace = addGathering(doc, { title: 'Online evening' });
    addNote(doc, nuuk.pageId, 'citizen');
    addNote(doc, nuukAgain.pageId, 'politician');
    // A note moved to another page keeps the gathering it was written in.
    addNote(doc, tasiilaq.pageId, 'business', nuuk.id);
    const counted = representationOf(doc, []);
    expect(counted.places.map((place) => [place.place, place.notes])).toEqual([
      ['Nuuk', 3],
      ['Tasiilaq', 0],
      ['Online evening', 0],
    ]);
    expect(counted.places[0].gatheringIds).toEqual([nuuk.id, nuukAgain.id]);
    expect(counted.places[0].byGroup).toMatchObject({ citizen: 1, politician: 1, business: 1, manager: 0 });
    expect(counted.places[2].gatheringIds).toEqual([untitledPlace.id]);
  });

  it('puts notes of no gathering in a place of their own, only when there are some', () => {
    const doc = board();
    expect(representationOf(doc, []).places).toEqual([]);
    writeRecord(doc, { id: 'page:other', typeName: 'page', name: 'Loose', index: 'a5', meta: {} });
    addNote(doc, 'page:other', 'employee');
    const counted = representationOf(doc, []);
    expect(counted.places).toEqual([expect.objectContaining({ place: null, notes: 1 })]);
    expect(counted.places[0].byGroup.employee).toBe(1);
  });

  it('leaves hidden notes out, and counts them again when brought back', () => {
    const doc = board();
    const nuuk = addGathering(doc, { title: 'Nuuk', place: 'Nuuk' });
    const id = addNote(doc, nuuk.pageId, 'association');
    setHidden(doc, id, true);
    expect(representationOf(doc, []).notes).toBe(0);
    expect(representationOf(doc, []).unheard).toContain('association');
    setHidden(doc, id, false);
    expect(countOf(representationOf(doc, []), 'association')?.notes).toBe(1);
  });
});
