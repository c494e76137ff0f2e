import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { privateDocumentId } from '../../server/rooms/PrivateDocuments';
import { addDraft, draftsOf } from '../../shared/domain/drafts';
import { addGathering } from '../../shared/domain/gatherings';
import { addStep, setStepPrivate } from '../../shared/domain/steps';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { draftsMapOf } from '../../shared/privateSchema';
import { eventually } from '../helpers/eventually';
import { createHarness, writeBoard, type Harness, type HarnessClient, type HarnessWorkshop } from '../helpers/harness';

/**
 * Private documents in the room's life, in process on memory storage: they live and unload
 * with their workshop's room, reach only their own person's sockets, and relay nothing they
 * could not store.
 */
describe('private documents in a room', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
  });

  /** A workshop whose facilitator made a private step; resolves with the step's id. */
  async function withPrivateStep(workshop: HarnessWorkshop): Promise<{ stepId: string; facilitator: HarnessClient }> {
    const facilitator = harness.connect(workshop.facilitator);
    await facilitator.waitSynced();
    writeBoard(facilitator.doc);
    const gathering = addGathering(facilitator.doc, { title: 'Nuuk', place: 'Nuuk' });
    const stepId = addStep(facilitator.doc, gathering.id, { title: 'Alene', durationSec: 60 }).id;
    setStepPrivate(facilitator.doc, stepId, true);
    // Stored once a second client reads it back.
    const check = harness.connect(workshop.facilitator);
    await eventually(() => expect(check.doc.getMap('steps').has(stepId)).toBe(true));
    check.destroy();
    return { stepId, facilitator };
  }

  const storedDrafts = async (workshopId: string, participantId: string): Promise<string[]> => {
    const doc = new Y.Doc();
    for (const update of (await harness.storage.loadUpdates(privateDocumentId(workshopId, participantId))).updates) Y.applyUpdate(doc, update);
    return draftsOf(doc).map((draft) => draft.text);
  };

  it('a session that is not a participant’s is closed with 4403 even past the upgrade', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    for (const session of [workshop.facilitator, workshop.projector]) {
      const client = harness.connect(session, { privateDocument: true });
      expect(await client.waitClosed()).toBe(CLOSE_CODE.forbidden);
    }
  });

  it('keeps the room loaded while a private socket is open, and unloads both together, storing the draft', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const citizen = await harness.join(workshop, 'citizen', 'Aviaja');
    const { stepId, facilitator } = await withPrivateStep(workshop);
    facilitator.destroy();

    const tab = harness.connect(citizen, { privateDocument: true });
    const otherTab = harness.connect(citizen, { privateDocument: true });
    await Promise.all([tab.waitSynced(), otherTab.waitSynced()]);
    addDraft(tab.doc, stepId, 'Kun til mig', Date.now());
    await eventually(() => expect(draftsOf(otherTab.doc).map((draft) => draft.text)).toEqual(['Kun til mig']));
    expect(await storedDrafts(workshop.id, citizen.participantId!)).toEqual(['Kun til mig']);
    expect(harness.registry.phaseOf(workshop.id)).toBe('live');

    tab.destroy();
    otherTab.destroy();
    await eventually(() => expect(harness.registry.phaseOf(workshop.id)).toBeUndefined());
    expect(harness.logged('room unloaded', workshop.id)).toBe(1);
    const back = harness.connect(citizen, { privateDocument: true });
    await back.waitSynced();
    expect(draftsOf(back.doc).map((draft) => draft.text)).toEqual(['Kun til mig']);
  });

  it('relays nothing it could not store, and closes the person’s private sockets to resync', async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const citizen = await harness.join(workshop, 'citizen');
    const { stepId } = await withPrivateStep(workshop);
    const tab = harness.connect(citizen, { privateDocument: true });
    const otherTab = harness.connect(citizen, { privateDocument: true });
    await Promise.all([tab.waitSynced(), otherTab.waitSynced()]);

    harness.storage.failing = true;
    addDraft(tab.doc, stepId, 'Aldrig gemt', Date.now());
    expect(await otherTab.waitClosed()).toBe(CLOSE_CODE.internalError);
    expect(draftsMapOf(otherTab.doc).size).toBe(0);
    const sent = Buffer.concat(otherTab.received);
    expect(sent.includes(Buffer.from('Aldrig gemt'))).toBe(false);
  });
});
