import type * as Y from 'yjs';
import { draftsMapOf, type Draft } from '../privateSchema';
import type { Group } from './groups';
import { newId } from './ids';

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
