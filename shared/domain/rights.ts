import type * as Y from 'yjs';
import { workshopOf } from '../schema';
import type { Identity } from './identity';
import type { Learning, Thread } from './threads';

/**
 * Who may do what in the process, as questions the views ask before they offer an action and
 * the gate asks before it accepts one (processRules.ts): one answer for both.
 */

/** The participants the facilitator made narrative editors (the working group). */
export function narrativeEditorsOf(doc: Y.Doc): string[] {
  const editors = workshopOf(doc).get('narrativeEditors');
  return Array.isArray(editors) ? editors.filter((id): id is string => typeof id === 'string') : [];
}

/** Makes a participant a narrative editor, or takes it back (the facilitator). */
export function setNarrativeEditor(doc: Y.Doc, participantId: string, editor: boolean): void {
  doc.transact(() => {
    const current = narrativeEditorsOf(doc).filter((id) => id !== participantId);
    workshopOf(doc).set('narrativeEditors', editor ? [...current, participantId] : current);
  });
}

/** May `actor` edit the narrative (and weave threads into it)? */
export function mayEditNarrative(actor: Identity, doc: Y.Doc): boolean {
  if (actor.role === 'facilitator') return true;
  return actor.role === 'participant' && actor.participantId !== null && narrativeEditorsOf(doc).includes(actor.participantId);
}

/** May `actor` change this thread's card (title, purpose, goal, owner, status)? */
export function mayEditThreadCard(actor: Identity, thread: Pick<Thread, 'owner'>): boolean {
  if (actor.role === 'facilitator') return true;
  return actor.role === 'participant' && actor.participantId !== null && thread.owner === actor.participantId;
}

/** May `actor` start threads, link notes and add learnings? Everyone but the projector. */
export function mayWorkOnThreads(actor: Identity): boolean {
  return actor.role !== 'projector';
}

/** May `actor` change or remove this learning? Its writer and the facilitator. */
export function mayChangeLearning(actor: Identity, learning: Pick<Learning, 'writer'>): boolean {
  if (actor.role === 'facilitator') return true;
  return actor.role === 'participant' && actor.participantId !== null && learning.writer === actor.participantId;
}

/** May `actor` remove a thread? The facilitator only. */
export function mayRemoveThread(actor: Identity): boolean {
  return actor.role === 'facilitator';
}
