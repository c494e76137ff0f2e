import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Session } from '../../server/auth';
import { addGathering, setCurrentGathering } from '../../shared/domain/gatherings';
import type { Identity } from '../../shared/domain/identity';
import { setNarrativeEditor } from '../../shared/domain/rights';
import {
  addLearning, linkKey, linkNotes, moveLinkedNote, removeLearning, removeThread, startThread, threadOf, unlinkNote, updateThread,
} from '../../shared/domain/threads';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import {
  gatheringsMapOf, learningsOf, liveOf, narrativeOf, recordsOf, threadNotesOf, threadsMapOf, weavesOf, workshopOf,
} from '../../shared/schema';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { addNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { createHarness, noteBy, writeBoard, writeRecord, type Harness, type HarnessClient } from '../helpers/harness';

/**
 * The process rules of the gate (threads, links, learnings, the narrative and its weaves,
 * gatherings), each as a participant, a thread's owner, a narrative editor, the facilitator
 * and the projector, through real Yjs updates on rooms run in this process: an allowed change
 * reaches the facilitator's other client; a forbidden one closes the socket with 4403 and
 * leaves the document as it was; a projector's changes are applied for no one.
 */

type Who = 'citizen' | 'owner' | 'editor' | 'facilitator' | 'projector';

interface Board {
  harness: Harness;
  sessions: Record<Who, Session>;
  /** A second facilitator client that sees what was relayed. */
  observer: HarnessClient;
  gathering: string;
  citizenNote: string;
  ownerNote: string;
  /** The owner's thread, with the owner's note linked and a learning by the owner. */
  thread: string;
  learning: string;
}

async function connected(harness: Harness, session: Session): Promise<HarnessClient> {
  const client = harness.connect(session);
  await client.waitSynced();
  return client;
}

/** A workshop mid-process, every part written through the gate by the person it belongs to. */
async function board(): Promise<Board> {
  const harness = createHarness();
  const workshop = await harness.createWorkshop('Proces');
  const citizen = await harness.join(workshop, 'citizen', 'Aviaja');
  const owner = await harness.join(workshop, 'politician', 'Borgmester');
  const editor = await harness.join(workshop, 'employee', 'Nuka');
  const observer = await connected(harness, workshop.facilitator);
  writeBoard(observer.doc);
  const gathering = addGathering(observer.doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-04' }).id;
  setNarrativeEditor(observer.doc, editor.participantId ?? '', true);
  narrativeOf(observer.doc).insert(0, [paragraph('Indledning')]);

  const ownerClient = await connected(harness, owner);
  await eventually(() => expect(gatheringsMapOf(ownerClient.doc).has(gathering)).toBe(true));
  const ownerNote = { ...noteBy(owner, 'Mere liv på havnen'), meta: { group: owner.group, participantId: owner.participantId, gatheringId: gathering } };
  writeRecord(ownerClient.doc, ownerNote);
  const thread = startThread(ownerClient.doc, owner, { title: 'Havnen', purpose: 'Liv', noteIds: [ownerNote.id] });
  const learning = addLearning(ownerClient.doc, owner, thread, 'Folk vil have bænke', gathering);
  const citizenClient = await connected(harness, citizen);
  const citizenNote = noteBy(citizen, 'Bevar havnen');
  writeRecord(citizenClient.doc, citizenNote);
  await eventually(() => {
    expect(learningsOf(observer.doc).has(learning)).toBe(true);
    expect(recordsOf(observer.doc).has(citizenNote.id)).toBe(true);
  });
  expect([ownerClient.closeCode, citizenClient.closeCode]).toEqual([null, null]);
  ownerClient.destroy();
  citizenClient.destroy();
  const sessions = { citizen, owner, editor, facilitator: workshop.facilitator, projector: workshop.projector };
  return { harness, sessions, observer, gathering, citizenNote: citizenNote.id, ownerNote: ownerNote.id, thread, learning };
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Everything the process keeps, comparable (a deletion changes it, not the state vector). */
const contentOf = (doc: Y.Doc): unknown => ({
  records: recordsOf(doc).toJSON(),
  workshop: workshopOf(doc).toJSON(),
  gatherings: gatheringsMapOf(doc).toJSON(),
  live: liveOf(doc).toJSON(),
  threads: threadsMapOf(doc).toJSON(),
  threadNotes: threadNotesOf(doc).toJSON(),
  learnings: learningsOf(doc).toJSON(),
  narrative: narrativeOf(doc).toString(),
  weaves: weavesOf(doc).toJSON(),
});

const card = (doc: Y.Doc, id: string): Y.Map<unknown> => threadsMapOf(doc).get(id) as Y.Map<unknown>;

/** A change, made by `who` on its own synced copy. */
type Edit = (doc: Y.Doc, b: Board, actor: Identity) => void;
type Expected = 'applied' | 'refused' | 'ignored';
interface Rule {
  name: string;
  who: Who;
  edit: Edit;
  expect: Expected;
}

const rules: Rule[] = [];
/** One change as several people, each with what the gate must do with it. */
function as(name: string, edit: Edit, outcomes: Partial<Record<Who, Expected>>): void {
  for (const [who, expect] of Object.entries(outcomes) as Array<[Who, Expected]>) rules.push({ name, who, edit, expect });
}

as('starts a thread from two notes', (doc, b, actor) => startThread(doc, actor, { title: 'Cykelsti', noteIds: [b.citizenNote, b.ownerNote] }), {
  citizen: 'applied', facilitator: 'applied', projector: 'ignored',
});
as('starts a thread in another participant’s name', (doc, b) => startThread(doc, b.sessions.owner, { title: 'Forfalsket' }), {
  citizen: 'refused', editor: 'refused',
});
as('changes the title and status of the owner’s thread', (doc, b) => updateThread(doc, b.thread, { title: 'Havnen i Nuuk', status: 'running' }), {
  citizen: 'refused', editor: 'refused', owner: 'applied', facilitator: 'applied', projector: 'ignored',
});
as('hands the owner’s thread to the citizen', (doc, b) => updateThread(doc, b.thread, { owner: b.sessions.citizen.participantId }), {
  citizen: 'refused', owner: 'applied', facilitator: 'applied',
});
as('changes who started the owner’s thread', (doc, b) => card(doc, b.thread).set('createdBy', b.sessions.citizen.participantId), {
  owner: 'refused', facilitator: 'refused',
});
as('removes the owner’s thread', (doc, b) => removeThread(doc, b.thread), { citizen: 'refused', owner: 'refused', facilitator: 'applied' });
as('links a note to the owner’s thread', (doc, b, actor) => linkNotes(doc, actor, b.thread, [b.citizenNote]), {
  citizen: 'applied', editor: 'applied', facilitator: 'applied', projector: 'ignored',
});
as(
  'links a note in another participant’s name',
  (doc, b) => threadNotesOf(doc).set(linkKey(b.thread, b.citizenNote), { threadId: b.thread, noteId: b.citizenNote, order: 'a5', linkedBy: b.sessions.owner.participantId }),
  { citizen: 'refused', facilitator: 'refused' },
);
as(
  'links a note to a thread that never was',
  (doc, b, actor) => threadNotesOf(doc).set(linkKey('thread:none', b.citizenNote), { threadId: 'thread:none', noteId: b.citizenNote, order: 'a5', linkedBy: actor.participantId }),
  { citizen: 'refused' },
);
as('unlinks the owner’s note', (doc, b) => unlinkNote(doc, b.thread, b.ownerNote), { citizen: 'applied', facilitator: 'applied', projector: 'ignored' });
as(
  'reorders the thread’s notes',
  (doc, b, actor) => {
    linkNotes(doc, actor, b.thread, [b.citizenNote]);
    moveLinkedNote(doc, actor, b.thread, b.citizenNote, -1);
  },
  { citizen: 'applied', facilitator: 'applied' },
);
as('adds a learning to the owner’s thread', (doc, b, actor) => addLearning(doc, actor, b.thread, 'Det virker', b.gathering), {
  citizen: 'applied', editor: 'applied', facilitator: 'applied',
});
as(
  'adds a learning in another group’s name',
  (doc, b, actor) => learningsOf(doc).set('learning:forged', { threadId: b.thread, text: 'Forfalsket', at: 1, group: 'business', writer: actor.participantId, gatheringId: null }),
  { citizen: 'refused' },
);
as('removes the owner’s learning', (doc, b) => removeLearning(doc, b.learning), { citizen: 'refused', owner: 'applied', facilitator: 'applied' });
as('writes a paragraph into the narrative', (doc) => narrativeOf(doc).insert(1, [paragraph('Havnen')]), {
  citizen: 'refused', owner: 'refused', editor: 'applied', facilitator: 'applied', projector: 'ignored',
});
as('retypes the narrative’s first paragraph', (doc) => ((narrativeOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Kort '), {
  citizen: 'refused', editor: 'applied',
});
as(
  'records a weave',
  (doc, b, actor) => weavesOf(doc).set('passage:a', { threadId: b.thread, noteIds: [b.ownerNote], sectionId: null, at: 1, by: actor.participantId, dismissed: [] }),
  { citizen: 'refused', editor: 'applied', facilitator: 'applied' },
);
as('records a weave as a shared map', (doc) => weavesOf(doc).set('passage:a', new Y.Map()), { editor: 'refused', facilitator: 'refused' });
as('makes itself a narrative editor', (doc, _b, actor) => setNarrativeEditor(doc, actor.participantId ?? 'x', true), { citizen: 'refused' });
as('adds a gathering', (doc) => addGathering(doc, { title: 'Tasiilaq' }), { citizen: 'refused', facilitator: 'applied', projector: 'ignored' });
as(
  'adds a note to a gathering the board does not have',
  (doc, _b, actor) => writeRecord(doc, { ...noteBy(actor as Session, 'Et andet sted'), meta: { group: actor.group, participantId: actor.participantId, gatheringId: 'gathering:invented' } }),
  { citizen: 'refused' },
);
as(
  'adds a note to the current gathering',
  (doc, b, actor) => writeRecord(doc, { ...noteBy(actor as Session, 'Her'), meta: { group: actor.group, participantId: actor.participantId, gatheringId: b.gathering } }),
  { citizen: 'applied' },
);

describe('the gate’s process rules, in process', () => {
  let current: Board | null = null;
  afterEach(async () => {
    await current?.harness.close();
    current = null;
  });

  for (const rule of rules) {
    const verdict = { applied: 'is applied and relayed', refused: `closes the socket with ${CLOSE_CODE.forbidden}`, ignored: 'is applied for no one' }[rule.expect];
    it(`${rule.who} ${rule.name}: ${verdict}`, async () => {
      const b = (current = await board());
      const actor = b.sessions[rule.who];
      const client = await connected(b.harness, actor);
      const before = Y.encodeStateVector(b.observer.doc);
      const contentBefore = contentOf(b.observer.doc);
      rule.edit(client.doc, b, actor);
      expect(contentOf(client.doc)).not.toEqual(contentBefore);

      if (rule.expect === 'applied') {
        await eventually(() => expect(contentOf(b.observer.doc)).toEqual(contentOf(client.doc)));
        expect(client.closeCode).toBeNull();
        return;
      }
      if (rule.expect === 'refused') expect(await client.waitClosed()).toBe(CLOSE_CODE.forbidden);
      else {
        // The projector's socket stays open; a facilitator's change after it shows the room moved on without it.
        setCurrentGathering(b.observer.doc, b.gathering);
        // A key `live` knows (the gate refuses unknown ones): the projector's join corner hidden.
        liveOf(b.observer.doc).set('showJoin', false);
        await eventually(() => expect(liveOf(client.doc).get('showJoin')).toBe(false));
        expect(client.closeCode).toBeNull();
      }
      const stored = new Y.Doc();
      for (const update of (await b.harness.storage.loadUpdates(b.observer.session.workshopId)).updates) Y.applyUpdate(stored, update);
      const storedClients = Y.decodeStateVector(Y.encodeStateVector(stored));
      expect(storedClients.has(client.doc.clientID)).toBe(false);
      if (rule.expect === 'refused') {
        expect(Y.encodeStateVector(stored)).toEqual(before);
        expect(Y.encodeStateVector(b.observer.doc)).toEqual(before);
        expect(contentOf(b.observer.doc)).toEqual(contentBefore);
      }
    });
  }

  it('a participant the facilitator makes an editor writes the narrative; once taken off, it is refused', async () => {
    const b = (current = await board());
    const citizen = b.sessions.citizen;
    setNarrativeEditor(b.observer.doc, citizen.participantId ?? '', true);
    const client = await connected(b.harness, citizen);
    await eventually(() => expect(workshopOf(client.doc).get('narrativeEditors')).toContain(citizen.participantId));
    narrativeOf(client.doc).insert(1, [paragraph('Fra arbejdsgruppen')]);
    await eventually(() => expect(narrativeOf(b.observer.doc).toString()).toContain('Fra arbejdsgruppen'));
    setNarrativeEditor(b.observer.doc, citizen.participantId ?? '', false);
    await eventually(() => expect(workshopOf(client.doc).get('narrativeEditors')).not.toContain(citizen.participantId));
    narrativeOf(client.doc).insert(1, [paragraph('Efter')]);
    expect(await client.waitClosed()).toBe(CLOSE_CODE.forbidden);
    expect(narrativeOf(b.observer.doc).toString()).not.toContain('Efter');
  });

  it('a thread handed on is changed by its new owner, and no longer by the old one', async () => {
    const b = (current = await board());
    const owner = await connected(b.harness, b.sessions.owner);
    updateThread(owner.doc, b.thread, { owner: b.sessions.citizen.participantId });
    await eventually(() => expect(threadOf(b.observer.doc, b.thread)?.owner).toBe(b.sessions.citizen.participantId));
    const citizen = await connected(b.harness, b.sessions.citizen);
    updateThread(citizen.doc, b.thread, { status: 'learning' });
    await eventually(() => expect(threadOf(b.observer.doc, b.thread)?.status).toBe('learning'));
    updateThread(owner.doc, b.thread, { status: 'woven' });
    expect(await owner.waitClosed()).toBe(CLOSE_CODE.forbidden);
    expect(threadOf(b.observer.doc, b.thread)?.status).toBe('learning');
  });
});

describe('the process on a real server, from a stock client', () => {
  it('a participant starts a thread from its notes, links another, reorders and adds a learning; everyone sees it', async () => {
    const server = await startServer();
    const clients: TestClient[] = [];
    try {
      const workshop = await createWorkshop(server, { title: 'Proces' });
      const joined = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
      const participant: Identity = { role: 'participant', participantId: joined.participantId, group: 'citizen', name: 'Aviaja' };
      const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
      clients.push(facilitator);
      await facilitator.synced();
      writeBoard(facilitator.doc);
      const gathering = addGathering(facilitator.doc, { title: 'Nuuk', place: 'Nuuk' }).id;

      const citizen = connectClient(server, workshop.id, joined.token);
      clients.push(citizen);
      await citizen.synced();
      await eventually(() => expect(gatheringsMapOf(citizen.doc).has(gathering)).toBe(true));
      const author = { participantId: joined.participantId, group: 'citizen' as const };
      for (const [id, text] of [['shape:havn', 'Bevar havnen'], ['shape:baenk', 'Flere bænke'], ['shape:lys', 'Mere lys']]) {
        addNote(citizen.doc, id, text, author);
        (recordsOf(citizen.doc).get(id) as Y.Map<unknown>).set('meta', { ...author, gatheringId: gathering });
      }
      const thread = startThread(citizen.doc, participant, { title: 'Havnen', purpose: 'Liv ved vandet', noteIds: ['shape:havn', 'shape:baenk'] });
      linkNotes(citizen.doc, participant, thread, ['shape:lys']);
      moveLinkedNote(citizen.doc, participant, thread, 'shape:lys', -1);
      addLearning(citizen.doc, participant, thread, 'Bænkene bliver brugt', gathering);
      updateThread(citizen.doc, thread, { status: 'running' });

      const later = connectClient(server, workshop.id, workshop.facilitatorToken);
      clients.push(later);
      await later.synced();
      await eventually(() => {
        expect(threadOf(later.doc, thread)).toMatchObject({
          title: 'Havnen', owner: joined.participantId, createdBy: joined.participantId, status: 'running',
          noteIds: ['shape:havn', 'shape:lys', 'shape:baenk'],
        });
        expect(threadOf(later.doc, thread)?.learnings).toEqual([expect.objectContaining({ text: 'Bænkene bliver brugt', group: 'citizen', writer: joined.participantId, gatheringId: gathering })]);
      });
      expect(citizen.closeCodes).toEqual([]);
      expect(citizen.provider.wsconnected).toBe(true);
    } finally {
      for (const client of clients) client.destroy();
      await server.stop();
    }
  });
});
