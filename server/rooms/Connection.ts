import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import { MAX_BUFFERED_BYTES, RESYNC_INTERVAL_MS, STEP1_ANSWER_INTERVAL_MS } from '../../shared/protocol/limits';
import type { Session } from '../auth';
import { SOCKET_STATE, type RoomSocket } from './RoomSocket';
import type { SessionBudget } from './SessionBudget';
import type { SessionLease } from './SessionBudgets';
import { Throttle } from './Throttle';

/** One authenticated socket in a room: its session, budget, liveness and presence. */
export class Connection {
  /** Cleared before each ping; a socket that has not answered by the next round is dropped. */
  alive = true;
  /** Awareness client ids this socket speaks for; removed for everyone when it closes. */
  readonly awarenessIds = new Set<number>();
  /** Every awareness client id this socket ever spoke for (their number is capped). */
  private readonly claimedAwarenessIds = new Set<number>();
  /** Asks this client for state the server lacks (sync step 1), at most once per interval. */
  readonly resync = new Throttle(RESYNC_INTERVAL_MS);
  /**
   * Answers to this client's sync step 1 and presence queries. Their bytes are charged to the
   * person's answer pace (as if the client had sent them), so asking cannot cost the server
   * more than sending would, however many sockets ask.
   */
  readonly step1Answers: Throttle;
  readonly presenceAnswers: Throttle;
  readonly session: Session;
  private readonly budget: SessionBudget;
  /** Set while reading is paused until the budget has refilled. */
  private resumeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: RoomSocket,
    private readonly lease: SessionLease,
  ) {
    this.session = lease.session;
    this.budget = lease.budget;
    this.step1Answers = new Throttle(STEP1_ANSWER_INTERVAL_MS, lease.budget.answers);
    this.presenceAnswers = new Throttle(0, lease.budget.answers);
  }

  /** True while frames can still be sent. */
  get open(): boolean {
    return this.socket.readyState === SOCKET_STATE.open;
  }

  /** True while this socket is not read because its person is over their budget. */
  get paused(): boolean {
    return this.resumeTimer !== null;
  }

  /**
   * Charges a frame that was read to the person's budget. A person over their share is slowed,
   * never cut off: this socket is not read again until the budget has refilled, so what the
   * client wrote waits in the transport and still arrives, in order.
   */
  charge(size: number): void {
    const wait = this.budget.charge(size);
    if (wait > 0 && !this.resumeTimer && this.open) {
      this.socket.pause();
      this.resumeAfter(wait);
    }
  }

  /** Stops reading this socket for `ms` (its person must wait for a budget of the room's). */
  holdFor(ms: number): void {
    if (!this.open) return;
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.socket.pause();
    this.resumeAfter(ms);
  }

  /** One round of the heartbeat: pings, or drops a socket that did not answer the last ping. */
  ping(): void {
    // A paused socket's pong waits behind the frames it sent: it is busy, not gone.
    if (this.paused) this.alive = true;
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    try {
      this.socket.ping();
    } catch {
      this.socket.terminate();
    }
  }

  /** Sends a frame, or closes a socket whose reader cannot keep up. */
  send(frame: Uint8Array): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_CODE.tooSlow, 'too slow');
      return;
    }
    this.socket.send(frame);
  }

  /** Records that this socket speaks for `clientId`; false once it has claimed `max` others. */
  mayClaimAwarenessId(clientId: number, max: number): boolean {
    if (this.claimedAwarenessIds.has(clientId)) return true;
    if (this.claimedAwarenessIds.size >= max) return false;
    this.claimedAwarenessIds.add(clientId);
    return true;
  }

  /** Stops timers that would still answer or read this socket, and gives back its place; called once it closed. */
  dispose(): void {
    this.resync.cancel();
    this.step1Answers.cancel();
    this.presenceAnswers.cancel();
    this.stopWaiting();
    this.lease.release();
  }

  /** Closes with a named code; the reason is short and never contains content. */
  close(code: CloseCode, reason: string): void {
    const state = this.socket.readyState;
    if (state === SOCKET_STATE.closed || state === SOCKET_STATE.closing) return;
    this.socket.close(code, reason);
    // A paused socket would never read the client's answer to the close, so the handshake
    // would only end at the transport's timeout; frames read from now on are ignored.
    if (this.stopWaiting()) this.socket.resume();
  }

  private resumeAfter(ms: number): void {
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = null;
      if (!this.open) return;
      // Other sockets of the same person may have spent the budget meanwhile.
      const wait = this.budget.msUntilOutOfDebt();
      if (wait > 0) this.resumeAfter(wait);
      else this.socket.resume();
    }, Math.ceil(ms));
    this.resumeTimer.unref();
  }

  /** Cancels a pending resume; true when there was one. */
  private stopWaiting(): boolean {
    if (!this.resumeTimer) return false;
    clearTimeout(this.resumeTimer);
    this.resumeTimer = null;
    return true;
  }
}
