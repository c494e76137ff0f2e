import { GROUP_STYLES } from '../../shared/domain/groups';
import { nowUs } from './clock';
import { type Framing, MSG_AWARENESS, SYNC_UPDATE } from './framing';
import { cursorSendUs, scanEdits } from './markers';
import type { ClientSpec } from './protocol';
import type { SyncPeer } from './syncPeers';
import { type Cursor, readVarUint, writeVarUint } from './varint';
import { WireSocket } from './WireSocket';
import type { WorkerStats } from './WorkerStats';

/**
 * One connected client. It reads only message headers: the type, the sync sub-type, the
 * send-time markers of edits, and the (clientID, clock, "bt") of awareness entries. What it
 * does with sync messages is up to its SyncPeer (light or full Y.Doc).
 */
export class BenchClient {
  private wire: WireSocket | null = null;
  /** Awareness clientID: random like Yjs's, offset by index so they never collide. */
  readonly clientID: number;
  private clock = 0;
  /** Highest awareness clock seen per remote clientID (dedup, and the echo rule). */
  private readonly seenClock = new Map<number, number>();
  /** One byte per (writer, seq): edits this client has already counted. */
  private readonly seenEdits: Uint8Array;
  private readonly cursor: Cursor = { pos: 0 };

  constructor(
    readonly spec: ClientSpec,
    private readonly framing: Framing,
    private readonly peer: SyncPeer,
    private readonly stats: WorkerStats,
    private readonly maxSeq: number,
    writers: number,
    clientIdBase: number,
  ) {
    this.clientID = (clientIdBase + spec.index) >>> 0;
    this.seenEdits = new Uint8Array(Math.max(1, writers) * maxSeq);
  }

  async connect(host: string, port: number, timeoutMs: number): Promise<void> {
    const { path, token } = this.spec.session;
    this.wire = await WireSocket.connect(
      host,
      port,
      path,
      {
        onMessage: (frame) => this.onMessage(frame),
        onClose: (reason) => this.stats.disconnected(reason),
      },
      timeoutMs,
    );
    for (const m of this.framing.hello(token)) this.wire.send(m);
    for (const m of this.peer.hello()) this.wire.send(m);
  }

  send(msg: Uint8Array): void {
    const wire = this.wire;
    if (wire === null || !wire.isOpen) return;
    wire.send(msg);
    const queued = wire.bufferedBytes;
    if (queued > this.stats.maxBufferedBytes) this.stats.maxBufferedBytes = queued;
  }

  /**
   * Sends one cursor move: a real awareness update (count 1, clientID, clock, JSON state).
   * The name and colour are the ones Flet holds presence to for this participant (its joined
   * name, its group's colour), so Flet relays the state as sent, as it does for its own
   * client, instead of rewriting it.
   */
  sendCursor(sendUs: number): void {
    this.clock++;
    const phase = (this.clock + this.spec.index * 7) / 10;
    const { name, group } = this.spec.session;
    const state =
      `{"user":{"name":${JSON.stringify(name)},"color":"${GROUP_STYLES[group].hex}"},` +
      `"cursor":{"x":${(400 + 300 * Math.cos(phase)).toFixed(1)},"y":${(300 + 200 * Math.sin(phase)).toFixed(1)},"type":"default","rotation":0},` +
      `"bt":${sendUs}}`;
    const body: number[] = [];
    writeVarUint(body, 1);
    writeVarUint(body, this.clientID);
    writeVarUint(body, this.clock);
    const json = Buffer.from(state, 'utf8');
    writeVarUint(body, json.length);
    const bytes = new Uint8Array(body.length + json.length);
    bytes.set(body, 0);
    bytes.set(json, body.length);
    this.send(this.framing.awareness(bytes));
    this.stats.cursorsSent++;
  }

  close(): void {
    this.wire?.close();
  }

  private onMessage(frame: Buffer): void {
    const c = this.cursor;
    c.pos = 0;
    try {
      const type = this.framing.readType(frame, c);
      if (this.framing.isSync(type)) {
        const sub = readVarUint(frame, c);
        if (sub === SYNC_UPDATE) this.countEdits(frame, c.pos);
        const len = readVarUint(frame, c);
        const reply = this.peer.onSync(sub, frame.subarray(c.pos, c.pos + len));
        if (reply !== null) this.send(reply);
      } else if (type === MSG_AWARENESS) {
        this.onAwareness(frame, c);
      }
      // Auth answers, sync status acks and anything else carry nothing to measure.
    } catch (err) {
      this.stats.disconnected(`unreadable frame: ${(err as Error).message}`);
    }
  }

  private countEdits(frame: Buffer, from: number): void {
    const now = nowUs();
    scanEdits(frame, from, frame.length, (e) => {
      if (e.writer === this.spec.writer || !this.stats.inWindow(e.sendUs) || e.seq >= this.maxSeq) return;
      const slot = e.writer * this.maxSeq + e.seq;
      if (slot >= this.seenEdits.length || this.seenEdits[slot] === 1) return;
      this.seenEdits[slot] = 1;
      this.stats.edit(now - e.sendUs);
    });
  }

  private onAwareness(frame: Buffer, c: Cursor): void {
    const measure = this.spec.measureCursors;
    // A client that neither measures nor echoes needs nothing beyond the message type.
    if (!measure && !this.spec.echo) return;
    const now = nowUs();
    const len = readVarUint(frame, c);
    const end = c.pos + len;
    const count = readVarUint(frame, c);
    let echo: Buffer[] | null = null;
    let echoCount = 0;
    for (let i = 0; i < count && c.pos < end; i++) {
      const entryStart = c.pos;
      const clientID = readVarUint(frame, c);
      const clock = readVarUint(frame, c);
      const stateLen = readVarUint(frame, c);
      const stateFrom = c.pos;
      c.pos += stateLen;
      if (clientID === this.clientID) continue;
      const prev = this.seenClock.get(clientID);
      if (prev !== undefined && prev >= clock) continue;
      this.seenClock.set(clientID, clock);
      if (measure) {
        const sendUs = cursorSendUs(frame, stateFrom, c.pos);
        if (sendUs >= 0 && this.stats.inWindow(sendUs)) this.stats.cursor(now - sendUs);
      }
      if (this.spec.echo) {
        // The stock WebsocketProvider applies the update, then broadcasts every entry whose
        // clock advanced, unchanged, in one message per received message.
        (echo ??= []).push(frame.subarray(entryStart, c.pos));
        echoCount++;
      }
    }
    if (echo !== null) {
      const head: number[] = [];
      writeVarUint(head, echoCount);
      const body = Buffer.concat([Buffer.from(head), ...echo]);
      this.send(this.framing.awareness(body));
      this.stats.echoesSent++;
    }
  }
}
