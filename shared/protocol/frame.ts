import * as decoding from 'lib0/decoding';
import { MESSAGE_TYPE, SYNC_TYPE } from './messages';

/** An incoming frame, decoded into what it asks for. Payloads are views into the frame. */
export type IncomingMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** The kinds of incoming message (the read-only gate decides on these). */
export type IncomingKind = IncomingMessage['kind'];

/** A frame that is not a well-formed y-websocket message. */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

/**
 * Decodes one binary frame. Every length is checked against the bytes actually present
 * (lib0 throws on reads past the end), and trailing bytes are refused, so a frame that
 * claims gigabytes fails here in constant time instead of reaching Yjs.
 */
export function decodeFrame(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame);
  try {
    const message = decodeBody(decoder);
    if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes after message');
    return message;
  } catch (error) {
    if (error instanceof FrameError) throw error;
    throw new FrameError(error instanceof Error ? error.message : 'undecodable frame');
  }
}

function decodeBody(decoder: decoding.Decoder): IncomingMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_TYPE.sync:
      return decodeSync(decoder);
    case MESSAGE_TYPE.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_TYPE.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      throw new FrameError(`unknown message type ${type}`);
  }
}

function decodeSync(decoder: decoding.Decoder): IncomingMessage {
  const subType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (subType) {
    case SYNC_TYPE.step1:
      return { kind: 'sync-step1', stateVector: payload };
    case SYNC_TYPE.step2:
      return { kind: 'sync-step2', update: payload };
    case SYNC_TYPE.update:
      return { kind: 'sync-update', update: payload };
    default:
      throw new FrameError(`unknown sync message type ${subType}`);
  }
}
