import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering, currentGatheringId } from '../../shared/domain/gatherings';
import { closeVote, giveDots, openVote, showVote, voteOf, type VoteTally } from '../../shared/domain/votes';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { ballotKey, ballotsMapOf, type BallotEntry } from '../../shared/privateSchema';
import { votesMapOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectPrivateClient, connectRecordingClient, postJson, privateRoom } from '../helpers/privateClient';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/**
 * Dot votes through a real server process: ballots live in each voter's private document,
 * the server refuses one over the budget, on a note outside the vote, after the vote closed,
 * or written anywhere but the voter's own private document; nobody else's device receives a
 * ballot, and the reveal writes only the tally, per note and per stakeholder group.
 */

const NOTES = ['shape:havn', 'shape:skole', 'shape:sti'] as const;
const OUTSIDE_NOTE = 'shape:uden-for';

let server: RunningServer;
let workshop: CreatedWorkshop;
let aviaja: JoinedWorkshop;
let carl: JoinedWorkshop;
let bo: JoinedWorkshop;
let facilitator: TestClient;
let voteId: string;
const clients: TestClient[] = [];

function track<T extends TestClient>(client: T): T {
  clients.push(client);
  return client;
}

/** A voter's two documents: the shared one (to read the vote) and their private one (their ballot). */
async function voter(joined: JoinedWorkshop): Promise<{ shared: TestClient; ballot: TestClient }> {
  const shared = track(connectClient(server, workshop.id, joined.token, { reconnect: false }));
  const ballot = track(connectPrivateClient(server, workshop.id, joined.token, { reconnect: false }));
  await Promise.all([shared.synced(), ballot.synced()]);
  await eventually(() => expect(voteOf(shared.doc, voteId)?.state).toBe('open'));
  return { shared, ballot };
}

/** Writes `entries` into a fresh private socket of `joined` and expects 4403; nothing of it is kept. */
async function expectRefusedBallot(joined: JoinedWorkshop, write: (privateDoc: Y.Doc) => void): Promise<void> {
  const ballot = track(connectPrivateClient(server, workshop.id, joined.token, { reconnect: false }));
  await ballot.synced();
  const before = ballotsMapOf(ballot.doc).toJSON();
  write(ballot.doc);
  await eventually(() => expect(ballot.closeCodes).toContain(CLOSE_CODE.forbidden));
  ballot.destroy();
  const fresh = track(connectPrivateClient(server, workshop.id, joined.token, { reconnect: false }));
  await fresh.synced();
  expect(ballotsMapOf(fresh.doc).toJSON()).toEqual(before);
  fresh.destroy();
}

/** An entry as a voter's device writes it: given where the room is now. */
const entry = (noteId: string, dots: number, vote = voteId): BallotEntry => ({
  voteId: vote,
  noteId,
  dots,
  gatheringId: currentGatheringId(facilitator.doc),
});

beforeAll(async () => {
  server = await startServer();
  workshop = await createWorkshop(server, { title: 'Prikker' });
  aviaja = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
  carl = await joinWorkshop(server, workshop.joinCode, 'citizen');
  bo = await joinWorkshop(server, workshop.joinCode, 'politician', 'Bo');
  facilitator = track(connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false }));
  await facilitator.synced();
  addGathering(facilitator.doc, { title: 'Nuuk', place: 'Nuuk' });
  NOTES.forEach((id, index) => addNote(facilitator.doc, id, `Forslag ${index}`, null, 300 * index, 0));
  addNote(facilitator.doc, OUTSIDE_NOTE, 'Ikke med i afstemningen', null, 0, 400);
  voteId = openVote(facilitator.doc, { title: 'Hvad er vigtigst?', noteIds: [...NOTES], budget: 3, several: true }, Date.now());
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

describe('the server refuses a ballot', () => {
  it('over the budget, in one entry or summed over several', async () => {
    await expectRefusedBallot(aviaja, (doc) => ballotsMapOf(doc).set(ballotKey(voteId, NOTES[0]), entry(NOTES[0], 4)));
    await expectRefusedBallot(aviaja, (doc) =>
      doc.transact(() => {
        ballotsMapOf(doc).set(ballotKey(voteId, NOTES[0]), entry(NOTES[0], 2));
        ballotsMapOf(doc).set(ballotKey(voteId, NOTES[1]), entry(NOTES[1], 2));
      }),
    );
  });

  it('on a note outside the vote, or in a vote that does not exist', async () => {
    await expectRefusedBallot(aviaja, (doc) => ballotsMapOf(doc).set(ballotKey(voteId, OUTSIDE_NOTE), entry(OUTSIDE_NOTE, 1)));
    await expectRefusedBallot(aviaja, (doc) => ballotsMapOf(doc).set(ballotKey('vote:nope', NOTES[0]), entry(NOTES[0], 1, 'vote:nope')));
  });

  it('after the vote closed', async () => {
    const closedId = openVote(facilitator.doc, { title: 'Lukket', noteIds: [...NOTES], budget: 3, several: false }, Date.now());
    closeVote(facilitator.doc, closedId);
    const shared = track(connectClient(server, workshop.id, aviaja.token, { reconnect: false }));
    await eventually(() => expect(voteOf(shared.doc, closedId)?.state).toBe('closed'));
    await expectRefusedBallot(aviaja, (doc) => ballotsMapOf(doc).set(ballotKey(closedId, NOTES[0]), entry(NOTES[0], 1, closedId)));
    // The room votes on the first vote again.
    showVote(facilitator.doc, voteId);
  });

  it('on someone else’s behalf: nobody writes ballots or a tally into the shared document', async () => {
    const edits: Array<(doc: Y.Doc) => void> = [
      (doc) => doc.getMap('ballots').set(ballotKey(voteId, NOTES[0]), entry(NOTES[0], 1)),
      (doc) => (votesMapOf(doc).get(voteId) as Y.Map<unknown>).set('tally', { notes: [], voters: 0, votersByGroup: {}, revealedAt: 1 }),
      (doc) => (votesMapOf(doc).get(voteId) as Y.Map<unknown>).set('state', 'revealed'),
    ];
    for (const edit of edits) {
      const client = track(connectClient(server, workshop.id, aviaja.token, { reconnect: false }));
      await client.synced();
      edit(client.doc);
      await eventually(() => expect(client.closeCodes).toContain(CLOSE_CODE.forbidden));
      client.destroy();
    }
    // Not even the facilitator may write the tally or mark a vote revealed: only the server does.
    const own = track(connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false }));
    await own.synced();
    (votesMapOf(own.doc).get(voteId) as Y.Map<unknown>).set('state', 'revealed');
    await eventually(() => expect(own.closeCodes).toContain(CLOSE_CODE.forbidden));
    expect(voteOf(facilitator.doc, voteId)).toMatchObject({ state: 'open', tally: null });
  });
});

describe('ballots stay private until the reveal', () => {
  it('no other device receives a ballot; the reveal writes the tally per note and per group', async () => {
    // Bo (a politician) and the room record every byte they are sent.
    const boShared = track(connectRecordingClient(server, workshop.id, bo.token));
    const boBallot = track(connectRecordingClient(server, privateRoom(workshop.id), bo.token));
    const watcher = track(connectRecordingClient(server, workshop.id, workshop.facilitatorToken));
    const projector = track(connectRecordingClient(server, workshop.id, workshop.projectorToken));
    await Promise.all([boShared, boBallot, watcher, projector].map((client) => client.synced()));

    const a = await voter(aviaja);
    const c = await voter(carl);
    const b = await voter(bo);
    expect(giveDots(a.ballot.doc, a.shared.doc, voteId, NOTES[0], 2)).toBeNull();
    expect(giveDots(a.ballot.doc, a.shared.doc, voteId, NOTES[1], 1)).toBeNull();
    expect(giveDots(c.ballot.doc, c.shared.doc, voteId, NOTES[0], 1)).toBeNull();
    expect(giveDots(b.ballot.doc, b.shared.doc, voteId, NOTES[1], 3)).toBeNull();
    // Stored: a second tab of each voter holds the ballot (and its bytes, which the search finds).
    const aviajasTab = track(connectRecordingClient(server, privateRoom(workshop.id), aviaja.token));
    await eventually(() => expect(aviajasTab.received(ballotKey(voteId, NOTES[0]))).toBe(true));
    for (const [joined, total] of [[aviaja, 3], [carl, 1], [bo, 3]] as const) {
      const tab = track(connectPrivateClient(server, workshop.id, joined.token, { reconnect: false }));
      await eventually(() => {
        const entries = Object.values(ballotsMapOf(tab.doc).toJSON()) as BallotEntry[];
        expect(entries.reduce((sum, item) => sum + item.dots, 0)).toBe(total);
      });
    }
    for (const client of [a.ballot, c.ballot, b.ballot]) expect(client.closeCodes).toEqual([]);

    // Only Aviaja and Carl gave dots to the first note: its key is in no frame Bo or the room got.
    const citizensKey = ballotKey(voteId, NOTES[0]);
    closeVote(facilitator.doc, voteId);
    await eventually(() => {
      for (const client of [boShared, watcher, projector]) expect(voteOf(client.doc, voteId)?.state).toBe('closed');
    });
    for (const client of [boShared, boBallot, watcher, projector]) expect(client.received(citizensKey)).toBe(false);

    const revealPath = `/api/workshops/${workshop.id}/votes/${encodeURIComponent(voteId)}/reveal`;
    expect((await postJson(server, revealPath, aviaja.token, {})).status).toBe(403);
    expect((await postJson(server, revealPath, 'not-a-token', {})).status).toBe(401);
    expect((await postJson(server, `/api/workshops/${workshop.id}/votes/vote:nope/reveal`, workshop.facilitatorToken, {})).status).toBe(404);

    const answer = await postJson(server, revealPath, workshop.facilitatorToken);
    expect(answer.status).toBe(200);
    const tally = answer.body.tally as VoteTally;
    expect(tally.voters).toBe(3);
    expect(tally.votersByGroup).toEqual({ citizen: 2, politician: 1 });
    const byNote = Object.fromEntries(tally.notes.map((note) => [note.noteId, { total: note.total, byGroup: note.byGroup }]));
    expect(byNote[NOTES[1]]).toEqual({ total: 4, byGroup: { citizen: 1, politician: 3 } });
    expect(byNote[NOTES[0]]).toEqual({ total: 3, byGroup: { citizen: 3 } });
    expect(tally.notes[0].noteId).toBe(NOTES[1]);
    // Every dot was given in the one gathering live now.
    expect(tally.notes[0].byPlace).toEqual({ [currentGatheringId(facilitator.doc) ?? '']: 4 });

    // Everyone sees the same tally, and still no ballot.
    await eventually(() => {
      for (const client of [boShared, watcher, projector]) {
        expect(voteOf(client.doc, voteId)).toMatchObject({ state: 'revealed', tally: { voters: 3, votersByGroup: { citizen: 2, politician: 1 } } });
      }
    });
    for (const client of [boShared, boBallot, watcher, projector]) expect(client.received(citizensKey)).toBe(false);
    expect(await postJson(server, revealPath, workshop.facilitatorToken)).toMatchObject({ status: 409, body: { error: 'already_revealed' } });
  });
});
