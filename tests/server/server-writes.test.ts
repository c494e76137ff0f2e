import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { participantsOf } from '../../shared/schema';
import { eventually } from '../helpers/eventually';
import { createHarness, type Harness } from '../helpers/harness';

/** room.change: the server's own writes take the store-before-relay path of a client's. */
describe('the server writing to a workshop', () => {
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  it('stores its change before any client receives it, and every client receives it', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const citizen = await harness.join(workshop, 'citizen', 'Aviaja');
    const client = harness.connect(citizen);
    await client.waitSynced();

    await harness.registry.change(workshop.id, (doc) => participantsOf(doc).set(citizen.participantId ?? '', { name: 'Aviaja', group: 'citizen' }));
    await eventually(() => expect(participantsOf(client.doc).get(citizen.participantId ?? '')).toEqual({ name: 'Aviaja', group: 'citizen' }));
    const stored = new Y.Doc();
    for (const update of (await harness.storage.loadUpdates(workshop.id)).updates) Y.applyUpdate(stored, update);
    expect(participantsOf(stored).get(citizen.participantId ?? '')).toEqual({ name: 'Aviaja', group: 'citizen' });
    expect(client.closeCode).toBeNull();
  });

  it('relays nothing it could not store', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const client = harness.connect(await harness.join(workshop, 'citizen'));
    await client.waitSynced();
    harness.storage.failing = true;
    await expect(harness.registry.change(workshop.id, (doc) => participantsOf(doc).set('p2', { name: null, group: 'other' }))).rejects.toThrow(/could not be stored/);
    // The room gives up on a storage failure; its clients reconnect and resync from storage.
    expect(await client.waitClosed()).toBe(4500);
    expect(participantsOf(client.doc).has('p2')).toBe(false);
  });

  it('loads a workshop nobody has open, writes, and a later client finds the change', async () => {
    harness = createHarness({ timing: { unloadGraceMs: 10 } });
    const workshop = await harness.createWorkshop();
    await harness.registry.change(workshop.id, (doc) => participantsOf(doc).set('p1', { name: null, group: 'business' }));
    await eventually(() => expect(harness!.registry.phaseOf(workshop.id)).toBeUndefined());
    const client = harness.connect(workshop.facilitator);
    await client.waitSynced();
    expect(participantsOf(client.doc).get('p1')).toEqual({ name: null, group: 'business' });
  });

  it('is the only writer of what the schema gives the server: a facilitator may not write it', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const facilitator = harness.connect(workshop.facilitator);
    await facilitator.waitSynced();
    participantsOf(facilitator.doc).set('p9', { name: 'Forged', group: 'politician' });
    expect(await facilitator.waitClosed()).toBe(4403);
  });
});
