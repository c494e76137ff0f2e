import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FACILITATOR } from '../../shared/domain/identity';
import { setStepPrivate, stepOf } from '../../shared/domain/steps';
import { closeVote, openVote, showVote, shownVote, voteOf, writeTally, type VoteTally } from '../../shared/domain/votes';
import { liveOf, stepsMapOf, votesMapOf } from '../../shared/schema';
import { citizen, judge, workshop } from './voicesFixtures';

const reason = (refusal: { reason: string } | null) => refusal?.reason ?? null;
const voteFields = (doc: Y.Doc, id: string) => votesMapOf(doc).get(id) as Y.Map<unknown>;
const facts = { title: 'Hvad er vigtigst?', noteIds: ['shape:a', 'shape:b'], budget: 3, several: true };
const tally: VoteTally = { notes: [], voters: 0, votersByGroup: {}, revealedAt: 1 };

function withVote() {
  const w = workshop();
  const voteId = openVote(w.doc, { ...facts, stepId: w.step.id }, 1000);
  return { ...w, voteId };
}

describe('votes in the shared document are the facilitator’s', () => {
  it('the facilitator opens, closes, reopens, shows and hides a vote', () => {
    const { doc, step } = workshop();
    let voteId = '';
    expect(judge(doc, FACILITATOR, (client) => (voteId = openVote(client, { ...facts, stepId: step.id }, 1000)))).toBeNull();
    expect(voteOf(doc, voteId)).toMatchObject({ title: facts.title, budget: 3, several: true, state: 'open', stepId: step.id });
    expect(shownVote(doc)?.id).toBe(voteId);
    expect(judge(doc, FACILITATOR, (client) => closeVote(client, voteId))).toBeNull();
    expect(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).set('state', 'open'))).toBeNull();
    expect(judge(doc, FACILITATOR, (client) => showVote(client, null))).toBeNull();
    expect(liveOf(doc).has('voteId')).toBe(false);
    expect(judge(doc, FACILITATOR, (client) => votesMapOf(client).delete(voteId))).toBeNull();
  });

  it('a participant may not open, close or show one', () => {
    const { doc, step, voteId } = withVote();
    expect(reason(judge(doc, citizen, (client) => openVote(client, { ...facts, stepId: step.id }, 1000)))).toBe('facilitator-only');
    expect(reason(judge(doc, citizen, (client) => closeVote(client, voteId)))).toBe('facilitator-only');
    expect(reason(judge(doc, citizen, (client) => showVote(client, null)))).toBe('facilitator-only');
  });

  it('the facilitator may not write the tally nor mark a vote revealed: those are the server’s', () => {
    const { doc, voteId } = withVote();
    expect(judge(doc, FACILITATOR, (client) => writeTally(client, voteId, tally))).toMatchObject({ reason: 'server-only', detail: 'tally' });
    expect(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).set('state', 'revealed'))).toMatchObject({ reason: 'server-only', detail: 'state' });
    // Revealed by the server, the vote stays revealed, with its tally.
    writeTally(doc, voteId, tally);
    expect(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).delete('tally'))).toMatchObject({ reason: 'server-only' });
    expect(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).set('state', 'open'))).toMatchObject({ reason: 'server-only', detail: 'state' });
  });

  it('holds only valid values', () => {
    const { doc, voteId } = withVote();
    const bad: Array<[string, unknown]> = [
      ['title', 'x'.repeat(201)],
      ['title', 7],
      ['noteIds', Array.from({ length: 501 }, (_, n) => `shape:${n}`)],
      ['noteIds', 'shape:a'],
      ['noteIds', [3]],
      ['budget', 0],
      ['budget', 21],
      ['budget', 2.5],
      ['several', 'yes'],
      ['state', 'counting'],
      ['stepId', 5],
      ['colour', 'red'],
    ];
    for (const [field, value] of bad) {
      expect(reason(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).set(field, value))), field).toBe('invalid-vote');
    }
    expect(reason(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).delete('title')))).toBe('invalid-vote');
    expect(reason(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).set('title', 'x'.repeat(200))))).toBeNull();
    expect(reason(judge(doc, FACILITATOR, (client) => voteFields(client, voteId).set('budget', 20)))).toBeNull();
    expect(reason(judge(doc, FACILITATOR, (client) => votesMapOf(client).set('vote:bare', new Y.Map())))).toBe('invalid-vote');
    expect(reason(judge(doc, FACILITATOR, (client) => (votesMapOf(client) as Y.Map<unknown>).set('vote:flat', { title: 'x' })))).toBe('invalid-vote');
    expect(reason(judge(doc, FACILITATOR, (client) => liveOf(client).set('voteId', 42)))).toBe('invalid-live');
  });
});

describe('private steps', () => {
  it('the facilitator marks a step private and back; a new step is neither private nor revealed', () => {
    const { doc, step } = workshop();
    expect(stepOf(doc, step.id)).toMatchObject({ private: false, revealedAt: null });
    expect(judge(doc, FACILITATOR, (client) => setStepPrivate(client, step.id, true))).toBeNull();
    expect(stepOf(doc, step.id)?.private).toBe(true);
    expect(judge(doc, FACILITATOR, (client) => setStepPrivate(client, step.id, false))).toBeNull();
    expect(stepOf(doc, step.id)?.private).toBe(false);
    expect(reason(judge(doc, citizen, (client) => setStepPrivate(client, step.id, true)))).toBe('facilitator-only');
  });

  it('nobody but the server sets when a step was revealed', () => {
    const { doc, step } = workshop();
    const fields = (client: Y.Doc) => stepsMapOf(client).get(step.id) as Y.Map<unknown>;
    expect(judge(doc, FACILITATOR, (client) => fields(client).set('revealedAt', 5))).toMatchObject({ reason: 'invalid-step', detail: 'revealedAt' });
    expect(judge(doc, FACILITATOR, (client) => fields(client).set('private', 'yes'))).toMatchObject({ reason: 'invalid-step', detail: 'private' });
  });
});
