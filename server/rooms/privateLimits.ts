import { authorizePrivate } from '../../shared/domain/privateRules';
import type { RoomLimits } from './DocumentLimits';
import type { PrivateRules } from './PrivateDocument';

/**
 * Largest private document: a person's drafts (at most 200 of 2,000 characters) and ballots
 * take far less; the rest is room for the history of their edits until compaction.
 */
export const MAX_PRIVATE_DOCUMENT_BYTES = 4 * 1024 * 1024;

/** The limits of a room's private documents: the room's own, but never above {@link MAX_PRIVATE_DOCUMENT_BYTES}. */
export function privateLimitsOf(limits: Partial<RoomLimits>): Partial<RoomLimits> {
  return { ...limits, maxDocumentBytes: Math.min(limits.maxDocumentBytes ?? MAX_PRIVATE_DOCUMENT_BYTES, MAX_PRIVATE_DOCUMENT_BYTES) };
}

/** The private write rules (shared with the browser, which asks them before it writes). */
export const PRIVATE_RULES: PrivateRules = authorizePrivate;
