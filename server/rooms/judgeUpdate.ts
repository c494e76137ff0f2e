/** The gate's verdict on one client update (apply, resync, hold or refuse); applies nothing itself. */
import type * as Y from 'yjs';
import { authorize } from '../../shared/domain/authorize';
import type { CanvasRecord } from '../../shared/domain/canvasRules';
import { notesDeletedBy } from '../../shared/domain/moderation';
import { identityKey, type Identity } from '../../shared/domain/identity';
import type { RefusalOf } from '../../shared/domain/refusal';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import { isPrivateTopLevel } from '../../shared/privateSchema';
import { writeRuleOf } from '../../shared/schema';
import {
  changesOf, decodeUntrustedUpdate, isKnown, TooManyChangesError, type Change, type ChangeStats, type DecodedUpdate,
} from '../../shared/validate/changes';
import { checkUpdate, isMissingState } from '../../shared/validate/yUpdate';
import type { DocumentLimits, DocumentSize } from './DocumentLimits';

/** What the gate decided about one update from a client. */
export type Verdict =
  /**
   * Allowed: apply it; these Yjs client ids become the sender's if they were nobody's.
   * `deletedNotes` are the notes it deletes, as they were (the server keeps them in the trash).
   */
  | { kind: 'apply'; clients: ReadonlySet<number>; owner: string; deletedNotes: readonly CanvasRecord[] }
  /** It builds on state the server lacks (typed while reconnecting): ask the client for it. */
  | { kind: 'resync'; reason: string }
  /** Allowed, but over the sender's budget of new records: try again after `ms`. */
  | { kind: 'hold'; ms: number }
  /** Refused: close the socket with `code`. `log` is safe to log (never content). */
  | { kind: 'refuse'; code: CloseCode; log: Record<string, string | undefined> };

/** What the gate reads besides the update. */
export interface GateContext {
  doc: Y.Doc;
  /** Who owns a Yjs client id (an identity key), if anyone. */
  ownerOf(clientId: number): string | undefined;
  limits: DocumentLimits;
  /** The document's size. */
  size: DocumentSize;
  /** Told how many existing structs the update's delete set made the gate visit. */
  visited(count: number): void;
  /**
   * The write rules of this document: the shared document's ({@link authorize}) unless given.
   * A participant's private document brings its own (shared/domain/privateRules.ts).
   */
  authorize?: (sender: Identity, changes: readonly Change[], doc: Y.Doc) => RefusalOf<string> | null;
}

/**
 * The gate, for one update from `sender`: decode (bounded) → structural check → Yjs client
 * ids → changesOf → authorize (schema, canvas rules, tldraw validation) → limits. Nothing is
 * applied here; the room applies what is allowed.
 */
export function judgeUpdate(sender: Identity, update: Uint8Array, context: GateContext): Verdict {
  const { doc } = context;
  let decoded: DecodedUpdate;
  try {
    decoded = decodeUntrustedUpdate(update);
  } catch {
    return refuse(CLOSE_CODE.badUpdate, 'undecodable');
  }
  const rejection = checkUpdate(doc, decoded);
  if (rejection && isMissingState(rejection)) return { kind: 'resync', reason: rejection };
  if (rejection) return refuse(CLOSE_CODE.badUpdate, rejection);

  const owner = identityKey(sender);
  // Only new structs are written under a client id; repeated ones (a sync step 2 computed
  // before the client received others' edits) are dropped by Yjs and claim nothing.
  const clients = new Set<number>();
  for (const struct of decoded.structs) if (!isKnown(doc, struct)) clients.add(struct.id.client);
  for (const client of clients) {
    const holder = context.ownerOf(client);
    if (holder !== undefined && holder !== owner) {
      return { kind: 'refuse', code: CLOSE_CODE.forbidden, log: { reason: 'foreign-client-id', clientId: String(client), holder } };
    }
  }

  const stats: ChangeStats = { visited: 0 };
  let changes;
  try {
    changes = changesOf(doc, decoded, stats);
  } catch (error) {
    if (!(error instanceof TooManyChangesError)) throw error;
    return refuse(CLOSE_CODE.tooLarge, 'too-many-changes');
  } finally {
    if (stats.visited > 0) context.visited(stats.visited);
  }
  const refusal = (context.authorize ?? authorize)(sender, changes, doc);
  if (refusal) {
    // An unlisted top-level name is the sender's own text: logged as such, not quoted.
    const top = writeRuleOf(refusal.top) || isPrivateTopLevel(refusal.top) ? refusal.top : 'unlisted';
    return { kind: 'refuse', code: CLOSE_CODE.forbidden, log: { reason: refusal.reason, top, detail: refusal.detail } };
  }
  const overLimit = context.limits.check(owner, changes, update.length, context.size);
  if (overLimit && 'holdMs' in overLimit) return { kind: 'hold', ms: overLimit.holdMs };
  if (overLimit) return refuse(overLimit.code, overLimit.reason);
  // A private document (own rules) holds no notes for the trash to keep.
  return { kind: 'apply', clients, owner, deletedNotes: context.authorize ? [] : notesDeletedBy(changes, doc) };
}

function refuse(code: CloseCode, reason: string): Verdict {
  return { kind: 'refuse', code, log: { reason } };
}
