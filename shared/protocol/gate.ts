import type { Role } from '../domain/roles';
import type { IncomingKind } from './frame';

/** What the server does with an incoming message: handle it, or drop it without a word. */
export type GateDecision = 'accept' | 'ignore';

/**
 * Which message kinds each role may send. A projector is read-only: it may ask for the
 * document (sync step 1) and for presence, but its document changes and its own presence
 * are dropped. Ignoring rather than closing keeps a stock client on a projector working.
 */
const RIGHTS: Record<Role, Record<IncomingKind, GateDecision>> = {
  facilitator: { 'sync-step1': 'accept', 'sync-step2': 'accept', 'sync-update': 'accept', awareness: 'accept', 'query-awareness': 'accept' },
  participant: { 'sync-step1': 'accept', 'sync-step2': 'accept', 'sync-update': 'accept', awareness: 'accept', 'query-awareness': 'accept' },
  projector: { 'sync-step1': 'accept', 'sync-step2': 'ignore', 'sync-update': 'ignore', awareness: 'ignore', 'query-awareness': 'accept' },
};

/** The read-only gate: may a session of `role` send a message of `kind`? */
export function gate(role: Role, kind: IncomingKind): GateDecision {
  return RIGHTS[role][kind];
}
