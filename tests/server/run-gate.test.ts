import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering } from '../../shared/domain/gatherings';
import { bringEveryoneTo, joinCornerShown, setJoinCornerShown, summonsOf } from '../../shared/domain/live';
import { deletedNotesOf, isHiddenRecord, restoreNote, setHidden, setLocked } from '../../shared/domain/moderation';
import { addStep, currentStep, goToNextStep, moveStep, removeStep, setCurrentStep, stepsOf, updateStep } from '../../shared/domain/steps';
import { addMinute, resetTimer, startTimer, timerOf } from '../../shared/domain/timer';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { gatheringsMapOf, liveOf, recordsOf, stepsMapOf, trashOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addNote, deleteRecord, FIRST_PAGE_ID, moveNote, noteText, notesOf, setNoteText, type NoteAuthor } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/**
 * Running a workshop through a real server process and stock y-websocket clients: the agenda,
 * the timer, the current step, "bring everyone here", the join corner, locks and hiding are
 * the facilitator's (a participant's try is refused with 4403 and nothing of it is stored or
 * relayed), and a deleted note is kept in the trash by the server for the facilitator to
 * restore, for everyone.
 */

let server: RunningServer;
let workshop: CreatedWorkshop;
let citizen: JoinedWorkshop;
let politician: JoinedWorkshop;
/** The facilitator's client, open for the whole file: what it sees is what was relayed. */
let facilitator: TestClient;
let gatheringId: string;
const clients: TestClient[] = [];

const CITIZEN_NOTE = 'shape:citizen-note';
const POLITICIAN_NOTE = 'shape:politician-note';

const author = (joined: JoinedWorkshop, group: 'citizen' | 'politician'): NoteAuthor => ({ participantId: joined.participantId, group });

async function connect(token: string): Promise<TestClient> {
  const client = connectClient(server, workshop.id, token, { reconnect: false });
  clients.push(client);
  await client.synced();
  return client;
}

/** Notes in the trash, but the markers {@link expectRefused} writes and deletes. */
const trashed = (doc: Y.Doc) => deletedNotesOf(doc, Date.now()).filter((entry) => !entry.record.id.startsWith('shape:marker-'));

/** Everything the run keeps, comparable. */
const runContent = (doc: Y.Doc): unknown => ({
  records: recordsOf(doc).toJSON(),
  steps: stepsMapOf(doc).toJSON(),
  live: liveOf(doc).toJSON(),
  gatherings: gatheringsMapOf(doc).toJSON(),
  trash: trashOf(doc).toJSON(),
});

beforeAll(async () => {
  server = await startServer();
  workshop = await createWorkshop(server, { title: 'Visionsmøde' });
  citizen = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
  politician = await joinWorkshop(server, workshop.joinCode, 'politician');
  facilitator = await connect(workshop.facilitatorToken);
  const doc = facilitator.doc;
  await eventually(() => expect(recordsOf(doc).has(FIRST_PAGE_ID)).toBe(true));
  gatheringId = addGathering(doc, { title: 'Nuuk', place: 'Nuuk' }).id;
  addStep(doc, gatheringId, { title: 'Hvad er særligt her?', prompt: 'Én ting pr. seddel', durationSec: 600 });
  addStep(doc, gatheringId, { title: 'Hvor skal vi hen?', durationSec: 900 });
  goToNextStep(doc);
  const citizenClient = await connect(citizen.token);
  const politicianClient = await connect(politician.token);
  addNote(citizenClient.doc, CITIZEN_NOTE, 'Bevar havnen', author(citizen, 'citizen'));
  addNote(politicianClient.doc, POLITICIAN_NOTE, 'Mere cykelsti', author(politician, 'politician'));
  await eventually(() => expect(Object.keys(notesOf(doc)).sort()).toEqual([CITIZEN_NOTE, POLITICIAN_NOTE]));
  citizenClient.destroy();
  politicianClient.destroy();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

/** Lets `edit` run as the citizen (or `token`) on a fresh socket, and expects the server to refuse it with 4403, storing and relaying nothing. */
async function expectRefused(edit: (doc: Y.Doc) => void, token = citizen.token): Promise<void> {
  const before = runContent(facilitator.doc);
  const client = await connect(token);
  edit(client.doc);
  await eventually(() => expect(client.closeCodes).toContain(CLOSE_CODE.forbidden));
  client.destroy();
  // Whatever the facilitator writes next arrives after anything the refused socket sent.
  const marker = `shape:marker-${Math.random().toString(36).slice(2)}`;
  const late = await connect(workshop.facilitatorToken);
  addNote(late.doc, marker, 'markør', null);
  await eventually(() => expect(recordsOf(facilitator.doc).has(marker)).toBe(true));
  deleteRecord(late.doc, marker);
  await eventually(() => expect(recordsOf(facilitator.doc).has(marker)).toBe(false));
  const stored = await connect(workshop.facilitatorToken);
  const after = runContent(stored.doc) as { trash: Record<string, unknown> };
  const seen = runContent(facilitator.doc) as { trash: Record<string, unknown> };
  // The marker note went into the trash as any deleted note does; nothing else changed.
  delete after.trash[marker];
  delete seen.trash[marker];
  expect(seen).toEqual(before);
  expect(after).toEqual(before);
  late.destroy();
  stored.destroy();
}

describe('a participant cannot run the workshop', () => {
  const firstStep = () => stepsOf(facilitator.doc, gatheringId)[0];
  const edits: Array<[string, (doc: Y.Doc) => void]> = [
    ['add a step', (doc) => addStep(doc, gatheringId, { title: 'Mit eget trin' })],
    ['rename a step', (doc) => updateStep(doc, firstStep().id, { title: 'Omdøbt' })],
    ['reorder the steps', (doc) => moveStep(doc, stepsOf(doc, gatheringId)[1].id, -1)],
    ['remove a step', (doc) => removeStep(doc, firstStep().id)],
    ['move everyone to the next step', (doc) => goToNextStep(doc)],
    ['make no step current', (doc) => setCurrentStep(doc, null)],
    ['start the timer', (doc) => startTimer(doc, Date.now())],
    ['add a minute', (doc) => addMinute(doc, Date.now())],
    ['reset the timer', (doc) => resetTimer(doc, 1000)],
    ['bring everyone to its own view', (doc) => bringEveryoneTo(doc, { pageId: FIRST_PAGE_ID, x: 0, y: 0, w: 390, h: 844 })],
    ['hide the join code on the projector', (doc) => setJoinCornerShown(doc, false)],
    ['lock its own note', (doc) => setLocked(doc, CITIZEN_NOTE, true)],
    ['unlock a step’s frame', (doc) => setLocked(doc, firstStep().frameId!, false)],
    ['move a step’s locked frame', (doc) => moveNote(doc, firstStep().frameId!, 5000, 5000)],
    ['hide its own note', (doc) => setHidden(doc, CITIZEN_NOTE, true)],
    ['write into the trash', (doc) => trashOf(doc).set(CITIZEN_NOTE, { record: recordsOf(doc).get(CITIZEN_NOTE)!.toJSON(), deletedAt: Date.now() })],
  ];
  for (const [name, edit] of edits) {
    it(`${name}: refused with 4403, nothing stored or relayed`, async () => {
      await expectRefused(edit);
    });
  }

  it('while the facilitator does all of it, and everyone sees it', async () => {
    const participant = await connect(citizen.token);
    const doc = facilitator.doc;
    const [first, second] = stepsOf(doc, gatheringId);
    expect(currentStep(doc)?.id).toBe(first.id);
    updateStep(doc, second.id, { prompt: 'Hvad vil vi gerne se om ti år?' });
    goToNextStep(doc);
    startTimer(doc, Date.now());
    bringEveryoneTo(doc, { pageId: FIRST_PAGE_ID, x: 1400, y: 0, w: 1200, h: 800 });
    setJoinCornerShown(doc, false);
    await eventually(() => {
      expect(currentStep(participant.doc)).toMatchObject({ id: second.id, prompt: 'Hvad vil vi gerne se om ti år?' });
      expect(timerOf(participant.doc)).toMatchObject({ status: 'running', durationMs: 900_000 });
      expect(summonsOf(participant.doc)).toMatchObject({ x: 1400, w: 1200 });
      expect(joinCornerShown(participant.doc)).toBe(false);
    });
    setJoinCornerShown(doc, true);
    setCurrentStep(doc, first.id);
    await eventually(() => expect(currentStep(participant.doc)?.id).toBe(first.id));
    expect(participant.closeCodes).toEqual([]);
    expect(facilitator.closeCodes).toEqual([]);
    participant.destroy();
  });

  it('nor can the facilitator put junk where the agenda and the timer live', async () => {
    await expectRefused((doc) => liveOf(doc).set('timer', { status: 'running', durationMs: 1000, endsAt: null, remainingMs: 1000 }), workshop.facilitatorToken);
    await expectRefused((doc) => (stepsMapOf(doc).get(stepsOf(doc, gatheringId)[0].id) as Y.Map<unknown>).set('colour', 'red'), workshop.facilitatorToken);
    await expectRefused((doc) => liveOf(doc).set('stepId', 42), workshop.facilitatorToken);
  });
});

describe('hiding and restoring are the facilitator’s', () => {
  it('the facilitator hides a note and brings it back; its author keeps editing it meanwhile', async () => {
    const participant = await connect(citizen.token);
    setHidden(facilitator.doc, CITIZEN_NOTE, true);
    await eventually(() => expect(isHiddenRecord(recordsOf(participant.doc).get(CITIZEN_NOTE)?.toJSON())).toBe(true));
    setNoteText(participant.doc, CITIZEN_NOTE, 'Bevar havnen og kajen');
    await eventually(() => expect(noteText(facilitator.doc, CITIZEN_NOTE)).toBe('Bevar havnen og kajen'));
    expect(isHiddenRecord(recordsOf(facilitator.doc).get(CITIZEN_NOTE)?.toJSON())).toBe(true);
    expect(participant.closeCodes).toEqual([]);
    participant.destroy();
    // Its author cannot bring it back.
    await expectRefused((doc) => setHidden(doc, CITIZEN_NOTE, false));
    setHidden(facilitator.doc, CITIZEN_NOTE, false);
    const later = await connect(citizen.token);
    expect(isHiddenRecord(recordsOf(later.doc).get(CITIZEN_NOTE)?.toJSON())).toBe(false);
    later.destroy();
  });

  it('a note deleted by its author is in the trash for the facilitator, who restores it for everyone', async () => {
    const writer = await connect(citizen.token);
    const other = await connect(politician.token);
    const before = recordsOf(writer.doc).get(CITIZEN_NOTE)!.toJSON();
    const deletedAround = Date.now();
    deleteRecord(writer.doc, CITIZEN_NOTE);
    await eventually(() => {
      expect(recordsOf(other.doc).has(CITIZEN_NOTE)).toBe(false);
      expect(trashed(facilitator.doc).map((entry) => entry.record)).toEqual([before]);
    });
    const [entry] = trashed(facilitator.doc);
    expect(Math.abs(entry.deletedAt - deletedAround)).toBeLessThan(60_000);

    // Another participant cannot put it back (it is not theirs); its trash entry stays.
    const thief = await connect(politician.token);
    restoreNote(thief.doc, CITIZEN_NOTE, FIRST_PAGE_ID);
    await eventually(() => expect(thief.closeCodes).toContain(CLOSE_CODE.forbidden));
    thief.destroy();

    expect(restoreNote(facilitator.doc, CITIZEN_NOTE, FIRST_PAGE_ID)).toBe(true);
    await eventually(() => {
      expect(noteText(other.doc, CITIZEN_NOTE)).toBe('Bevar havnen og kajen');
      expect(recordsOf(writer.doc).get(CITIZEN_NOTE)?.toJSON()).toEqual(before);
    });
    expect(trashed(facilitator.doc)).toEqual([]);
    // The author owns it again: it edits it as before.
    setNoteText(writer.doc, CITIZEN_NOTE, 'Bevar havnen');
    await eventually(() => expect(noteText(facilitator.doc, CITIZEN_NOTE)).toBe('Bevar havnen'));
    expect([writer.closeCodes, other.closeCodes]).toEqual([[], []]);
    writer.destroy();
    other.destroy();
  });

  it('the trash and the restored note survive a restart of the server', async () => {
    const participant = await connect(politician.token);
    deleteRecord(participant.doc, POLITICIAN_NOTE);
    await eventually(() => expect(trashed(facilitator.doc).map((entry) => entry.record.id)).toEqual([POLITICIAN_NOTE]));
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    facilitator = await connect(workshop.facilitatorToken);
    expect(trashed(facilitator.doc).map((entry) => entry.record.id)).toEqual([POLITICIAN_NOTE]);
    expect(noteText(facilitator.doc, CITIZEN_NOTE)).toBe('Bevar havnen');
    restoreNote(facilitator.doc, POLITICIAN_NOTE, FIRST_PAGE_ID);
    const back = await connect(politician.token);
    await eventually(() => expect(noteText(back.doc, POLITICIAN_NOTE)).toBe('Mere cykelsti'));
  });
});
