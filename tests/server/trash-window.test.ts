import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { deletedNotesOf, RESTORE_WINDOW_MS } from '../../shared/domain/moderation';
import { recordsOf, trashOf } from '../../shared/schema';
import { eventually } from '../helpers/eventually';
import { createHarness, noteBy, writeBoard, writeRecord, type Harness } from '../helpers/harness';

/**
 * The trash keeps a deleted note for an hour: the server forgets older entries at the next
 * deletion and when a room loads. Rooms run in this process so the server's clock can be
 * moved on by hours (Date.now, which the room reads, runs `shift` ahead).
 */
describe('the trash’s hour', () => {
  let harness: Harness | null = null;
  let shift = 0;
  const realNow = Date.now.bind(Date);

  afterEach(async () => {
    await harness?.close();
    harness = null;
    shift = 0;
    vi.restoreAllMocks();
  });

  async function start() {
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + shift);
    harness = createHarness({ timing: { unloadGraceMs: 10 } });
    const workshop = await harness.createWorkshop('Timen');
    const citizen = await harness.join(workshop, 'citizen', 'Aviaja');
    const facilitator = harness.connect(workshop.facilitator);
    const participant = harness.connect(citizen);
    await Promise.all([facilitator.waitSynced(), participant.waitSynced()]);
    writeBoard(facilitator.doc);
    await eventually(() => expect(recordsOf(participant.doc).size).toBe(2));
    const notes = ['Først', 'Siden', 'Sidst'].map((text) => noteBy(citizen, text));
    for (const note of notes) writeRecord(participant.doc, note);
    await eventually(() => expect(recordsOf(facilitator.doc).size).toBe(5));
    return { harness, workshop, facilitator, participant, ids: notes.map((note) => note.id) };
  }

  it('forgets a note deleted more than an hour ago at the next deletion', async () => {
    const { facilitator, participant, ids } = await start();
    recordsOf(participant.doc).delete(ids[0]);
    await eventually(() => expect([...trashOf(facilitator.doc).keys()]).toEqual([ids[0]]));
    shift = RESTORE_WINDOW_MS + 60_000;
    expect(deletedNotesOf(facilitator.doc, Date.now())).toEqual([]);
    recordsOf(participant.doc).delete(ids[1]);
    await eventually(() => expect([...trashOf(facilitator.doc).keys()]).toEqual([ids[1]]));
    expect(deletedNotesOf(participant.doc, Date.now()).map((entry) => entry.record.id)).toEqual([ids[1]]);
    expect(participant.closeCode).toBeNull();
  });

  it('forgets it when the room loads again, hours later, and stores that', async () => {
    const { harness, workshop, facilitator, participant, ids } = await start();
    recordsOf(participant.doc).delete(ids[2]);
    await eventually(() => expect([...trashOf(facilitator.doc).keys()]).toEqual([ids[2]]));
    facilitator.destroy();
    participant.destroy();
    await eventually(() => expect(harness.registry.phaseOf(workshop.id)).toBeUndefined());
    shift = 3 * RESTORE_WINDOW_MS;
    const later = harness.connect(workshop.facilitator);
    await later.waitSynced();
    expect(trashOf(later.doc).size).toBe(0);
    expect(recordsOf(later.doc).has(ids[0])).toBe(true);
    // Stored, not only forgotten in memory.
    await harness.registry.change(workshop.id, () => undefined);
    const stored = new Y.Doc();
    for (const update of (await harness.storage.loadUpdates(workshop.id)).updates) Y.applyUpdate(stored, update);
    expect(trashOf(stored).size).toBe(0);
  });
});
