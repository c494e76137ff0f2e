import * as Y from 'yjs';
import { draftsMapOf, type Draft } from '../privateSchema';
import { recordsOf, stepsMapOf } from '../schema';
import type { Group } from './groups';
import { newId } from './ids';
import { newNoteInFrame } from './noteRecords';
import { stepOf, stepOfFrame, type Step } from './steps';

/**
 * Private writing. In a step the facilitator marks private (`steps[id].private`), each
 * participant's notes are drafts in their own private document: nobody else's device
 * receives them. At the reveal the server moves every draft of the step into the shared
 * document at once, as notes in the step's frame (with or without their writers' names).
 */

export const MAX_DRAFT_CHARS = 2_000;
/** Most drafts one person may hold in one workshop. */
export const MAX_DRAFTS = 200;

/** A draft with its id, as lists show it. */
export interface DraftEntry extends Draft {
  id: string;
}

/** This person's drafts (of one step, when given), oldest first. */
export function draftsOf(privateDoc: Y.Doc, stepId?: string): DraftEntry[] {
  const drafts: DraftEntry[] = [];
  draftsMapOf(privateDoc).forEach((value, id) => {
    if (!isDraft(value) || (stepId !== undefined && value.stepId !== stepId)) return;
    drafts.push({ id, ...value });
  });
  return drafts.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Writes a new draft; returns its id. */
export function addDraft(privateDoc: Y.Doc, stepId: string, text: string, now: number): string {
  const id = newId('draft');
  const draft: Draft = { stepId, text: text.slice(0, MAX_DRAFT_CHARS), createdAt: now };
  draftsMapOf(privateDoc).set(id, draft);
  return id;
}

/** Changes a draft's text. */
export function updateDraft(privateDoc: Y.Doc, id: string, text: string): void {
  const drafts = draftsMapOf(privateDoc);
  const draft = drafts.get(id);
  if (isDraft(draft)) drafts.set(id, { ...draft, text: text.slice(0, MAX_DRAFT_CHARS) });
}

/** Removes a draft. */
export function removeDraft(privateDoc: Y.Doc, id: string): void {
  draftsMapOf(privateDoc).delete(id);
}

/** One participant's drafts of a step, as the server reads them at reveal. */
export interface AuthoredDrafts {
  participantId: string;
  group: Group;
  name: string | null;
  drafts: DraftEntry[];
}

export function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return typeof draft.stepId === 'string' && typeof draft.text === 'string' && typeof draft.createdAt === 'number';
}

/**
 * The private step, not yet revealed, whose frame is `frameId`, or null. What a participant
 * writes there belongs in their drafts: the shared document's gate refuses a participant's
 * new shape in such a frame, so that nothing written privately can reach the room early.
 */
export function privateStepOfFrame(shared: Y.Doc, frameId: string): Step | null {
  const step = stepOfFrame(shared, frameId);
  return step && step.private && step.revealedAt === null ? step : null;
}

/** Why a step's drafts cannot be revealed (the reveal's 404 and 409 answers), or null. */
export type RevealProblem = 'unknown-step' | 'not-private' | 'already-revealed' | 'no-frame';

/** May the drafts of `stepId` be revealed now? The server asks before it reads any private document. */
export function revealProblem(shared: Y.Doc, stepId: string): RevealProblem | null {
  const step = stepOf(shared, stepId);
  if (!step) return 'unknown-step';
  if (!step.private) return 'not-private';
  if (step.revealedAt !== null) return 'already-revealed';
  const frame = step.frameId ? recordsOf(shared).get(step.frameId) : undefined;
  // Drafts are moved into the step's frame; without one they would have nowhere to go.
  if (!(frame instanceof Y.Map) || frame.get('type') !== 'frame') return 'no-frame';
  return null;
}

/**
 * The id of the note a draft becomes: the same for the same person's same draft, so a reveal
 * run twice (a retry after a crash) never doubles a note. The draft id is random and never
 * leaves the private document, so the note's id does not tell whose it was.
 */
export function revealedNoteId(participantId: string, draftId: string): string {
  const text = `${participantId}\u0000${draftId}`;
  let first = 0x811c9dc5;
  let second = 0x6b43a9b5;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0');
  return `shape:draft-${hex(first)}${hex(second)}${hex(first ^ Math.imul(second, 0x27d4eb2d))}`;
}

/**
 * The server's side of a reveal: every draft of the step becomes a note in the step's frame
 * (newNoteInFrame: a free spot, the writer's group's colour), in the order they were
 * written; with `anonymous` the note keeps its group but neither its writer nor a name.
 * Marks the step revealed at `now` (unless it already was), in the same transaction. Blank
 * drafts are left out. The caller asks {@link revealProblem} first; run again, it writes only
 * the drafts not yet in the frame (a retry after a crash between the shared write and the
 * clearing of the private documents writes nothing twice).
 *
 * @returns how many notes were written; 0 when the step or its frame is not there.
 */
export function revealDrafts(
  shared: Y.Doc,
  stepId: string,
  authored: readonly AuthoredDrafts[],
  options: { anonymous: boolean; now: number },
): number {
  const step = stepOf(shared, stepId);
  const problem = revealProblem(shared, stepId);
  if (!step || !step.frameId || problem === 'unknown-step' || problem === 'no-frame') return 0;
  const frameId = step.frameId;
  const drafts = authored
    .flatMap((author) => author.drafts.filter((draft) => draft.stepId === stepId && draft.text.trim() !== '').map((draft) => ({ author, draft })))
    .sort((a, b) => a.draft.createdAt - b.draft.createdAt || a.draft.id.localeCompare(b.draft.id));
  let written = 0;
  shared.transact(() => {
    for (const { author, draft } of drafts) {
      const id = revealedNoteId(author.participantId, draft.id);
      if (recordsOf(shared).has(id)) continue;
      newNoteInFrame(shared, {
        id,
        frameId,
        text: draft.text.slice(0, MAX_DRAFT_CHARS),
        group: author.group,
        participantId: options.anonymous ? null : author.participantId,
        gatheringId: step.gatheringId,
        authorName: options.anonymous ? null : author.name,
      });
      written++;
    }
    if (step.revealedAt === null) stepsMapOf(shared).get(stepId)?.set('revealedAt', options.now);
  });
  return written;
}

/** The server's side after a reveal: removes the person's drafts of the step from their private document; returns how many. */
export function clearRevealedDrafts(privateDoc: Y.Doc, stepId: string): number {
  const ids = draftsOf(privateDoc, stepId).map((draft) => draft.id);
  privateDoc.transact(() => {
    for (const id of ids) draftsMapOf(privateDoc).delete(id);
  });
  return ids.length;
}
