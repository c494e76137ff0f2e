import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TLShapeId } from 'tldraw';
import { authorize, type Refusal } from '../../shared/domain/authorize';
import { addGathering, setCurrentGathering } from '../../shared/domain/gatherings';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import { bringEveryoneTo, setJoinCornerShown } from '../../shared/domain/live';
import { restoreNote, setHidden, setLocked } from '../../shared/domain/moderation';
import { LIVE_KEYS } from '../../shared/domain/runRules';
import { addStep, goToNextStep, moveStep, removeStep, setCurrentStep, updateStep } from '../../shared/domain/steps';
import { addMinute, pauseTimer, resetTimer, startTimer } from '../../shared/domain/timer';
import { liveOf, recordsOf, stepsMapOf, trashOf } from '../../shared/schema';
import { changesOf, decodeUntrustedUpdate } from '../../shared/validate/changes';
import { checkUpdate } from '../../shared/validate/yUpdate';
import { baseRecords, note } from './storeFixtures';

const citizen: Identity = { role: 'participant', participantId: 'p1', group: 'citizen', name: 'Aviaja' };
const politician: Identity = { role: 'participant', participantId: 'p2', group: 'politician', name: null };
const CITIZEN_NOTE = 'shape:citizen' as TLShapeId;

function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

/** A server document: a gathering with two steps (the first current), a citizen's note. */
function server() {
  const doc = new Y.Doc();
  for (const record of baseRecords()) writeRecord(doc, record);
  const gathering = addGathering(doc, { title: 'Nuuk' });
  const first = addStep(doc, gathering.id, { title: 'Hvad er særligt?', prompt: 'Én ting pr. seddel', durationSec: 600 });
  const second = addStep(doc, gathering.id, { title: 'Hvor skal vi hen?' });
  setCurrentStep(doc, first.id);
  writeRecord(doc, note(CITIZEN_NOTE, 'Bevar havnen'));
  return { doc, gathering, first, second };
}

/** What the gate says of the update `actor` makes with `edit` on its copy of `doc`. */
function judge(doc: Y.Doc, actor: Identity, edit: (copy: Y.Doc) => void): Refusal | null {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(client);
  client.transact(() => edit(client));
  const update = Y.encodeStateAsUpdate(client, before);
  const decoded = decodeUntrustedUpdate(update);
  expect(checkUpdate(doc, decoded)).toBeNull();
  return authorize(actor, changesOf(doc, decoded), doc);
}

const reason = (refusal: Refusal | null) => refusal?.reason ?? null;
const stepFields = (doc: Y.Doc, id: string) => stepsMapOf(doc).get(id) as Y.Map<unknown>;

describe('the agenda and the timer are the facilitator’s', () => {
  const edits: Array<[string, (doc: Y.Doc, s: ReturnType<typeof server>) => void]> = [
    ['adds a step', (doc, s) => addStep(doc, s.gathering.id, { title: 'Nyt trin' })],
    ['renames a step', (doc, s) => updateStep(doc, s.first.id, { title: 'Andet navn' })],
    ['moves a step', (doc, s) => moveStep(doc, s.second.id, -1)],
    ['removes a step', (doc, s) => removeStep(doc, s.second.id)],
    ['goes to the next step', (doc) => goToNextStep(doc)],
    ['starts the timer', (doc) => startTimer(doc, 1000)],
    ['pauses the timer', (doc) => pauseTimer(doc, 1000)],
    ['adds a minute', (doc) => addMinute(doc, 1000)],
    ['resets the timer', (doc) => resetTimer(doc, 5000)],
    ['brings everyone to a place', (doc) => bringEveryoneTo(doc, { pageId: 'page:page', x: 0, y: 0, w: 100, h: 100 })],
    ['hides the join corner', (doc) => setJoinCornerShown(doc, false)],
  ];
  for (const [name, edit] of edits) {
    it(`a participant ${name}: refused; the facilitator: allowed`, () => {
      const s = server();
      if (name === 'pauses the timer') startTimer(s.doc, 0);
      expect(reason(judge(s.doc, citizen, (doc) => edit(doc, s)))).not.toBeNull();
      expect(judge(s.doc, FACILITATOR, (doc) => edit(doc, s))).toBeNull();
    });
  }
});

describe('the values of the agenda, for the facilitator too', () => {
  it('a step is a map of its known fields, each a valid value', () => {
    const s = server();
    const bad: Array<[string, unknown]> = [
      ['title', ''],
      ['title', 'x'.repeat(201)],
      ['title', 42],
      ['prompt', 'p'.repeat(1001)],
      ['prompt', null],
      ['durationSec', -5],
      ['durationSec', 2.5],
      ['durationSec', '600'],
      ['order', 'not an order'],
      ['order', 5],
      ['frameId', 17],
      ['frameId', ''],
      ['colour', 'red'],
    ];
    for (const [field, value] of bad) {
      expect(judge(s.doc, FACILITATOR, (doc) => stepFields(doc, s.first.id).set(field, value)), `${field} = ${JSON.stringify(value)}`).toMatchObject({
        reason: 'invalid-step',
        top: 'steps',
      });
    }
    expect(judge(s.doc, FACILITATOR, (doc) => stepFields(doc, s.first.id).set('frameId', null))).toBeNull();
    expect(judge(s.doc, FACILITATOR, (doc) => stepFields(doc, s.first.id).set('prompt', ''))).toBeNull();
    expect(judge(s.doc, FACILITATOR, (doc) => stepFields(doc, s.first.id).delete('prompt'))).toMatchObject({ reason: 'invalid-step' });
  });

  it('a step is not one JSON value or nested content, and names a gathering the document knows', () => {
    const s = server();
    expect(judge(s.doc, FACILITATOR, (doc) => (stepsMapOf(doc) as Y.Map<unknown>).set('step:junk', { title: 'x' }))).toMatchObject({ reason: 'invalid-step' });
    expect(judge(s.doc, FACILITATOR, (doc) => stepFields(doc, s.first.id).set('title', new Y.Map() as never))).toMatchObject({ reason: 'invalid-step' });
    expect(judge(s.doc, FACILITATOR, (doc) => stepFields(doc, s.first.id).set('gatheringId', 'gathering:nowhere'))).toMatchObject({
      reason: 'unknown-gathering',
    });
    // A new step needs at least its gathering and title.
    expect(
      judge(s.doc, FACILITATOR, (doc) => {
        const fields = new Y.Map<unknown>();
        stepsMapOf(doc).set('step:bare', fields);
        fields.set('title', 'Uden samling');
      }),
    ).toMatchObject({ reason: 'invalid-step', detail: 'missing gatheringId' });
  });

  it('a gathering and its steps may arrive in one update', () => {
    const s = server();
    expect(
      judge(s.doc, FACILITATOR, (doc) => {
        const tasiilaq = addGathering(doc, { title: 'Tasiilaq' });
        addStep(doc, tasiilaq.id, { title: 'Første' });
        setCurrentGathering(doc, tasiilaq.id);
      }),
    ).toBeNull();
  });
});

describe('the values of live, for the facilitator too', () => {
  const bad: Array<[string, unknown]> = [
    ['timer', { status: 'running', durationMs: 1000, endsAt: null, remainingMs: 1000 }],
    ['timer', { status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0, junk: 'x' }],
    ['timer', 'soon'],
    ['bringHere', { pageId: 'page:page', x: 0, y: 0, w: 0, h: 100, id: 's' }],
    ['bringHere', 'here'],
    ['stepId', 7],
    ['stepId', ''],
    ['showJoin', 'yes'],
    ['view', 'cinema'],
    ['gatheringId', { id: 'x' }],
    ['somethingElse', true],
  ];
  for (const [key, value] of bad) {
    it(`refuses ${key} = ${JSON.stringify(value)}`, () => {
      const s = server();
      expect(judge(s.doc, FACILITATOR, (doc) => liveOf(doc).set(key, value))).toMatchObject({ reason: 'invalid-live', top: 'live' });
    });
  }

  it('accepts what the domain writes, and removing a known key', () => {
    const s = server();
    expect(judge(s.doc, FACILITATOR, (doc) => liveOf(doc).delete('stepId'))).toBeNull();
    expect(judge(s.doc, FACILITATOR, (doc) => liveOf(doc).set('highlightThreadId', null))).toBeNull();
    expect(judge(s.doc, FACILITATOR, (doc) => liveOf(doc).set('view', 'weave'))).toBeNull();
    expect(LIVE_KEYS).toEqual(expect.arrayContaining(['gatheringId', 'stepId', 'timer', 'bringHere', 'showJoin', 'view', 'highlightThreadId']));
  });

  it('live holds one JSON value per key, no nested content', () => {
    const s = server();
    expect(judge(s.doc, FACILITATOR, (doc) => liveOf(doc).set('timer', new Y.Map()))).toMatchObject({ reason: 'invalid-live' });
  });
});

describe('hiding is the facilitator’s', () => {
  it('the facilitator hides and brings back anyone’s note', () => {
    const s = server();
    expect(judge(s.doc, FACILITATOR, (doc) => setHidden(doc, CITIZEN_NOTE, true))).toBeNull();
    setHidden(s.doc, CITIZEN_NOTE, true);
    expect(judge(s.doc, FACILITATOR, (doc) => setHidden(doc, CITIZEN_NOTE, false))).toBeNull();
  });

  it('a participant neither hides its own note nor brings it back', () => {
    const s = server();
    expect(reason(judge(s.doc, citizen, (doc) => setHidden(doc, CITIZEN_NOTE, true)))).toBe('hidden-is-facilitators');
    setHidden(s.doc, CITIZEN_NOTE, true);
    expect(reason(judge(s.doc, citizen, (doc) => setHidden(doc, CITIZEN_NOTE, false)))).toBe('hidden-is-facilitators');
    expect(reason(judge(s.doc, citizen, (doc) => recordsOf(doc).get(CITIZEN_NOTE)!.set('meta', { group: 'citizen', participantId: 'p1', gatheringId: null, hidden: false })))).toBe(
      'hidden-is-facilitators',
    );
  });

  it('a participant’s new note cannot arrive hidden, nor marked not hidden', () => {
    const s = server();
    for (const hidden of [true, false]) {
      const record = { ...note('shape:new' as TLShapeId, 'Ny'), meta: { group: 'citizen', participantId: 'p1', gatheringId: null, hidden } };
      expect(reason(judge(s.doc, citizen, (doc) => writeRecord(doc, record)))).toBe('hidden-is-facilitators');
    }
    expect(judge(s.doc, citizen, (doc) => writeRecord(doc, note('shape:new' as TLShapeId, 'Ny')))).toBeNull();
  });

  it('the author still edits, moves and deletes its hidden note', () => {
    const s = server();
    setHidden(s.doc, CITIZEN_NOTE, true);
    const props = recordsOf(s.doc).get(CITIZEN_NOTE)!.get('props') as object;
    expect(judge(s.doc, citizen, (doc) => recordsOf(doc).get(CITIZEN_NOTE)!.set('props', { ...props, size: 'l' }))).toBeNull();
    expect(judge(s.doc, citizen, (doc) => recordsOf(doc).get(CITIZEN_NOTE)!.set('x', 500))).toBeNull();
    expect(judge(s.doc, citizen, (doc) => recordsOf(doc).delete(CITIZEN_NOTE))).toBeNull();
    expect(reason(judge(s.doc, politician, (doc) => recordsOf(doc).get(CITIZEN_NOTE)!.set('props', { ...props, size: 'l' })))).toBe('not-yours');
  });
});

describe('locks are the facilitator’s', () => {
  it('a participant neither locks its own note nor unlocks, moves or edits a locked one', () => {
    const s = server();
    expect(reason(judge(s.doc, citizen, (doc) => setLocked(doc, CITIZEN_NOTE, true)))).toBe('lock-is-facilitators');
    expect(judge(s.doc, FACILITATOR, (doc) => setLocked(doc, CITIZEN_NOTE, true))).toBeNull();
    setLocked(s.doc, CITIZEN_NOTE, true);
    expect(reason(judge(s.doc, citizen, (doc) => setLocked(doc, CITIZEN_NOTE, false)))).toBe('locked');
    expect(reason(judge(s.doc, citizen, (doc) => recordsOf(doc).get(CITIZEN_NOTE)!.set('x', 900)))).toBe('locked');
    expect(reason(judge(s.doc, citizen, (doc) => recordsOf(doc).delete(CITIZEN_NOTE)))).toBe('locked');
    expect(judge(s.doc, FACILITATOR, (doc) => setLocked(doc, CITIZEN_NOTE, false))).toBeNull();
  });

  it('a participant writes a note inside a step’s locked frame', () => {
    const s = server();
    const record = { ...note('shape:in-frame' as TLShapeId, 'I rammen'), parentId: s.first.frameId!, x: 40, y: 40 };
    expect(judge(s.doc, citizen, (doc) => writeRecord(doc, record))).toBeNull();
    expect(reason(judge(s.doc, citizen, (doc) => recordsOf(doc).get(s.first.frameId!)!.set('x', 50)))).toBe('locked');
  });
});

describe('the trash is the server’s', () => {
  it('nobody else writes it, the facilitator neither', () => {
    const s = server();
    const entry = { record: note(undefined, 'x'), deletedAt: 1 };
    expect(reason(judge(s.doc, citizen, (doc) => trashOf(doc).set('shape:x', entry)))).toBe('server-only');
    expect(reason(judge(s.doc, FACILITATOR, (doc) => trashOf(doc).set('shape:x', entry)))).toBe('server-only');
  });

  it('only the facilitator restores another’s note from it', () => {
    const s = server();
    const record = recordsOf(s.doc).get(CITIZEN_NOTE)!.toJSON();
    recordsOf(s.doc).delete(CITIZEN_NOTE);
    trashOf(s.doc).set(CITIZEN_NOTE, { record, deletedAt: 1 });
    expect(reason(judge(s.doc, politician, (doc) => restoreNote(doc, CITIZEN_NOTE, 'page:page')))).toBe('forged-author');
    expect(judge(s.doc, FACILITATOR, (doc) => restoreNote(doc, CITIZEN_NOTE, 'page:page'))).toBeNull();
  });
});
