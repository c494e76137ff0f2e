import {
  BYTE_BURST_FRAMES, BYTES_PER_SECOND_FRAMES, MESSAGE_BURST, MESSAGES_PER_SECOND,
} from '../../shared/protocol/limits';

/**
 * Sockets one person (one token) may hold open at once: a few tabs or devices, each with the
 * shared document's socket and (for a participant) the private document's. More is a script
 * or a leak, and each socket costs the server a copy of every relayed frame.
 */
export const MAX_SOCKETS_PER_SESSION = 8;

/** What one person may send, shared by all of their sockets. */
export interface SessionLimits {
  /** Open sockets per person; one more is refused at the upgrade (HTTP 429). */
  maxSockets: number;
  /** Sustained messages per second, and the burst above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Sustained bytes per second, and the burst above it. */
  bytesPerSecond: number;
  byteBurst: number;
}

/** The limits the server runs with, scaled to its largest frame. */
export function defaultSessionLimits(maxFrameBytes: number): SessionLimits {
  return {
    maxSockets: MAX_SOCKETS_PER_SESSION,
    messagesPerSecond: MESSAGES_PER_SECOND,
    messageBurst: MESSAGE_BURST,
    bytesPerSecond: maxFrameBytes * BYTES_PER_SECOND_FRAMES,
    byteBurst: maxFrameBytes * BYTE_BURST_FRAMES,
  };
}
