import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { recordsOf } from '../../shared/schema';
import { eventually } from '../helpers/eventually';
import { createHarness, noteBy, writeBoard, writeRecord, type Harness } from '../helpers/harness';

/** The per-workshop limits of the gate, on rooms in process with small limits. */
describe('limits that keep a workshop small enough to open', () => {
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  it('lets a participant add its budget of notes per minute, then slows it down without cutting it off; the facilitator is not counted', async () => {
    harness = createHarness({ timing: { shapesPerMinute: 30 } });
    const workshop = await harness.createWorkshop();
    const citizen = await harness.join(workshop, 'citizen');
    const facilitator = harness.connect(workshop.facilitator);
    const participant = harness.connect(citizen);
    await Promise.all([facilitator.waitSynced(), participant.waitSynced()]);
    writeBoard(facilitator.doc);
    for (let index = 0; index < 40; index++) writeRecord(facilitator.doc, noteBy(workshop.facilitator, `Facilitator ${index}`));
    await eventually(() => expect(recordsOf(participant.doc).size).toBe(42));

    for (let index = 0; index < 30; index++) writeRecord(participant.doc, noteBy(citizen, `Idé ${index}`));
    await eventually(() => expect(recordsOf(facilitator.doc).size).toBe(72));
    const sentAt = performance.now();
    for (let index = 30; index < 33; index++) writeRecord(participant.doc, noteBy(citizen, `Idé ${index}`));
    // The budget refills by one note every two seconds: the three wait, in order, and arrive.
    await eventually(() => expect(participant.paused).toBe(true));
    expect(recordsOf(facilitator.doc).size).toBe(72);
    await eventually(() => expect(recordsOf(facilitator.doc).size).toBe(75), { timeout: 15_000 });
    expect(performance.now() - sentAt).toBeGreaterThan(4_000);
    expect(participant.closeCode).toBeNull();
  }, 30_000);

  it('stops a document at its largest size, still opens it, and lets the facilitator make it smaller', async () => {
    const limit = 256 * 1024;
    harness = createHarness({ timing: { maxDocumentBytes: limit } });
    const workshop = await harness.createWorkshop();
    const facilitator = harness.connect(workshop.facilitator);
    await facilitator.waitSynced();
    writeBoard(facilitator.doc);

    // Text replaced at once is not content: retyping one note far past the limit is fine.
    const retyper = harness.connect(await harness.join(workshop, 'manager'));
    await retyper.waitSynced();
    const retyped = noteBy(retyper.session, 'først');
    writeRecord(retyper.doc, retyped);
    for (let round = 0; round < 60; round++) {
      const fields = recordsOf(retyper.doc).get(retyped.id) as Y.Map<unknown>;
      fields.set('props', { ...retyped.props, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${round}`.padEnd(9_000, 'z') }] }] } });
      await eventually(() => expect(Y.encodeStateVector(facilitator.doc)).toEqual(Y.encodeStateVector(retyper.doc)));
    }
    expect(retyper.closeCode).toBeNull();

    const writers = await Promise.all(['citizen', 'business', 'employee'].map((group) => harness!.join(workshop, group as 'citizen')));
    const refusals: number[] = [];
    for (const session of writers) {
      const client = harness.connect(session);
      await client.waitSynced();
      // Each note holds 9,000 characters: the document fills in a few dozen.
      for (let index = 0; index < 40 && client.open; index++) {
        writeRecord(client.doc, noteBy(session, 'x'.repeat(9_000)));
        await eventually(() => expect(client.open ? Y.encodeStateVector(facilitator.doc) : true).toEqual(client.open ? Y.encodeStateVector(client.doc) : true));
      }
      if (client.closeCode !== null) refusals.push(client.closeCode);
    }
    expect(refusals).toContain(CLOSE_CODE.tooLarge);

    const stored = await harness.storage.loadUpdates(workshop.id);
    const storedBytes = stored.updates.reduce((sum, update) => sum + update.length, 0);
    expect(storedBytes).toBeLessThanOrEqual(limit);

    const late = harness.connect(workshop.facilitator);
    await late.waitSynced();
    const notes = [...recordsOf(late.doc).keys()].filter((id) => id.startsWith('shape:'));
    expect(notes.length).toBeGreaterThan(10);

    // Deleting is allowed over the limit: it is how a full workshop gets room again.
    late.doc.transact(() => {
      for (const id of notes.slice(0, 10)) recordsOf(late.doc).delete(id);
    });
    await eventually(() => expect([...recordsOf(facilitator.doc).keys()].filter((id) => id.startsWith('shape:'))).toHaveLength(notes.length - 10));
    expect(late.closeCode).toBeNull();
  });
});
