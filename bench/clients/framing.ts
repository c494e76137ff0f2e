import { type Cursor, readVarUint, writeVarBytes, writeVarString, writeVarUint } from './varint';

/**
 * The two wire framings the benchmark speaks.
 *
 * y-websocket (classic server and Flet): `varUint type, …`.
 * Hocuspocus: `varString documentName, varUint type, …`, with its own message types and an
 * Auth message that must come first even without an auth extension (ClientConnection queues
 * every other message until Auth(Token) arrives, then answers Auth(Authenticated)).
 */
export type FramingKind = 'y-websocket' | 'hocuspocus';

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
/** Hocuspocus only. */
export const MSG_AUTH = 2;
/** Hocuspocus only: a Sync message that must not trigger another step 1. */
export const MSG_SYNC_REPLY = 4;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

const AUTH_TOKEN = 0;

/** An empty Yjs v1 update: zero structs, empty delete set. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** An empty state vector. */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export class Framing {
  private readonly prefix: number[];

  constructor(readonly kind: FramingKind, readonly documentName: string) {
    const p: number[] = [];
    if (kind === 'hocuspocus') writeVarString(p, documentName);
    this.prefix = p;
  }

  private start(type: number): number[] {
    const out = this.prefix.slice();
    writeVarUint(out, type);
    return out;
  }

  /** Messages a client sends right after the upgrade. */
  hello(token: string): Uint8Array[] {
    const msgs: Uint8Array[] = [];
    if (this.kind === 'hocuspocus') {
      const auth = this.start(MSG_AUTH);
      writeVarUint(auth, AUTH_TOKEN);
      writeVarString(auth, token);
      msgs.push(Uint8Array.from(auth));
    }
    return msgs;
  }

  syncStep1(stateVector: Uint8Array = EMPTY_STATE_VECTOR): Uint8Array {
    const out = this.start(MSG_SYNC);
    writeVarUint(out, SYNC_STEP1);
    writeVarBytes(out, stateVector);
    return Uint8Array.from(out);
  }

  syncStep2(update: Uint8Array = EMPTY_UPDATE): Uint8Array {
    const out = this.start(MSG_SYNC);
    writeVarUint(out, SYNC_STEP2);
    writeVarBytes(out, update);
    return Uint8Array.from(out);
  }

  update(update: Uint8Array): Uint8Array {
    const head = this.start(MSG_SYNC);
    writeVarUint(head, SYNC_UPDATE);
    return this.withBody(head, update);
  }

  /** Wraps an encoded awareness update (count, then clientID, clock, JSON per entry). */
  awareness(awarenessUpdate: Uint8Array): Uint8Array {
    return this.withBody(this.start(MSG_AWARENESS), awarenessUpdate);
  }

  /** Header bytes, then `body` as a varUint8Array, copied once into one buffer. */
  private withBody(head: number[], body: Uint8Array): Uint8Array {
    writeVarUint(head, body.length);
    const out = new Uint8Array(head.length + body.length);
    out.set(head, 0);
    out.set(body, head.length);
    return out;
  }

  /** Skips the framing prefix and reads the message type; the cursor is left after it. */
  readType(frame: Uint8Array, c: Cursor): number {
    if (this.kind === 'hocuspocus') {
      const nameLen = readVarUint(frame, c);
      c.pos += nameLen;
    }
    return readVarUint(frame, c);
  }

  /** True for the message types that carry a y-protocols sync message. */
  isSync(type: number): boolean {
    return type === MSG_SYNC || (this.kind === 'hocuspocus' && type === MSG_SYNC_REPLY);
  }
}
