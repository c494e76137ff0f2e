import * as Y from 'yjs';
import { MAX_YJS_CLOCK } from '../protocol/limits';
import type { DecodedUpdate } from './changes';
import { hasReferenceCycle } from './structCycles';

/** Why an update was refused, for logs (never contains document content). */
export type UpdateRejection =
  | 'clock-out-of-range'
  | 'empty-struct'
  | 'skip-in-update'
  | 'gap-in-clock'
  | 'unknown-reference'
  | 'forward-reference'
  | 'reference-cycle'
  | 'delete-beyond-known'
  | 'subdocument';

/**
 * Checks an untrusted Yjs update (v1), decoded once by `decodeUntrustedUpdate`, against the
 * document before it is applied.
 *
 * Decoding is bounded: lib0 refuses reads past the end of the buffer, so lengths that claim
 * gigabytes fail at once (lib0 issue 42), and every struct consumes at least one byte, so
 * struct counts cannot loop beyond the frame's size. On top of decoding, the update must be
 * applicable now and in full: clocks far below 2^53 (precision loss makes the store's binary
 * search misbehave: yjs issues 479, 498), no gaps and no references to structs the document
 * does not have (they would linger as "pending" forever and be re-merged on every later
 * update: yjs issue 687), and no deletions of unknown ranges.
 *
 * @returns null when the update may be applied, else the reason for refusing it.
 */
export function checkUpdate(doc: Y.Doc, decoded: DecodedUpdate): UpdateRejection | null {
  const known = new Map<number, number>();
  const knownEnd = (client: number): number => Math.max(known.get(client) ?? 0, Y.getState(doc.store, client));

  // First pass: every client's structs must continue the document's clock without a gap.
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return 'skip-in-update';
    const { client, clock } = struct.id;
    if (struct.length <= 0) return 'empty-struct';
    if (clock + struct.length > MAX_YJS_CLOCK) return 'clock-out-of-range';
    if (clock > knownEnd(client)) return 'gap-in-clock';
    known.set(client, Math.max(knownEnd(client), clock + struct.length));
  }

  // Second pass: every reference points at something the document or this update holds;
  // within the author's own structs only backwards, so no struct can point at itself.
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.content instanceof Y.ContentDoc) return 'subdocument';
    const parent: unknown = struct.parent;
    const parentId = parent instanceof Y.ID ? parent : null;
    for (const id of [struct.origin, struct.rightOrigin, parentId]) {
      if (id === null || id.clock < Y.getState(doc.store, id.client)) continue;
      // A struct can only point back at its author's earlier structs: never a client's fault.
      if (id.client === struct.id.client) {
        if (id.clock >= struct.id.clock) return 'forward-reference';
      } else if (id.clock >= knownEnd(id.client)) return 'unknown-reference';
    }
  }

  // Structs that wait on each other in a circle could never be integrated.
  if (hasReferenceCycle(doc, decoded.structs)) return 'reference-cycle';

  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      const end = range.clock + range.len;
      if (range.len <= 0 || end > MAX_YJS_CLOCK) return 'clock-out-of-range';
      if (end > knownEnd(client)) return 'delete-beyond-known';
    }
  }
  return null;
}

/**
 * Rejections of an update that builds on state the document does not have yet. An honest
 * client produces them right after a reconnect (it sends a new edit before its sync step 2
 * carries the offline edits the new one continues), so they call for a resync, not a close.
 */
const MISSING_STATE: ReadonlySet<UpdateRejection> = new Set(['gap-in-clock', 'unknown-reference', 'delete-beyond-known']);

/** True when the update was refused only because the document lacks state it builds on. */
export function isMissingState(rejection: UpdateRejection): boolean {
  return MISSING_STATE.has(rejection);
}

/** True when the document holds structs or deletions it could not integrate. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
