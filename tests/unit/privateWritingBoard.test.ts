import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftsOf } from '../../shared/domain/drafts';
import { FACILITATOR } from '../../shared/domain/identity';
import { setStepPrivate } from '../../shared/domain/steps';
import { stepsMapOf } from '../../shared/schema';
import { privateWritingOf } from '../../client/workshop/privateWriting/canvasDrafts';
import { privateStepState } from '../../client/workshop/privateWriting/privateStep';
import type { SidePanel, Workshop } from '../../client/workshop/WorkshopContext';
import { citizen, workshop } from './voicesFixtures';

/** The parts of an open board the canvas's private writing reads and moves. */
function board(identity: Workshop['identity']) {
  const { doc, step } = workshop();
  const privateDoc = new Y.Doc();
  const opened: SidePanel[] = [];
  const open = { doc, identity, privateDoc, setPanel: (panel: SidePanel) => opened.push(panel), setView: () => {} } as unknown as Workshop;
  return { doc, step, privateDoc, opened, writing: privateWritingOf(() => open) };
}

describe('private writing on the board', () => {
  it('knows a step as public, open for writing, revealed, or gone', () => {
    const { doc, step } = board(citizen);
    expect(privateStepState(doc, step.id)).toBe('public');
    setStepPrivate(doc, step.id, true);
    expect(privateStepState(doc, step.id)).toBe('writing');
    stepsMapOf(doc).get(step.id)!.set('revealedAt', 1_700_000_000_000);
    expect(privateStepState(doc, step.id)).toBe('revealed');
    expect(privateStepState(doc, 'step:none')).toBe('gone');
  });

  it("keeps a participant's canvas notes off the board only while the current step is open for writing", () => {
    const { doc, step, writing } = board(citizen);
    expect(writing.privateStepId()).toBeNull();
    setStepPrivate(doc, step.id, true);
    expect(writing.privateStepId()).toBe(step.id);
    stepsMapOf(doc).get(step.id)!.set('revealedAt', 1_700_000_000_000);
    expect(writing.privateStepId()).toBeNull();
  });

  it('leaves the facilitator’s notes on the board in a private step', () => {
    const { doc, step, writing } = board(FACILITATOR);
    setStepPrivate(doc, step.id, true);
    expect(writing.privateStepId()).toBeNull();
  });

  it('turns the words of a note kept off the board into a draft, and opens the drafts box either way', () => {
    const { doc, step, privateDoc, opened, writing } = board(citizen);
    setStepPrivate(doc, step.id, true);
    writing.keptOffBoard(step.id, '');
    expect(draftsOf(privateDoc)).toEqual([]);
    writing.keptOffBoard(step.id, 'A pasted note');
    expect(draftsOf(privateDoc, step.id).map((draft) => draft.text)).toEqual(['A pasted note']);
    expect(opened).toEqual(['drafts', 'drafts']);
  });
});
