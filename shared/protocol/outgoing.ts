import * as encoding from 'lib0/encoding';
import { MESSAGE_TYPE, SYNC_TYPE } from './messages';

/** Frames the server sends, each encoded once and shared by every recipient. */

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SYNC_TYPE.step1, stateVector);
}

/** Sync step 2: what the client lacks. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC_TYPE.step2, update);
}

/** A relayed document update. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC_TYPE.update, update);
}

/** An awareness frame around an encoded awareness update. */
export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
