import WebSocket from 'ws';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import {
  BYTE_BURST_FRAMES, BYTES_PER_SECOND_FRAMES, MAX_BUFFERED_BYTES, MESSAGE_BURST, MESSAGES_PER_SECOND, RESYNC_INTERVAL_MS,
  STEP1_ANSWER_INTERVAL_MS,
} from '../../shared/protocol/limits';
import type { Session } from '../auth';
import { Throttle } from './Throttle';
import { TokenBucket } from './TokenBucket';

/** One authenticated WebSocket in a room: its session, limits, liveness and presence. */
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
   * Answers to this client's sync step 1 and presence queries. Their bytes are charged at the
   * connection's byte rate (as if the client had sent them), so asking cannot cost the server
   * more than sending would.
   */
  readonly step1Answers: Throttle;
  readonly presenceAnswers: Throttle;
  private readonly messages = new TokenBucket(MESSAGE_BURST, MESSAGES_PER_SECOND);
  private readonly bytes: TokenBucket;

  constructor(
    readonly socket: WebSocket,
    readonly session: Session,
    maxFrameBytes: number,
  ) {
    const bytesPerSecond = maxFrameBytes * BYTES_PER_SECOND_FRAMES;
    this.bytes = new TokenBucket(maxFrameBytes * BYTE_BURST_FRAMES, bytesPerSecond);
    this.step1Answers = new Throttle(STEP1_ANSWER_INTERVAL_MS, bytesPerSecond);
    this.presenceAnswers = new Throttle(0, bytesPerSecond);
  }

  /** True while frames can still be sent. */
  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Charges one incoming message of `size` bytes; false when over the connection's share. */
  admit(size: number): boolean {
    return this.messages.take(1) && this.bytes.take(size);
  }

  /** Sends a frame, or closes a socket whose reader cannot keep up. */
  send(frame: Uint8Array): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_CODE.tooSlow, 'too slow');
      return;
    }
    this.socket.send(frame, { binary: true });
  }

  /** Records that this socket speaks for `clientId`; false once it has claimed `max` others. */
  mayClaimAwarenessId(clientId: number, max: number): boolean {
    if (this.claimedAwarenessIds.has(clientId)) return true;
    if (this.claimedAwarenessIds.size >= max) return false;
    this.claimedAwarenessIds.add(clientId);
    return true;
  }

  /** Stops timers that would still answer this socket; called once it closed. */
  dispose(): void {
    this.resync.cancel();
    this.step1Answers.cancel();
    this.presenceAnswers.cancel();
  }

  /** Closes with a named code; the reason is short and never contains content. */
  close(code: CloseCode, reason: string): void {
    if (this.socket.readyState === WebSocket.CLOSED || this.socket.readyState === WebSocket.CLOSING) return;
    this.socket.close(code, reason);
  }
}
