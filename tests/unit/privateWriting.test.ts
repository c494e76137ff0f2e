import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addDraft, clearRevealedDrafts, draftsOf, MAX_DRAFT_CHARS, MAX_DRAFTS, removeDraft, revealDrafts, revealedNoteId, revealProblem, updateDraft,
  type AuthoredDrafts,
} from '../../shared/domain/drafts';
import { FACILITATOR, PROJECTOR, type Identity } from '../../shared/domain/identity';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { plainText } from '../../shared/domain/notes';
import { newNoteInFrame, updateNoteText } from '../../shared/domain/noteRecords';
import { authorizePrivate } from '../../shared/domain/privateRules';
import { addStep, setStepPrivate, stepOf } from '../../shared/domain/steps';
import { closeVote, giveDots, openVote } from '../../shared/domain/votes';
import { ballotKey, ballotsMapOf, draftsMapOf } from '../../shared/privateSchema';
import { recordsOf } from '../../shared/schema';
import { recordProblem } from '../../shared/validate/records';
import { changesMade, citizen, copyOf, judge, workshop } from './voicesFixtures';

/** A workshop whose current step is private. */
function privateStep() {
  const w = workshop();
  setStepPrivate(w.doc, w.step.id, true);
  return { ...w, privateDoc: new Y.Doc() };
}

/** What a private document's gate says of `sender`'s `edit`; applied to `privateDoc` when allowed. */
function judgePrivate(privateDoc: Y.Doc, shared: Y.Doc, sender: Identity, edit: (doc: Y.Doc) => void) {
  const { changes, update } = changesMade(privateDoc, edit);
  const refusal = authorizePrivate(sender, changes, privateDoc, shared);
  if (!refusal) Y.applyUpdate(privateDoc, update);
  return refusal;
}

const reason = (refusal: { reason: string } | null) => refusal?.reason ?? null;

describe('the gate of a private document: drafts', () => {
  it('its participant writes, changes and deletes drafts of a private step', () => {
    const { doc, step, privateDoc } = privateStep();
    let id = '';
    expect(judgePrivate(privateDoc, doc, citizen, (copy) => (id = addDraft(copy, step.id, 'Mit hemmelige forslag', 1)))).toBeNull();
    expect(judgePrivate(privateDoc, doc, citizen, (copy) => updateDraft(copy, id, 'Rettet'))).toBeNull();
    expect(draftsOf(privateDoc, step.id).map((draft) => draft.text)).toEqual(['Rettet']);
    expect(judgePrivate(privateDoc, doc, citizen, (copy) => removeDraft(copy, id))).toBeNull();
    expect(draftsOf(privateDoc)).toEqual([]);
  });

  it('refuses drafts of a step that is not private, not there, or already revealed; deleting one stays allowed', () => {
    const { doc, gathering, step, privateDoc } = privateStep();
    const open = addStep(doc, gathering.id, { title: 'Åbent trin' });
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => addDraft(copy, open.id, 'x', 1)))).toBe('step-not-private');
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => addDraft(copy, 'step:none', 'x', 1)))).toBe('step-not-private');
    let id = '';
    expect(judgePrivate(privateDoc, doc, citizen, (copy) => (id = addDraft(copy, step.id, 'Før', 1)))).toBeNull();
    revealDrafts(doc, step.id, [], { anonymous: false, now: 10 });
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => addDraft(copy, step.id, 'Efter', 2)))).toBe('step-revealed');
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => updateDraft(copy, id, 'Efter')))).toBe('step-revealed');
    setStepPrivate(doc, step.id, false);
    expect(judgePrivate(privateDoc, doc, citizen, (copy) => removeDraft(copy, id))).toBeNull();
  });

  it('refuses what is not a draft, too long a text, and more than MAX_DRAFTS drafts', () => {
    const { doc, step, privateDoc } = privateStep();
    const drafts = (copy: Y.Doc) => draftsMapOf(copy);
    const draft = { stepId: step.id, text: 'x', createdAt: 1 };
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => drafts(copy).set('d', { ...draft, text: 'x'.repeat(MAX_DRAFT_CHARS + 1) })))).toBe('invalid-draft');
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => drafts(copy).set('d', { stepId: step.id, text: 'x' })))).toBe('invalid-draft');
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => drafts(copy).set('d', 'x')))).toBe('invalid-draft');
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => drafts(copy).set('d', new Y.Map())))).toBe('invalid-draft');
    expect(
      judgePrivate(privateDoc, doc, citizen, (copy) => {
        for (let n = 0; n < MAX_DRAFTS; n++) drafts(copy).set(`d${n}`, draft);
      }),
    ).toBeNull();
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => drafts(copy).set('one-more', draft)))).toBe('too-many-drafts');
    expect(judgePrivate(privateDoc, doc, citizen, (copy) => drafts(copy).set('d0', { ...draft, text: 'changed' }))).toBeNull();
  });

  it('holds only its own names, and nothing the facilitator or the projector writes', () => {
    const { doc, step, privateDoc } = privateStep();
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => copy.getMap('records').set('x', 1)))).toBe('unknown-type');
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => copy.getMap('votes').set('x', 1)))).toBe('unknown-type');
    expect(reason(judgePrivate(privateDoc, doc, FACILITATOR, (copy) => addDraft(copy, step.id, 'x', 1)))).toBe('not-yours');
    expect(reason(judgePrivate(privateDoc, doc, PROJECTOR, (copy) => addDraft(copy, step.id, 'x', 1)))).toBe('read-only');
  });
});

describe('the shared document during a private step', () => {
  it('refuses a participant’s new note in the private step’s frame (it belongs in their drafts) until the reveal', () => {
    const { doc, gathering, step } = privateStep();
    const write = (client: Y.Doc) => newNoteInFrame(client, { frameId: step.frameId!, text: 'Privat', group: 'citizen', participantId: 'p1', gatheringId: gathering.id });
    expect(reason(judge(doc, citizen, write))).toBe('private-step');
    expect(judge(doc, FACILITATOR, (client) => newNoteInFrame(client, { frameId: step.frameId!, text: 'Til alle', group: null, participantId: null, gatheringId: null }))).toBeNull();
    const open = addStep(doc, gathering.id, { title: 'Åbent trin' });
    expect(judge(doc, citizen, (client) => newNoteInFrame(client, { frameId: open.frameId!, text: 'Offentlig', group: 'citizen', participantId: 'p1', gatheringId: gathering.id }))).toBeNull();
    revealDrafts(doc, step.id, [], { anonymous: true, now: 1 });
    expect(judge(doc, citizen, write)).toBeNull();
  });
});

describe('the gate of a private document: ballots', () => {
  function withVote(budget = 2, several = true) {
    const w = privateStep();
    const voteId = openVote(w.doc, { title: 'Hvad er vigtigst?', noteIds: ['shape:a', 'shape:b'], budget, several }, 1000);
    return { ...w, voteId };
  }

  it('accepts dots within the budget, and a dot moved from one note to another in one update', () => {
    const { doc, voteId, privateDoc } = withVote(2);
    expect(judgePrivate(privateDoc, doc, citizen, (copy) => giveDots(copy, doc, voteId, 'shape:a', 2))).toBeNull();
    expect(
      judgePrivate(privateDoc, doc, citizen, (copy) => {
        ballotsMapOf(copy).set(ballotKey(voteId, 'shape:a'), { voteId, noteId: 'shape:a', dots: 1, gatheringId: doc.getMap('live').get('gatheringId') });
        ballotsMapOf(copy).set(ballotKey(voteId, 'shape:b'), { voteId, noteId: 'shape:b', dots: 1, gatheringId: doc.getMap('live').get('gatheringId') });
      }),
    ).toBeNull();
  });

  it('refuses dots over the budget, on a foreign note, in an unknown vote, several on a note, and any change once closed', () => {
    const { doc, gathering, voteId, privateDoc } = withVote(2, false);
    const set = (noteId: string, dots: number, vote = voteId) => (copy: Y.Doc) =>
      ballotsMapOf(copy).set(ballotKey(vote, noteId), { voteId: vote, noteId, dots, gatheringId: gathering.id });
    expect(judgePrivate(privateDoc, doc, citizen, set('shape:a', 1))).toBeNull();
    expect(judgePrivate(privateDoc, doc, citizen, set('shape:b', 1))).toBeNull();
    expect(reason(judgePrivate(privateDoc, doc, citizen, set('shape:c', 1)))).toBe('note-not-in-vote');
    expect(reason(judgePrivate(privateDoc, doc, citizen, set('shape:a', 2)))).toBe('one-dot-per-note');
    expect(reason(judgePrivate(privateDoc, doc, citizen, set('shape:a', 1, 'vote:none')))).toBe('unknown-vote');
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => ballotsMapOf(copy).set(ballotKey(voteId, 'shape:a'), { voteId, noteId: 'shape:b', dots: 1, gatheringId: gathering.id })))).toBe('invalid-ballot');
    const other = openVote(doc, { title: 'Tre', noteIds: ['shape:a', 'shape:b', 'shape:c'], budget: 2, several: true }, 2000);
    expect(judgePrivate(privateDoc, doc, citizen, set('shape:a', 2, other))).toBeNull();
    expect(reason(judgePrivate(privateDoc, doc, citizen, set('shape:b', 1, other)))).toBe('over-budget');
    closeVote(doc, voteId);
    expect(reason(judgePrivate(privateDoc, doc, citizen, (copy) => ballotsMapOf(copy).delete(ballotKey(voteId, 'shape:a'))))).toBe('vote-not-open');
  });
});

describe('the reveal', () => {
  /** Two participants' drafts of the private step, and one of another step. */
  function drafted() {
    const w = privateStep();
    const authored: AuthoredDrafts[] = [
      { participantId: 'p1', group: 'citizen', name: 'Aviaja', drafts: [
        { id: 'draft:1', stepId: w.step.id, text: 'Bevar havnen', createdAt: 1 },
        { id: 'draft:2', stepId: 'step:other', text: 'Andet trin', createdAt: 2 },
        { id: 'draft:3', stepId: w.step.id, text: '   ', createdAt: 3 },
      ] },
      { participantId: 'p2', group: 'politician', name: null, drafts: [{ id: 'draft:4', stepId: w.step.id, text: 'Flere cykelstier', createdAt: 4 }] },
    ];
    return { ...w, authored };
  }

  const notesIn = (doc: Y.Doc, frameId: string) =>
    [...recordsOf(doc).values()].map((fields) => fields.toJSON()).filter((record) => record.type === 'note' && record.parentId === frameId)
      // Each new note goes above the frame's others: in the order they were written.
      .sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));

  it('with names: each draft becomes a note of its writer in the step’s frame, in the group’s colour; the step is revealed', () => {
    const { doc, step, authored } = drafted();
    expect(revealProblem(doc, step.id)).toBeNull();
    expect(revealDrafts(doc, step.id, authored, { anonymous: false, now: 5000 })).toBe(2);
    const notes = notesIn(doc, step.frameId!);
    expect(notes.map((note) => [plainText(note.props.richText), note.meta.participantId, note.meta.group, note.props.color])).toEqual([
      ['Bevar havnen', 'p1', 'citizen', GROUP_STYLES.citizen.canvasColor],
      ['Flere cykelstier', 'p2', 'politician', GROUP_STYLES.politician.canvasColor],
    ]);
    for (const note of notes) expect(recordProblem(note.id, note, null)).toBeNull();
    expect(notes[0].props.textFirstEditedBy).toBe('participant:p1');
    expect(recordsOf(doc).get('user:participant:p1')?.get('name')).toBe('Aviaja');
    expect(stepOf(doc, step.id)?.revealedAt).toBe(5000);
    expect(revealProblem(doc, step.id)).toBe('already-revealed');
    // The writer's own note, as on the canvas: theirs to edit.
    expect(judge(doc, citizen, (client) => updateNoteText(client, notes[0].id, 'Bevar havnen!'))).toBeNull();
  });

  it('without names: the notes keep their group, not their writer or a name', () => {
    const { doc, step, authored } = drafted();
    expect(revealDrafts(doc, step.id, authored, { anonymous: true, now: 5000 })).toBe(2);
    const notes = notesIn(doc, step.frameId!);
    expect(notes.map((note) => note.meta)).toEqual([
      { group: 'citizen', participantId: null, gatheringId: step.gatheringId },
      { group: 'politician', participantId: null, gatheringId: step.gatheringId },
    ]);
    expect(notes.map((note) => note.props.textFirstEditedBy)).toEqual([null, null]);
    expect(JSON.stringify(recordsOf(doc).toJSON())).not.toContain('Aviaja');
    expect(JSON.stringify(notes)).not.toContain('p1');
    expect(reason(judge(doc, citizen, (client) => updateNoteText(client, notes[0].id, 'Min')))).toBe('not-yours');
  });

  it('twice: the same notes, none doubled', () => {
    const { doc, step, authored } = drafted();
    revealDrafts(doc, step.id, authored, { anonymous: false, now: 5000 });
    const first = notesIn(doc, step.frameId!);
    expect(revealDrafts(doc, step.id, authored, { anonymous: false, now: 6000 })).toBe(0);
    expect(notesIn(doc, step.frameId!)).toEqual(first);
    expect(stepOf(doc, step.id)?.revealedAt).toBe(5000);
    expect(first.map((note) => note.id)).toEqual([revealedNoteId('p1', 'draft:1'), revealedNoteId('p2', 'draft:4')]);
    expect(revealedNoteId('p1', 'draft:1')).not.toBe(revealedNoteId('p2', 'draft:1'));
  });

  it('says why a step cannot be revealed', () => {
    const { doc, gathering, step } = privateStep();
    expect(revealProblem(doc, 'step:none')).toBe('unknown-step');
    expect(revealProblem(doc, addStep(doc, gathering.id, { title: 'Åbent' }).id)).toBe('not-private');
    recordsOf(doc).delete(step.frameId!);
    expect(revealProblem(doc, step.id)).toBe('no-frame');
  });

  it('clears only the revealed step’s drafts from a private document', () => {
    const { doc, step, privateDoc } = privateStep();
    addDraft(privateDoc, step.id, 'Et', 1);
    addDraft(privateDoc, step.id, 'To', 2);
    addDraft(privateDoc, 'step:other', 'Tre', 3);
    const before = copyOf(privateDoc);
    expect(clearRevealedDrafts(privateDoc, step.id)).toBe(2);
    expect(draftsOf(privateDoc).map((draft) => draft.text)).toEqual(['Tre']);
    expect(draftsOf(before)).toHaveLength(3);
    expect(doc.getMap('drafts').size).toBe(0);
  });
});
