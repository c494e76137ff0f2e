import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDraft, draftsOf } from '../../shared/domain/drafts';
import { addGathering } from '../../shared/domain/gatherings';
import { addStep, setStepPrivate, stepsOf } from '../../shared/domain/steps';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { draftsMapOf } from '../../shared/privateSchema';
import { recordsOf, stepsMapOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectPrivateClient, connectRecordingClient, postJson, privateRoom, type RecordingClient } from '../helpers/privateClient';
import { MAX_SOCKETS_PER_SESSION } from '../../server/rooms/sessionLimits';
import { openRawSocket, workshopSocketUrl } from '../helpers/rawSocket';
import { serverOutput, startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/**
 * Private writing through a real server process: each participant's private document reaches
 * that participant's sockets and no one else's (asserted on the bytes other devices receive),
 * its gate refuses what the private rules forbid, and a reveal moves the drafts onto the board
 * for everyone.
 */

let server: RunningServer;
let workshop: CreatedWorkshop;
let other: CreatedWorkshop;
let aviaja: JoinedWorkshop;
let bo: JoinedWorkshop;
let facilitator: TestClient;
let gatheringId: string;
let privateStepId: string;
let openStepId: string;
let anonymousStepId: string;
const clients: TestClient[] = [];

function track<T extends TestClient>(client: T): T {
  clients.push(client);
  return client;
}

/** Bo's name, unique so that a search for it finds nothing else. */
const BO_NAME = `Bo ${randomUUID()}`;

const revealPath = (stepId: string) => `/api/workshops/${workshop.id}/steps/${encodeURIComponent(stepId)}/reveal`;

beforeAll(async () => {
  server = await startServer();
  workshop = await createWorkshop(server, { title: 'Privat skrivning' });
  other = await createWorkshop(server, { title: 'Et andet sted' });
  aviaja = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
  bo = await joinWorkshop(server, workshop.joinCode, 'politician', BO_NAME);
  facilitator = connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false });
  await facilitator.synced();
  const gathering = addGathering(facilitator.doc, { title: 'Nuuk', place: 'Nuuk' });
  gatheringId = gathering.id;
  privateStepId = addStep(facilitator.doc, gathering.id, { title: 'Skriv for dig selv', durationSec: 300 }).id;
  openStepId = addStep(facilitator.doc, gathering.id, { title: 'Fælles', durationSec: 300 }).id;
  anonymousStepId = addStep(facilitator.doc, gathering.id, { title: 'Uden navne', durationSec: 300 }).id;
  setStepPrivate(facilitator.doc, privateStepId, true);
  setStepPrivate(facilitator.doc, anonymousStepId, true);
  // Stored once a fresh client of the facilitator reads it back.
  const check = track(connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false }));
  await check.synced();
  await eventually(() => expect(stepsOf(check.doc, gathering.id).find((step) => step.id === privateStepId)?.private).toBe(true));
  check.destroy();
});

// Each test's clients go with it: a person may hold only a few sockets at once.
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  facilitator?.destroy();
  await server?.stop();
});

describe('who may open a private document', () => {
  it('the facilitator and the projector have none (403); a token of another workshop is refused (401)', async () => {
    const url = (workshopId: string, token: string) => `${server.wsUrl}/${privateRoom(workshopId)}?token=${encodeURIComponent(token)}`;
    expect(await openRawSocket(url(workshop.id, workshop.facilitatorToken))).toMatchObject({ opened: false, status: 403 });
    expect(await openRawSocket(url(workshop.id, workshop.projectorToken))).toMatchObject({ opened: false, status: 403 });
    expect(await openRawSocket(url(other.id, aviaja.token))).toMatchObject({ opened: false, status: 401 });
    expect(await openRawSocket(`${server.wsUrl}/${privateRoom(workshop.id)}`)).toMatchObject({ opened: false, status: 401 });
    // Nobody can name another person's private document: the path has no room for it.
    expect(await openRawSocket(`${url(workshop.id, aviaja.token).replace('/private?', `/private/${bo.participantId}?`)}`)).toMatchObject({
      opened: false,
      status: 404,
    });
  });
});

describe('a private socket counts like any other of its person’s sockets', () => {
  it('a shared and a private socket for each of several tabs fit; one more is answered 429', async () => {
    // Someone of their own, so that the sockets held here cost no other test a place.
    const tabs = await joinWorkshop(server, workshop.joinCode, 'employee');
    const privateUrl = `${server.wsUrl}/${privateRoom(workshop.id)}?token=${encodeURIComponent(tabs.token)}`;
    const sharedUrl = workshopSocketUrl(server.wsUrl, workshop.id, tabs.token);
    const open: Array<{ close(): void }> = [];
    try {
      for (let tab = 0; tab < MAX_SOCKETS_PER_SESSION / 2; tab++) {
        for (const url of [sharedUrl, privateUrl]) {
          const outcome = await openRawSocket(url);
          expect(outcome.opened).toBe(true);
          if (outcome.opened) open.push(outcome.socket);
        }
      }
      expect(await openRawSocket(privateUrl)).toMatchObject({ opened: false, status: 429 });
    } finally {
      for (const socket of open) socket.close();
    }
  });
});

describe('a draft stays with its writer until the reveal', () => {
  it('reaches the writer’s other tab and no other device, then the board at the reveal', async () => {
    const secret = `Kladde ${randomUUID()}`;
    // Every other device records every byte it is sent.
    const boShared = track(connectRecordingClient(server, workshop.id, bo.token));
    const boPrivate = track(connectRecordingClient(server, privateRoom(workshop.id), bo.token));
    const watcher = track(connectRecordingClient(server, workshop.id, workshop.facilitatorToken));
    const projector = track(connectRecordingClient(server, workshop.id, workshop.projectorToken));
    const aviajaShared = track(connectRecordingClient(server, workshop.id, aviaja.token));
    await Promise.all([boShared, boPrivate, watcher, projector, aviajaShared].map((client) => client.synced()));

    const writer = track(connectPrivateClient(server, workshop.id, aviaja.token, { reconnect: false }));
    const otherTab = track(connectPrivateClient(server, workshop.id, aviaja.token, { reconnect: false }));
    await Promise.all([writer.synced(), otherTab.synced()]);
    addDraft(writer.doc, privateStepId, secret, Date.now());
    await eventually(() => expect(draftsOf(otherTab.doc, privateStepId).map((draft) => draft.text)).toEqual([secret]));
    expect(writer.closeCodes).toEqual([]);

    // A change the facilitator makes after the draft was relayed reaches everyone after it.
    const marker = `Efter kladden ${randomUUID()}`;
    (stepsMapOf(facilitator.doc).get(openStepId) as Y.Map<unknown>).set('prompt', marker);
    await eventually(() => {
      for (const client of [boShared, watcher, projector, aviajaShared]) expect(client.received(marker)).toBe(true);
    });
    for (const client of [boShared, boPrivate, watcher, projector, aviajaShared]) expect(client.received(secret)).toBe(false);
    expect(draftsOf(boPrivate.doc)).toEqual([]);

    // A fresh private socket of Bo's gets Bo's document, never Aviaja's.
    const boAgain = track(connectRecordingClient(server, privateRoom(workshop.id), bo.token));
    await boAgain.synced();
    expect(boAgain.received(secret)).toBe(false);

    const revealed = await postJson(server, revealPath(privateStepId), workshop.facilitatorToken, { anonymous: false });
    expect(revealed).toEqual({ status: 200, body: { revealed: 1 } });
    await eventually(() => {
      for (const client of [boShared, watcher, projector]) expect(Object.values(notesOf(client.doc))).toContain(secret);
    });
    // The search finds the text once it was sent: before the reveal it was not there to find.
    for (const client of [boShared, watcher, projector]) expect(client.received(secret)).toBe(true);
    expect(boPrivate.received(secret)).toBe(false);
    // The draft left Aviaja's private document once the note was on the board.
    await eventually(() => expect(draftsOf(otherTab.doc, privateStepId)).toEqual([]));
    // The note sits in the step's frame, by Aviaja, in her group.
    const noteId = Object.entries(notesOf(facilitator.doc)).find(([, text]) => text === secret)?.[0];
    const note = recordsOf(facilitator.doc).get(noteId ?? '')?.toJSON() as { parentId: string; meta: Record<string, unknown> };
    const frameId = stepsOf(facilitator.doc, gatheringId).find((step) => step.id === privateStepId)?.frameId;
    expect(note.parentId).toBe(frameId);
    expect(note.meta).toMatchObject({ participantId: aviaja.participantId, group: 'citizen' });

    // Once revealed, the step takes no more drafts, and it is not revealed twice.
    const late = track(connectPrivateClient(server, workshop.id, aviaja.token, { reconnect: false }));
    await late.synced();
    addDraft(late.doc, privateStepId, 'for sent', Date.now());
    await eventually(() => expect(late.closeCodes).toContain(CLOSE_CODE.forbidden));
    const again = await postJson(server, revealPath(privateStepId), workshop.facilitatorToken, { anonymous: false });
    expect(again).toMatchObject({ status: 409, body: { error: 'already_revealed' } });
    // The server never logs what was written.
    expect(serverOutput(server)).not.toContain(secret);
  });
});

describe('a reveal without names', () => {
  it('keeps the group of each note but not who wrote it', async () => {
    const text = `Uden afsender ${randomUUID()}`;
    const writer = track(connectPrivateClient(server, workshop.id, bo.token, { reconnect: false }));
    await writer.synced();
    addDraft(writer.doc, anonymousStepId, text, Date.now());
    const otherTab = track(connectPrivateClient(server, workshop.id, bo.token, { reconnect: false }));
    await eventually(() => expect(draftsOf(otherTab.doc, anonymousStepId)).toHaveLength(1));

    const answer = await postJson(server, revealPath(anonymousStepId), workshop.facilitatorToken, { anonymous: true });
    expect(answer).toEqual({ status: 200, body: { revealed: 1 } });
    await eventually(() => expect(Object.values(notesOf(facilitator.doc))).toContain(text));
    const noteId = Object.entries(notesOf(facilitator.doc)).find(([, value]) => value === text)?.[0] ?? '';
    const note = recordsOf(facilitator.doc).get(noteId)?.toJSON() as { meta: Record<string, unknown> };
    expect(note.meta.group).toBe('politician');
    expect(note.meta.participantId ?? null).toBeNull();
    expect(JSON.stringify(note)).not.toContain(bo.participantId);
    expect(JSON.stringify(note)).not.toContain(BO_NAME);
    await eventually(() => expect(draftsOf(otherTab.doc, anonymousStepId)).toEqual([]));
  });
});

describe('the private gate', () => {
  it('refuses a draft of a step that is not private, an unknown top-level name and an oversized draft, with 4403, storing nothing', async () => {
    const edits: Array<(doc: Y.Doc) => void> = [
      (doc) => addDraft(doc, openStepId, 'ikke privat', Date.now()),
      (doc) => doc.getMap('records').set('shape:x', 'nope'),
      (doc) => draftsMapOf(doc).set('draft:huge', { stepId: privateStepId, text: 'x'.repeat(5_000), createdAt: Date.now() }),
    ];
    const before = track(connectPrivateClient(server, workshop.id, bo.token, { reconnect: false }));
    await before.synced();
    const stored = Y.encodeStateVector(before.doc);
    for (const edit of edits) {
      const client = track(connectPrivateClient(server, workshop.id, bo.token, { reconnect: false }));
      await client.synced();
      edit(client.doc);
      await eventually(() => expect(client.closeCodes).toContain(CLOSE_CODE.forbidden));
      client.destroy();
    }
    const fresh = track(connectPrivateClient(server, workshop.id, bo.token, { reconnect: false }));
    await fresh.synced();
    // Nothing of any refused update was stored: Bo's private document is as it was.
    expect(Y.encodeStateVector(fresh.doc)).toEqual(stored);
  });

  it('ignores presence on a private socket', async () => {
    const watcher = track(connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false }));
    await watcher.synced();
    const privately = track(connectPrivateClient(server, workshop.id, bo.token, { reconnect: false }));
    await privately.synced();
    privately.provider.awareness.setLocalStateField('view', { said: 'privately' });
    // Bo's shared socket speaks afterwards; once the facilitator hears it, the private one was read too.
    const shared = track(connectClient(server, workshop.id, bo.token, { reconnect: false }));
    await shared.synced();
    shared.provider.awareness.setLocalStateField('view', { said: 'in the room' });
    const said = () => [...watcher.provider.awareness.getStates().values()].map((state) => (state as { view?: { said?: string } }).view?.said);
    await eventually(() => expect(said()).toContain('in the room'));
    expect(said()).not.toContain('privately');
    expect(privately.closeCodes).toEqual([]);
  });
});

describe('the reveal route', () => {
  it('answers 401 for a wrong token, 403 for a participant, 400 for a bad body, 404 for an unknown step, 409 for a step that is not private', async () => {
    expect((await postJson(server, revealPath(privateStepId), 'wrong-token', { anonymous: true })).status).toBe(401);
    expect((await postJson(server, revealPath(privateStepId), other.facilitatorToken, { anonymous: true })).status).toBe(401);
    expect(await postJson(server, revealPath(privateStepId), aviaja.token, { anonymous: true })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await postJson(server, revealPath(privateStepId), workshop.facilitatorToken, { anonymous: 'yes' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_body' },
    });
    expect((await postJson(server, revealPath(privateStepId), workshop.facilitatorToken)).status).toBe(400);
    expect(await postJson(server, revealPath('step:nope'), workshop.facilitatorToken, { anonymous: true })).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
    expect(await postJson(server, revealPath(openStepId), workshop.facilitatorToken, { anonymous: true })).toMatchObject({
      status: 409,
      body: { error: 'not_private' },
    });
  });
});
