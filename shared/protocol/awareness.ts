import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_AWARENESS_STATE_BYTES } from './limits';

/**
 * One entry of an awareness update, kept as raw bytes: the server compares clocks and
 * forwards states without parsing their JSON (the hot path of cursor traffic).
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** UTF-8 bytes of the JSON state; the four bytes `null` mean "gone". */
  state: Uint8Array;
}

const NULL_STATE = new TextEncoder().encode('null');

/** The raw state of a removed client. */
export const REMOVED_STATE: Uint8Array = NULL_STATE;

/** True when the raw state is JSON `null` (the client left or cleared its presence). */
export function isRemovedState(state: Uint8Array): boolean {
  return state.length === 4 && state[0] === 0x6e && state[1] === 0x75 && state[2] === 0x6c && state[3] === 0x6c;
}

/**
 * Visits each entry of an awareness update (varUint count; per entry varUint clientID,
 * varUint clock, varString state) without decoding the strings; `state` is a view into the
 * update. The whole update is checked first, so nothing is visited when it is malformed:
 * throws on truncation, on a count that the bytes cannot hold, or on trailing bytes. An
 * entry whose state is over the size limit is skipped: an honest client sends one when its
 * person selects very many shapes, and a retry would send it again, so closing the socket
 * would cut that person off for good. No entry objects are built, so a frame of 100,000
 * entries leaves no garbage behind that outlives it.
 */
export function forEachAwarenessEntry(
  update: Uint8Array,
  visit: (clientId: number, clock: number, state: Uint8Array) => void,
): void {
  const count = walk(update, () => undefined);
  if (count === 0) return;
  walk(update, visit);
}

/** Reads every entry, calling `visit` for those within the size limit; returns the count. */
function walk(update: Uint8Array, visit: (clientId: number, clock: number, state: Uint8Array) => void): number {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  // Each entry needs at least three bytes; a larger count is a lie about the frame.
  if (count > (update.length - decoder.pos) / 3) throw new Error('awareness count exceeds frame');
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarUint8Array(decoder);
    if (state.length <= MAX_AWARENESS_STATE_BYTES) visit(clientId, clock, state);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  return count;
}

/** Decodes an awareness update into its entries (see {@link forEachAwarenessEntry}). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const entries: AwarenessEntry[] = [];
  forEachAwarenessEntry(update, (clientId, clock, state) => entries.push({ clientId, clock, state }));
  return entries;
}

/** Encodes entries as one awareness update (the inverse of decodeAwarenessUpdate). */
export function encodeAwarenessUpdate(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, list.length);
  for (const entry of list) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarUint8Array(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
