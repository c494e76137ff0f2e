import * as Y from 'yjs';
import type { Framing } from './framing';
import { SYNC_STEP1 } from './framing';
import { type Author, noteText, writeNote } from './noteRecord';

/**
 * How a client answers the sync part of the protocol. Light clients answer like an empty
 * document and never build one; writers are real Y.Docs.
 */
export interface SyncPeer {
  /** Messages to send once connected (sync step 1). */
  hello(): Uint8Array[];
  /** Handles one sync message (sub-type and payload); returns a reply or null. */
  onSync(sub: number, payload: Uint8Array): Uint8Array | null;
}

/** Answers step 1 with an empty step 2 and ignores incoming state: cheap, and still a peer the server considers synced. */
export class LightSync implements SyncPeer {
  constructor(private readonly framing: Framing) {}

  hello(): Uint8Array[] {
    return [this.framing.syncStep1()];
  }

  onSync(sub: number): Uint8Array | null {
    return sub === SYNC_STEP1 ? this.framing.syncStep2() : null;
  }
}

/** A full Yjs document that writes note-sized edits and applies everything it receives. */
export class DocWriter implements SyncPeer {
  readonly doc = new Y.Doc();
  private send: (msg: Uint8Array) => void = () => {};

  constructor(
    private readonly framing: Framing,
    private readonly writer: number,
    private readonly author: Author,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(this.framing.update(update));
    });
  }

  /** Wires the document's own updates to the socket. */
  attach(send: (msg: Uint8Array) => void): void {
    this.send = send;
  }

  hello(): Uint8Array[] {
    return [this.framing.syncStep1(Y.encodeStateVector(this.doc))];
  }

  onSync(sub: number, payload: Uint8Array): Uint8Array | null {
    if (sub === SYNC_STEP1) return this.framing.syncStep2(Y.encodeStateAsUpdate(this.doc, payload));
    Y.applyUpdate(this.doc, payload, this);
    return null;
  }

  /** Writes (or retypes) one of the writer's 20 notes; the text carries `marker`. */
  edit(seq: number, marker: string): void {
    const slot = seq % 20;
    const id = `shape:bench-w${this.writer}-n${slot}`;
    // Fractional index 'a1' + two letters: valid (no trailing zero) and distinct per note.
    const index = `a1${String.fromCharCode(0x41 + this.writer)}${String.fromCharCode(0x41 + slot)}`;
    writeNote(this.doc, Y.Map, { id, x: 100 + slot * 220, y: 100 + this.writer * 240, index, text: noteText(marker), author: this.author });
  }
}
