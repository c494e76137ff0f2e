import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorize, type Refusal } from '../../shared/domain/authorize';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import { recordsOf } from '../../shared/schema';
import { changesOf, decodeUntrustedUpdate, type Change } from '../../shared/validate/changes';
import { checkUpdate } from '../../shared/validate/yUpdate';
import { baseRecords, note } from './storeFixtures';
import type { TLShapeId } from 'tldraw';

const citizen: Identity = { role: 'participant', participantId: 'p1', group: 'citizen', name: 'Aviaja' };
const politician: Identity = { role: 'participant', participantId: 'p2', group: 'politician', name: null };
const CITIZEN_NOTE = 'shape:citizen-note' as TLShapeId;
const POLITICIAN_NOTE = 'shape:politician-note' as TLShapeId;

function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

function politicianNote() {
  const record = note(POLITICIAN_NOTE, 'Mere cykelsti');
  return { ...record, meta: { group: 'politician', participantId: 'p2', gatheringId: null }, props: { ...record.props, color: 'violet' } };
}

/** A server document with a board: document, page, a citizen's note and a politician's note. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const record of baseRecords()) writeRecord(doc, record);
    writeRecord(doc, note(CITIZEN_NOTE, 'Bevar havnen'));
    writeRecord(doc, politicianNote());
  });
  return doc;
}

/** What the gate says of the update a client makes with `edit` on its copy of `server`. */
function verdict(server: Y.Doc, actor: Identity, edit: (doc: Y.Doc) => void): { refusal: Refusal | null; changes: Change[] } {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  client.transact(() => edit(client));
  const update = Y.encodeStateAsUpdate(client, before);
  const decoded = decodeUntrustedUpdate(update);
  expect(checkUpdate(server, decoded)).toBeNull();
  const changes = changesOf(server, decoded);
  return { refusal: authorize(actor, changes, server), changes };
}

const field = (doc: Y.Doc, id: string) => recordsOf(doc).get(id) as Y.Map<unknown>;

describe('changesOf', () => {
  it('lists a new record with its fields, without applying anything', () => {
    const server = board();
    const vector = Y.encodeStateVector(server);
    const { changes } = verdict(server, citizen, (doc) => writeRecord(doc, note('shape:new' as TLShapeId, 'Ny')));
    expect(changes.find((c) => c.field === null)).toMatchObject({ top: 'records', key: 'shape:new', kind: 'create', content: 'type' });
    expect(changes.filter((c) => c.key === 'shape:new' && c.field !== null).map((c) => c.field).sort()).toContain('props');
    expect(Y.encodeStateVector(server)).toEqual(vector);
    expect(recordsOf(server).has('shape:new')).toBe(false);
  });

  it('lists a moved note as updates of x and y only', () => {
    const { changes } = verdict(board(), citizen, (doc) => {
      field(doc, POLITICIAN_NOTE).set('x', 300);
      field(doc, POLITICIAN_NOTE).set('y', 40);
    });
    expect(changes.map((c) => `${c.kind} ${c.key}.${c.field}`).sort()).toEqual([
      `update ${POLITICIAN_NOTE}.x`,
      `update ${POLITICIAN_NOTE}.y`,
    ]);
  });

  it('lists a deleted record', () => {
    const { changes } = verdict(board(), citizen, (doc) => recordsOf(doc).delete(POLITICIAN_NOTE));
    expect(changes).toContainEqual(expect.objectContaining({ top: 'records', key: POLITICIAN_NOTE, field: null, kind: 'delete' }));
  });

  it('names a top-level type the document does not have', () => {
    const { changes, refusal } = verdict(board(), FACILITATOR, (doc) => doc.getMap('ballots').set('x', 1));
    expect(changes).toEqual([expect.objectContaining({ top: 'ballots', key: 'x', kind: 'create' })]);
    expect(refusal?.reason).toBe('unknown-type');
  });
});

describe('authorize: a participant', () => {
  it('may add a note of its own, in its group colour', () => {
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, note('shape:mine' as TLShapeId, 'Min idé'))).refusal).toBeNull();
  });

  it('may not add a note under another participant or group', () => {
    const forged = { ...note('shape:forged' as TLShapeId), meta: { group: 'politician', participantId: 'p2', gatheringId: null } };
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, forged)).refusal?.reason).toBe('forged-author');
  });

  it('may not add a note in another group colour', () => {
    const violet = { ...note('shape:violet' as TLShapeId), props: { ...note().props, color: 'violet' } };
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, violet)).refusal?.reason).toBe('foreign-colour');
  });

  it('may move and restack another participant\'s note', () => {
    const result = verdict(board(), citizen, (doc) => {
      field(doc, POLITICIAN_NOTE).set('x', 999);
      field(doc, POLITICIAN_NOTE).set('index', 'a5');
    });
    expect(result.refusal).toBeNull();
  });

  it('may not retype, recolour or delete another participant\'s note', () => {
    const retyped = { ...politicianNote().props, richText: { type: 'doc', content: [] } };
    expect(verdict(board(), citizen, (doc) => field(doc, POLITICIAN_NOTE).set('props', retyped)).refusal?.reason).toBe('not-yours');
    expect(verdict(board(), citizen, (doc) => recordsOf(doc).delete(POLITICIAN_NOTE)).refusal?.reason).toBe('not-yours');
  });

  it('may not change who made a note, not even its own', () => {
    const meta = { group: 'politician', participantId: 'p1', gatheringId: null };
    expect(verdict(board(), citizen, (doc) => field(doc, CITIZEN_NOTE).set('meta', meta)).refusal?.reason).toBe('author-changed');
    expect(verdict(board(), FACILITATOR, (doc) => field(doc, CITIZEN_NOTE).set('meta', meta)).refusal?.reason).toBe('author-changed');
  });

  it('may retype and delete its own note', () => {
    const props = { ...note().props, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ny tekst' }] }] } };
    expect(verdict(board(), citizen, (doc) => field(doc, CITIZEN_NOTE).set('props', props)).refusal).toBeNull();
    expect(verdict(board(), citizen, (doc) => recordsOf(doc).delete(CITIZEN_NOTE)).refusal).toBeNull();
  });

  it('may not lock, or change a locked shape; the facilitator may', () => {
    expect(verdict(board(), citizen, (doc) => field(doc, CITIZEN_NOTE).set('isLocked', true)).refusal?.reason).toBe('lock-is-facilitators');
    const locked = board();
    field(locked, CITIZEN_NOTE).set('isLocked', true);
    expect(verdict(locked, citizen, (doc) => field(doc, CITIZEN_NOTE).set('x', 5)).refusal?.reason).toBe('locked');
    expect(verdict(locked, FACILITATOR, (doc) => field(doc, CITIZEN_NOTE).set('x', 5)).refusal).toBeNull();
  });

  it('may not touch pages, the document record or the workshop', () => {
    expect(verdict(board(), citizen, (doc) => recordsOf(doc).delete('page:page')).refusal?.reason).toBe('facilitator-only');
    expect(verdict(board(), citizen, (doc) => doc.getMap('workshop').set('title', 'Mit')).refusal?.reason).toBe('facilitator-only');
    expect(verdict(board(), FACILITATOR, (doc) => doc.getMap('workshop').set('title', 'Vores')).refusal).toBeNull();
  });

  it('may not write the participants list, which is the server\'s', () => {
    expect(verdict(board(), FACILITATOR, (doc) => doc.getMap('participants').set('p9', {})).refusal?.reason).toBe('server-only');
  });

  it('may not write text over 10,000 characters', () => {
    const long = { ...note().props, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(10_001) }] }] } };
    expect(verdict(board(), citizen, (doc) => field(doc, CITIZEN_NOTE).set('props', long)).refusal?.reason).toBe('text-too-long');
  });
});

describe('authorize: tldraw validation', () => {
  it('refuses an invalid record, an unknown record type and a nested type in a record', () => {
    const server = board();
    expect(verdict(server, FACILITATOR, (doc) => field(doc, CITIZEN_NOTE).set('x', 'far')).refusal?.reason).toBe('invalid-record');
    expect(verdict(server, FACILITATOR, (doc) => writeRecord(doc, { id: 'camera:x', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} })).refusal?.reason).toBe('invalid-record');
    expect(verdict(server, FACILITATOR, (doc) => field(doc, CITIZEN_NOTE).set('props', new Y.Map())).refusal?.reason).toBe('invalid-record');
    expect(verdict(server, FACILITATOR, (doc) => recordsOf(doc).set('shape:raw', 'text' as never)).refusal?.reason).toBe('invalid-record');
  });

  it('refuses a record whose id does not match its key, and a field removed from a record', () => {
    const server = board();
    expect(verdict(server, FACILITATOR, (doc) => writeRecord(doc, { ...note(), id: 'shape:other' }) ).refusal).toBeNull();
    expect(verdict(server, FACILITATOR, (doc) => field(doc, CITIZEN_NOTE).set('id', 'shape:else')).refusal?.reason).toBe('invalid-record');
    expect(verdict(server, FACILITATOR, (doc) => field(doc, CITIZEN_NOTE).delete('props')).refusal?.reason).toBe('invalid-record');
  });
});

describe('authorize: tldraw user records (who first wrote in a note)', () => {
  const user = (id: string, name: string, color = '#e16919') => ({ id, typeName: 'user', name, color, imageUrl: '', meta: {} });
  const anonymous: Identity = { ...citizen, name: null };

  it('lets a participant write its own, under its own name and colour', () => {
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, user('user:participant:p1', 'Aviaja'))).refusal).toBeNull();
    expect(verdict(board(), anonymous, (doc) => writeRecord(doc, user('user:participant:p1', 'Medborgare'))).refusal).toBeNull();
  });

  it('refuses another person\'s user record, a forged name, colour or picture', () => {
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, user('user:participant:p2', 'Aviaja'))).refusal?.reason).toBe('not-yours');
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, user('user:participant:p1', 'Borgmester'))).refusal?.reason).toBe('forged-author');
    expect(verdict(board(), anonymous, (doc) => writeRecord(doc, user('user:participant:p1', 'Politiker'))).refusal?.reason).toBe('forged-author');
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, user('user:participant:p1', 'Aviaja', '#ae3ec9'))).refusal?.reason).toBe('forged-author');
    expect(verdict(board(), citizen, (doc) => writeRecord(doc, { ...user('user:participant:p1', 'Aviaja'), imageUrl: 'https://tracker.example/p.gif' })).refusal?.reason).toBe('forged-author');
  });
});

describe('refusals in logs', () => {
  it('name a failing field, never the text a person wrote', () => {
    const secret = 'Hemmelig-note-0xC0FFEE';
    const server = board();
    const cases = [
      (doc: Y.Doc) => field(doc, CITIZEN_NOTE).set('props', { ...note().props, url: secret }),
      (doc: Y.Doc) => field(doc, CITIZEN_NOTE).set('props', { ...note().props, font: secret }),
      (doc: Y.Doc) => field(doc, CITIZEN_NOTE).set('props', { ...note().props, [secret]: 1 }),
      (doc: Y.Doc) => field(doc, CITIZEN_NOTE).set('x', secret),
      (doc: Y.Doc) => writeRecord(doc, { ...note('shape:x' as TLShapeId), type: secret }),
    ];
    for (const edit of cases) {
      const { refusal } = verdict(server, FACILITATOR, edit);
      expect(refusal?.reason).toBe('invalid-record');
      expect(JSON.stringify(refusal)).not.toContain(secret);
    }
    expect(verdict(server, FACILITATOR, cases[3]).refusal?.detail).toBe('invalid x');
  });
});

describe('delete sets that repeat what the document already deleted', () => {
  it('make no change, and say how many structs they made the server visit', () => {
    const server = board();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.transact(() => {
      for (let index = 0; index < 200; index++) writeRecord(client, note(`shape:n${index}` as TLShapeId, 'x'));
    });
    client.transact(() => {
      for (let index = 0; index < 200; index++) recordsOf(client).delete(`shape:n${index}`);
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    // A reconnecting client's sync step 2: everything the server has, and every deletion.
    const decoded = decodeUntrustedUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    const stats = { visited: 0 };
    expect(changesOf(server, decoded, stats)).toEqual([]);
    expect(stats.visited).toBeGreaterThan(0);
    expect(authorize(citizen, [], server)).toBeNull();
  });
});

describe('a sync step 2 computed against an older state of the server', () => {
  it('repeats what others wrote since, which changes nothing and is not refused', () => {
    const server = board();
    const stale = Y.encodeStateVector(server);
    // The politician writes; the citizen receives it before answering the server's old step 1.
    const politicianCopy = new Y.Doc();
    Y.applyUpdate(politicianCopy, Y.encodeStateAsUpdate(server));
    writeRecord(politicianCopy, politicianNote());
    const citizenCopy = new Y.Doc();
    Y.applyUpdate(citizenCopy, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(politicianCopy));
    Y.applyUpdate(citizenCopy, Y.encodeStateAsUpdate(politicianCopy));
    writeRecord(citizenCopy, note('shape:citizen-second' as TLShapeId, 'Også min'));
    const answer = decodeUntrustedUpdate(Y.encodeStateAsUpdate(citizenCopy, stale));
    expect(answer.structs.some((s) => s.id.client === politicianCopy.clientID)).toBe(true);
    const changes = changesOf(server, answer);
    expect(changes.every((c) => c.key === 'shape:citizen-second')).toBe(true);
    expect(authorize(citizen, changes, server)).toBeNull();
  });
});
