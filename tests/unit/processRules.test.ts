import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorize, type Refusal } from '../../shared/domain/authorize';
import { addGathering, removeGathering, setCurrentGathering } from '../../shared/domain/gatherings';
import { FACILITATOR, PROJECTOR, type Identity } from '../../shared/domain/identity';
import { setNarrativeEditor } from '../../shared/domain/rights';
import {
  addLearning, linkKey, linkNotes, moveLinkedNote, removeLearning, removeThread, startThread, unlinkNote, updateThread,
} from '../../shared/domain/threads';
import { learningsOf, narrativeOf, recordsOf, threadNotesOf, threadsMapOf, weavesOf } from '../../shared/schema';
import { changesOf, decodeUntrustedUpdate } from '../../shared/validate/changes';
import { checkUpdate } from '../../shared/validate/yUpdate';
import { baseRecords, note } from './storeFixtures';
import type { TLShapeId } from 'tldraw';

const citizen: Identity = { role: 'participant', participantId: 'p1', group: 'citizen', name: 'Aviaja' };
const politician: Identity = { role: 'participant', participantId: 'p2', group: 'politician', name: null };
const editor: Identity = { role: 'participant', participantId: 'p3', group: 'employee', name: 'Nuka' };

function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

function noteBy(id: string, actor: Identity, gatheringId: string | null = null): object {
  const colours = { citizen: 'orange', politician: 'violet', employee: 'green' } as const;
  const record = note(id as TLShapeId, 'Bevar havnen');
  return { ...record, meta: { group: actor.group, participantId: actor.participantId, gatheringId }, props: { ...record.props, color: colours[actor.group as keyof typeof colours] } };
}

interface Server {
  doc: Y.Doc;
  gathering: string;
  /** The politician's thread, with the politician's note linked and a learning. */
  thread: string;
  learning: string;
}

/** A server document mid-process: a gathering, two notes, the politician's thread, an editor. */
function server(): Server {
  const doc = new Y.Doc();
  for (const record of baseRecords()) writeRecord(doc, record);
  const gathering = addGathering(doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-04' }).id;
  writeRecord(doc, noteBy('shape:citizen', citizen, gathering));
  writeRecord(doc, noteBy('shape:politician', politician, gathering));
  const thread = startThread(doc, politician, { title: 'Havnen', noteIds: ['shape:politician'] }, 1000);
  const learning = addLearning(doc, politician, thread, 'Folk vil have bænke', gathering, 2000);
  setNarrativeEditor(doc, 'p3', true);
  return { doc, gathering, thread, learning };
}

/** What the gate says of the update `actor` makes with `edit` on a copy of the server's document. */
function verdict(from: Server | Y.Doc, actor: Identity, edit: (doc: Y.Doc) => void): Refusal | null {
  const doc = from instanceof Y.Doc ? from : from.doc;
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(client);
  client.transact(() => edit(client));
  const decoded = decodeUntrustedUpdate(Y.encodeStateAsUpdate(client, before));
  expect(checkUpdate(doc, decoded)).toBeNull();
  return authorize(actor, changesOf(doc, decoded), doc);
}

const reason = (from: Server | Y.Doc, actor: Identity, edit: (doc: Y.Doc) => void): string | null => verdict(from, actor, edit)?.reason ?? null;
const card = (doc: Y.Doc, id: string): Y.Map<unknown> => threadsMapOf(doc).get(id) as Y.Map<unknown>;

/** Writes a thread card field by field, as startThread does, with `overrides` over a citizen's start. */
function rawThread(doc: Y.Doc, id: string, overrides: Record<string, unknown> = {}, omit: string[] = []): void {
  const fields = new Y.Map<unknown>();
  threadsMapOf(doc).set(id, fields);
  const start = { title: 'Rå', purpose: '', goal: '', owner: 'p1', status: 'idea', createdBy: 'p1', createdAt: 5, ...overrides };
  for (const [key, value] of Object.entries(start)) if (!omit.includes(key)) fields.set(key, value);
}

describe('threads: starting one', () => {
  it('anyone but the projector starts a thread, empty or from notes, as themselves', () => {
    const s = server();
    expect(reason(s, citizen, (doc) => startThread(doc, citizen, { title: 'Cykelsti' }))).toBeNull();
    expect(reason(s, citizen, (doc) => startThread(doc, citizen, { title: 'Cykelsti', noteIds: ['shape:citizen', 'shape:politician'] }))).toBeNull();
    expect(reason(s, FACILITATOR, (doc) => startThread(doc, FACILITATOR, { title: 'Fælles' }))).toBeNull();
    expect(reason(s, PROJECTOR, (doc) => startThread(doc, PROJECTOR, { title: 'Skærm' }))).toBe('read-only');
  });

  it('a participant’s thread starts as an idea it owns or nobody owns, started by itself', () => {
    const s = server();
    expect(reason(s, citizen, (doc) => rawThread(doc, 'thread:a', { owner: null }))).toBeNull();
    expect(reason(s, citizen, (doc) => rawThread(doc, 'thread:a', { createdBy: 'p2' }))).toBe('forged-author');
    expect(reason(s, citizen, (doc) => rawThread(doc, 'thread:a', { createdBy: null }))).toBe('forged-author');
    expect(reason(s, citizen, (doc) => rawThread(doc, 'thread:a', { owner: 'p2' }))).toBe('forged-author');
    expect(reason(s, citizen, (doc) => rawThread(doc, 'thread:a', { status: 'running' }))).toBe('invalid-thread');
    expect(reason(s, FACILITATOR, (doc) => rawThread(doc, 'thread:a', { createdBy: null, owner: 'p2', status: 'running' }))).toBeNull();
    expect(reason(s, FACILITATOR, (doc) => rawThread(doc, 'thread:a', { createdBy: 'p2' }))).toBe('forged-author');
  });

  it('a card has exactly its seven fields, each with a value of its kind', () => {
    const s = server();
    const refused = (overrides: Record<string, unknown>, omit: string[] = []) => verdict(s, FACILITATOR, (doc) => rawThread(doc, 'thread:a', { createdBy: null, ...overrides }, omit));
    expect(refused({}, ['createdAt'])).toMatchObject({ reason: 'invalid-thread', detail: 'missing createdAt' });
    expect(refused({ title: 'x'.repeat(201) })?.detail).toBe('title');
    expect(refused({ title: 'x'.repeat(200), purpose: 'y'.repeat(4000), goal: 'z'.repeat(4000) })).toBeNull();
    expect(refused({ purpose: 'y'.repeat(4001) })?.detail).toBe('purpose');
    expect(refused({ status: 'done' })?.detail).toBe('status');
    expect(refused({ owner: 7 })?.detail).toBe('owner');
    expect(refused({ createdAt: 'today' })?.detail).toBe('createdAt');
    expect(refused({ colour: 'red' })?.detail).toBe('unknown field');
    expect(reason(s, FACILITATOR, (doc) => threadsMapOf(doc).set('thread:json', { title: 'x' } as never))).toBe('invalid-thread');
    expect(reason(s, FACILITATOR, (doc) => {
      rawThread(doc, 'thread:a', { createdBy: null });
      card(doc, 'thread:a').set('title', new Y.Text('indlejret') as never);
    })).toBe('invalid-thread');
  });
});

describe('threads: the card', () => {
  it('its owner and the facilitator change it; nobody else', () => {
    const s = server();
    expect(reason(s, politician, (doc) => updateThread(doc, s.thread, { title: 'Havnen 2', status: 'running', purpose: 'Mere liv' }))).toBeNull();
    expect(reason(s, FACILITATOR, (doc) => updateThread(doc, s.thread, { status: 'learning', goal: 'Bænke' }))).toBeNull();
    expect(reason(s, citizen, (doc) => updateThread(doc, s.thread, { title: 'Min nu' }))).toBe('not-owner');
    expect(reason(s, citizen, (doc) => updateThread(doc, s.thread, { owner: 'p1' }))).toBe('not-owner');
    expect(reason(s, PROJECTOR, (doc) => updateThread(doc, s.thread, { title: 'Skærm' }))).toBe('read-only');
  });

  it('the owner may hand the thread on, and then the new owner changes it', () => {
    const s = server();
    expect(reason(s, politician, (doc) => updateThread(doc, s.thread, { owner: 'p1' }))).toBeNull();
    updateThread(s.doc, s.thread, { owner: 'p1' });
    expect(reason(s, citizen, (doc) => updateThread(doc, s.thread, { status: 'running' }))).toBeNull();
    expect(reason(s, politician, (doc) => updateThread(doc, s.thread, { status: 'idea' }))).toBe('not-owner');
  });

  it('who started a thread and when never changes; values are checked', () => {
    const s = server();
    expect(reason(s, politician, (doc) => card(doc, s.thread).set('createdBy', 'p1'))).toBe('author-changed');
    expect(reason(s, FACILITATOR, (doc) => card(doc, s.thread).set('createdAt', 1))).toBe('author-changed');
    expect(reason(s, politician, (doc) => card(doc, s.thread).set('status', 'finished'))).toBe('invalid-thread');
    expect(reason(s, politician, (doc) => card(doc, s.thread).delete('goal'))).toBe('invalid-thread');
    expect(reason(s, politician, (doc) => card(doc, s.thread).set('votes', 3))).toBe('invalid-thread');
  });

  it('only the facilitator removes a thread or puts a new card in its place', () => {
    const s = server();
    expect(reason(s, politician, (doc) => removeThread(doc, s.thread))).toBe('facilitator-only');
    expect(reason(s, FACILITATOR, (doc) => removeThread(doc, s.thread))).toBeNull();
    expect(reason(s, politician, (doc) => rawThread(doc, s.thread, { owner: 'p2', createdBy: 'p2' }))).toBe('facilitator-only');
  });
});

describe('links of notes to threads', () => {
  it('anyone but the projector links, reorders and unlinks, naming who made a link', () => {
    const s = server();
    expect(reason(s, citizen, (doc) => linkNotes(doc, citizen, s.thread, ['shape:citizen']))).toBeNull();
    expect(reason(s, FACILITATOR, (doc) => linkNotes(doc, FACILITATOR, s.thread, ['shape:citizen']))).toBeNull();
    expect(reason(s, citizen, (doc) => unlinkNote(doc, s.thread, 'shape:politician'))).toBeNull();
    linkNotes(s.doc, citizen, s.thread, ['shape:citizen']);
    expect(reason(s, citizen, (doc) => moveLinkedNote(doc, citizen, s.thread, 'shape:citizen', -1))).toBeNull();
    expect(reason(s, PROJECTOR, (doc) => unlinkNote(doc, s.thread, 'shape:politician'))).toBe('read-only');
  });

  it('refuses a link under another’s name, to an unknown thread, or that is not a link', () => {
    const s = server();
    const link = (overrides: Record<string, unknown> = {}, key = linkKey(s.thread, 'shape:citizen')) => (doc: Y.Doc) =>
      threadNotesOf(doc).set(key, { threadId: s.thread, noteId: 'shape:citizen', order: 'a5', linkedBy: 'p1', ...overrides });
    expect(reason(s, citizen, link())).toBeNull();
    expect(reason(s, citizen, link({ linkedBy: 'p2' }))).toBe('forged-author');
    expect(reason(s, citizen, link({ linkedBy: null }))).toBe('forged-author');
    expect(reason(s, citizen, link({ threadId: 'thread:none' }, 'thread:none/shape:citizen'))).toBe('unknown-thread');
    expect(reason(s, citizen, link({}, 'thread:else/shape:citizen'))).toBe('invalid-link');
    expect(reason(s, citizen, link({ order: 'zzz' }))).toBe('invalid-link');
    expect(reason(s, citizen, link({ order: `a1${'V'.repeat(63)}` }))).toBe('invalid-link');
    expect(reason(s, citizen, link({ note: 'extra' }))).toBe('invalid-link');
    expect(reason(s, citizen, (doc) => threadNotesOf(doc).set(linkKey(s.thread, 'shape:citizen'), new Y.Map()))).toBe('invalid-link');
  });

  it('a reordered link names the one who moved it, also when it crosses an unlink', () => {
    const s = server();
    const key = linkKey(s.thread, 'shape:politician');
    const moved = (linkedBy: string | null) => (doc: Y.Doc) =>
      threadNotesOf(doc).set(key, { threadId: s.thread, noteId: 'shape:politician', order: 'a9', linkedBy });
    expect(reason(s, citizen, moved('p1'))).toBeNull();
    expect(reason(s, citizen, moved('p2'))).toBe('forged-author');
    // The politician unlinks while the citizen moves the link: the move arrives as a new link.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(s.doc));
    const before = Y.encodeStateVector(client);
    linkNotes(client, citizen, s.thread, ['shape:citizen']);
    moveLinkedNote(client, citizen, s.thread, 'shape:citizen', -1);
    unlinkNote(s.doc, s.thread, 'shape:politician');
    const decoded = decodeUntrustedUpdate(Y.encodeStateAsUpdate(client, before));
    expect(authorize(citizen, changesOf(s.doc, decoded), s.doc)).toBeNull();
  });

  it('accepts a link to a thread the facilitator removed meanwhile, harmless and never shown', () => {
    const s = server();
    removeThread(s.doc, s.thread);
    expect(reason(s, citizen, (doc) => threadNotesOf(doc).set(linkKey(s.thread, 'shape:citizen'), { threadId: s.thread, noteId: 'shape:citizen', order: 'a5', linkedBy: 'p1' }))).toBeNull();
  });
});

describe('learnings', () => {
  it('anyone but the projector adds one as themselves to a known thread', () => {
    const s = server();
    expect(reason(s, citizen, (doc) => addLearning(doc, citizen, s.thread, 'Det virker', s.gathering))).toBeNull();
    expect(reason(s, FACILITATOR, (doc) => addLearning(doc, FACILITATOR, s.thread, 'Noteret', null))).toBeNull();
    const raw = (overrides: Record<string, unknown>) => (doc: Y.Doc) =>
      learningsOf(doc).set('learning:x', { threadId: s.thread, text: 'Lært', at: 9, group: 'citizen', writer: 'p1', gatheringId: null, ...overrides });
    expect(reason(s, citizen, raw({}))).toBeNull();
    expect(reason(s, citizen, raw({ writer: 'p2' }))).toBe('forged-author');
    expect(reason(s, citizen, raw({ group: 'politician' }))).toBe('forged-author');
    expect(reason(s, FACILITATOR, raw({}))).toBe('forged-author');
    expect(reason(s, citizen, raw({ text: '   ' }))).toBe('invalid-learning');
    expect(reason(s, citizen, raw({ text: 'x'.repeat(4001) }))).toBe('invalid-learning');
    expect(reason(s, citizen, raw({ at: 'i går' }))).toBe('invalid-learning');
    expect(reason(s, citizen, raw({ gatheringId: 4 }))).toBe('invalid-learning');
    expect(reason(s, citizen, raw({ threadId: 'thread:none' }))).toBe('unknown-thread');
    expect(reason(s, PROJECTOR, raw({}))).toBe('read-only');
  });

  it('its writer and the facilitator change or remove it, never who wrote it or its thread', () => {
    const s = server();
    const stored = learningsOf(s.doc).get(s.learning) as Record<string, unknown>;
    const rewrite = (overrides: Record<string, unknown>) => (doc: Y.Doc) => learningsOf(doc).set(s.learning, { ...stored, ...overrides });
    expect(reason(s, politician, rewrite({ text: 'Folk vil have flere bænke' }))).toBeNull();
    expect(reason(s, FACILITATOR, rewrite({ text: 'Rettet' }))).toBeNull();
    expect(reason(s, citizen, rewrite({ text: 'Overskrevet' }))).toBe('not-writer');
    expect(reason(s, politician, rewrite({ writer: 'p1', group: 'citizen' }))).toBe('author-changed');
    const other = startThread(s.doc, politician, { title: 'Andet' });
    expect(reason(s, politician, rewrite({ threadId: other }))).toBe('invalid-learning');
    expect(reason(s, politician, (doc) => removeLearning(doc, s.learning))).toBeNull();
    expect(reason(s, FACILITATOR, (doc) => removeLearning(doc, s.learning))).toBeNull();
    expect(reason(s, citizen, (doc) => removeLearning(doc, s.learning))).toBe('not-writer');
  });
});

describe('the narrative and its weaves', () => {
  const paragraph = (text: string) => {
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };

  it('the facilitator and the named editors write it; others are refused', () => {
    const s = server();
    const write = (doc: Y.Doc) => narrativeOf(doc).insert(0, [paragraph('Indledning')]);
    expect(reason(s, FACILITATOR, write)).toBeNull();
    expect(reason(s, editor, write)).toBeNull();
    expect(reason(s, citizen, write)).toBe('not-editor');
    expect(reason(s, PROJECTOR, write)).toBe('read-only');
    narrativeOf(s.doc).insert(0, [paragraph('Indledning')]);
    const retype = (doc: Y.Doc) => ((narrativeOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Ny ');
    expect(reason(s, editor, retype)).toBeNull();
    expect(reason(s, citizen, retype)).toBe('not-editor');
    expect(reason(s, editor, (doc) => narrativeOf(doc).delete(0, 1))).toBeNull();
    expect(reason(s, politician, (doc) => narrativeOf(doc).delete(0, 1))).toBe('not-editor');
  });

  it('a participant becomes an editor only by the facilitator', () => {
    const s = server();
    expect(reason(s, citizen, (doc) => setNarrativeEditor(doc, 'p1', true))).toBe('facilitator-only');
    expect(reason(s, FACILITATOR, (doc) => setNarrativeEditor(doc, 'p1', true))).toBeNull();
    setNarrativeEditor(s.doc, 'p1', true);
    expect(reason(s, citizen, (doc) => narrativeOf(doc).insert(0, [paragraph('Min')]))).toBeNull();
    setNarrativeEditor(s.doc, 'p3', false);
    expect(reason(s, editor, (doc) => narrativeOf(doc).insert(0, [paragraph('Ikke mere')]))).toBe('not-editor');
  });

  it('weaves are JSON objects, written by editors', () => {
    const s = server();
    const weave = { threadId: s.thread, noteIds: ['shape:politician'], sectionId: null, at: 1, by: 'p3', dismissed: [] };
    expect(reason(s, editor, (doc) => weavesOf(doc).set('passage:a', weave))).toBeNull();
    expect(reason(s, citizen, (doc) => weavesOf(doc).set('passage:a', weave))).toBe('not-editor');
    expect(reason(s, editor, (doc) => weavesOf(doc).set('passage:a', new Y.Map()))).toBe('invalid-weave');
    expect(reason(s, editor, (doc) => weavesOf(doc).set('passage:a', ['a'] as never))).toBe('invalid-weave');
    expect(reason(s, editor, (doc) => weavesOf(doc).set('passage:a', { big: 'x'.repeat(70_000) }))).toBe('invalid-weave');
  });
});

describe('gatherings and the canvas', () => {
  it('gatherings and the current one are the facilitator’s', () => {
    const s = server();
    expect(reason(s, citizen, (doc) => addGathering(doc, { title: 'Tasiilaq' }))).toBe('facilitator-only');
    expect(reason(s, FACILITATOR, (doc) => addGathering(doc, { title: 'Tasiilaq' }))).toBeNull();
    const second = addGathering(s.doc, { title: 'Sisimiut' }).id;
    expect(reason(s, citizen, (doc) => setCurrentGathering(doc, second))).toBe('facilitator-only');
    expect(reason(s, FACILITATOR, (doc) => setCurrentGathering(doc, second))).toBeNull();
  });

  it('a participant’s note names no gathering or one the board has (a removed one too)', () => {
    const s = server();
    expect(reason(s, citizen, (doc) => writeRecord(doc, noteBy('shape:a', citizen, s.gathering)))).toBeNull();
    expect(reason(s, citizen, (doc) => writeRecord(doc, noteBy('shape:a', citizen, null)))).toBeNull();
    expect(reason(s, citizen, (doc) => writeRecord(doc, noteBy('shape:a', citizen, 'gathering:invented')))).toBe('unknown-gathering');
    expect(reason(s, citizen, (doc) => writeRecord(doc, noteBy('shape:a', citizen, 12 as never)))).toBe('unknown-gathering');
    expect(reason(s, FACILITATOR, (doc) => writeRecord(doc, { ...noteBy('shape:a', citizen, 'gathering:imported'), meta: { group: null, participantId: null, gatheringId: 'gathering:imported' } }))).toBeNull();
    const empty = addGathering(s.doc, { title: 'Tom' });
    expect(removeGathering(s.doc, empty.id)).toBe('removed');
    expect(reason(s, citizen, (doc) => writeRecord(doc, noteBy('shape:a', citizen, empty.id)))).toBeNull();
  });

  it('a participant may change its note’s gathering only to one the board has, and move notes naming any', () => {
    const s = server();
    const meta = (doc: Y.Doc, gatheringId: string) => (recordsOf(doc).get('shape:citizen') as Y.Map<unknown>).set('meta', { group: 'citizen', participantId: 'p1', gatheringId });
    expect(reason(s, citizen, (doc) => meta(doc, 'gathering:invented'))).toBe('unknown-gathering');
    const politicianNote = recordsOf(s.doc).get('shape:politician') as Y.Map<unknown>;
    politicianNote.set('meta', { group: 'politician', participantId: 'p2', gatheringId: 'gathering:from-an-import' });
    expect(reason(s, citizen, (doc) => (recordsOf(doc).get('shape:politician') as Y.Map<unknown>).set('x', 400))).toBeNull();
  });
});

describe('refusals in logs', () => {
  it('name the failing rule and field, never what a person wrote', () => {
    const s = server();
    const secret = 'Hemmelig-0xC0FFEE';
    const refusals = [
      verdict(s, FACILITATOR, (doc) => rawThread(doc, 'thread:a', { createdBy: null, [secret]: 1 })),
      verdict(s, FACILITATOR, (doc) => rawThread(doc, 'thread:a', { createdBy: null, title: secret.repeat(20) })),
      verdict(s, citizen, (doc) => learningsOf(doc).set('learning:x', { threadId: s.thread, text: secret, at: 1, group: 'citizen', writer: 'p1', gatheringId: null, [secret]: 1 })),
      verdict(s, citizen, (doc) => threadNotesOf(doc).set(secret, { threadId: s.thread, noteId: secret, order: secret, linkedBy: 'p1' })),
      verdict(s, editor, (doc) => weavesOf(doc).set('passage:x', { text: secret.repeat(5000) })),
    ];
    for (const refusal of refusals) {
      expect(refusal).not.toBeNull();
      expect(JSON.stringify({ reason: refusal?.reason, detail: refusal?.detail })).not.toContain('Hemmelig');
    }
  });
});
