import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import { recordsOf, workshopOf } from '../../shared/schema';
import { eventually } from '../helpers/eventually';
import { createHarness, noteBy, writeBoard, writeRecord, type Harness } from '../helpers/harness';

/** Storage whose compactions wait until the test lets them go, so a room stays in its unloading state. */
class HeldCompactions extends MemoryStorage {
  held = false;
  private waiting: Array<() => void> = [];

  override async compact(workshopId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return super.compact(workshopId, snapshot, throughSeq);
  }

  letGo(): void {
    this.held = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

/**
 * Rooms run in this process on memory storage (tests/helpers/harness.ts): the same registry,
 * room and connection as the server, without a process, a port or a file.
 */
describe('rooms of the registry, in process', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
  });

  it('relays a participant’s note to the facilitator once it is stored, from one load of the room', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop('Kerteminde');
    const citizen = await harness.join(workshop, 'citizen', 'Aviaja');
    const facilitator = harness.connect(workshop.facilitator);
    const participant = harness.connect(citizen);
    await Promise.all([facilitator.waitSynced(), participant.waitSynced()]);
    writeBoard(facilitator.doc);
    await eventually(() => expect(recordsOf(participant.doc).size).toBe(2));

    const note = noteBy(citizen, 'Flere cykelstier');
    writeRecord(participant.doc, note);
    await eventually(() => expect(recordsOf(facilitator.doc).get(note.id)?.get('meta')).toEqual(note.meta));

    const stored = new Y.Doc();
    for (const update of (await harness.storage.loadUpdates(workshop.id)).updates) Y.applyUpdate(stored, update);
    expect(recordsOf(stored).has(note.id)).toBe(true);
    expect(harness.logged('room loaded', workshop.id)).toBe(1);
    expect(harness.registry.phaseOf(workshop.id)).toBe('live');
    expect([facilitator.closeCode, participant.closeCode]).toEqual([null, null]);
  });

  it('closes the socket of a participant who writes the workshop’s settings with 4403', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const participant = harness.connect(await harness.join(workshop, 'politician'));
    await participant.waitSynced();

    workshopOf(participant.doc).set('title', 'Mine now');
    expect(await participant.waitClosed()).toBe(CLOSE_CODE.forbidden);
  });

  it('unloads a room after its last client left, and loads it again intact', async () => {
    harness = createHarness({ timing: { unloadGraceMs: 20 } });
    const workshop = await harness.createWorkshop();
    const first = harness.connect(workshop.facilitator);
    await first.waitSynced();
    workshopOf(first.doc).set('title', 'Kept across an unload');
    await eventually(async () => expect((await harness.storage.loadUpdates(workshop.id)).updates.length).toBeGreaterThan(0));

    first.close();
    await eventually(() => expect(harness.registry.phaseOf(workshop.id)).toBeUndefined());
    expect(harness.logged('room unloaded', workshop.id)).toBe(1);

    const back = harness.connect(workshop.facilitator);
    await back.waitSynced();
    expect(workshopOf(back.doc).get('title')).toBe('Kept across an unload');
    expect(harness.logged('room loaded', workshop.id)).toBe(2);
  });

  it('seats a client that arrives while the room is being stored in the room loaded after it', async () => {
    const storage = new HeldCompactions();
    harness = createHarness({ storage, timing: { unloadGraceMs: 10 } });
    const workshop = await harness.createWorkshop();
    const first = harness.connect(workshop.facilitator);
    await first.waitSynced();
    workshopOf(first.doc).set('title', 'First title');
    workshopOf(first.doc).set('title', 'Stored before the unload ends');
    await eventually(async () => expect((await storage.loadUpdates(workshop.id)).logLength).toBeGreaterThanOrEqual(2));

    storage.held = true;
    first.close();
    await eventually(() => expect(harness.registry.phaseOf(workshop.id)).toBe('unloading'));
    const late = harness.connect(workshop.facilitator);
    expect(late.synced).toBe(false);

    storage.letGo();
    await late.waitSynced();
    expect(workshopOf(late.doc).get('title')).toBe('Stored before the unload ends');
    expect(harness.registry.phaseOf(workshop.id)).toBe('live');
    expect(harness.logged('room loaded', workshop.id)).toBe(2);
  });

  it('closes every client of a deleted workshop with 4404, and no other', async () => {
    harness = createHarness();
    const doomed = await harness.createWorkshop('Doomed');
    const neighbour = await harness.createWorkshop('Neighbour');
    const inDoomed = [harness.connect(doomed.facilitator), harness.connect(await harness.join(doomed, 'business'))];
    const inNeighbour = harness.connect(neighbour.facilitator);
    await Promise.all([...inDoomed, inNeighbour].map((client) => client.waitSynced()));

    await harness.registry.closeWorkshop(doomed.id);
    expect(await Promise.all(inDoomed.map((client) => client.waitClosed()))).toEqual([
      CLOSE_CODE.workshopDeleted,
      CLOSE_CODE.workshopDeleted,
    ]);
    expect(harness.registry.phaseOf(doomed.id)).toBeUndefined();
    expect(inNeighbour.open).toBe(true);
  });

  it('replaces a room whose storage failed, and the reconnected client’s edit is kept', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const writer = harness.connect(workshop.facilitator);
    await writer.waitSynced();

    harness.storage.failing = true;
    workshopOf(writer.doc).set('title', 'Written while storage failed');
    expect(await writer.waitClosed()).toBe(CLOSE_CODE.internalError);
    harness.storage.failing = false;

    // A provider reconnects after a 45xx code with the same document.
    const again = harness.connect(workshop.facilitator);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(writer.doc));
    const reader = harness.connect(await harness.join(workshop, 'employee'));
    await eventually(() => expect(workshopOf(reader.doc).get('title')).toBe('Written while storage failed'));
    expect(harness.registry.phaseOf(workshop.id)).toBe('live');
  });
});
