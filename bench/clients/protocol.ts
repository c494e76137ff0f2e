import type { Group } from '../../shared/domain/groups';
import type { FramingKind } from './framing';

/** Messages between the benchmark's main thread and its load-generator workers. */

/** Who one client is: on Flet a participant who joined by code, elsewhere the same facts made up. */
export interface ClientSession {
  /** Request path including the query string (Flet's carries the client's own token). */
  path: string;
  /** Token for framings that send it in a message (Hocuspocus). */
  token: string;
  participantId: string;
  group: Group;
  /** The name the client joined with, and shows by its cursor. */
  name: string;
}

export interface ClientSpec {
  /** Index of the client in the whole scenario (0 … clients-1). */
  index: number;
  /** Writer number (0 … writers-1) for the full Yjs clients, null for light clients. */
  writer: number | null;
  cursors: boolean;
  /** Whether this client reads the send time of the cursors it receives (a sample of clients does). */
  measureCursors: boolean;
  echo: boolean;
  session: ClientSession;
}

export interface WorkerConfig {
  host: string;
  port: number;
  framing: FramingKind;
  documentName: string;
  clients: ClientSpec[];
  totalClients: number;
  writers: number;
  /** Edits per second per writer. */
  rate: number;
  /** Cursor moves per second per client (when the client sends cursors). */
  cursorHz: number;
  /** Upper bound of any writer's sequence number, sizes the receivers' dedup bitmaps. */
  maxSeq: number;
  connectTimeoutMs: number;
}

/** Absolute times on the shared monotonic clock (µs): when to send and what to count. */
export interface Timeline {
  startUs: number;
  measureStartUs: number;
  measureEndUs: number;
}

export type ToWorker = { kind: 'go'; timeline: Timeline } | { kind: 'finish' };

export interface WorkerResult {
  editHist: Float64Array;
  /** Distinct in-window edits received, summed over receivers. */
  editReceived: number;
  /** Edits written during the measured window by this worker's writers. */
  editsSent: number;
  cursorHist: Float64Array;
  cursorReceived: number;
  cursorsSent: number;
  echoesSent: number;
  disconnects: number;
  disconnectReasons: string[];
  /** Largest user-space send queue seen on any socket: the load generator falling behind. */
  maxBufferedBytes: number;
  /** Event-loop delay of this load thread during the run (ms): its own lateness. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export type FromWorker =
  | { kind: 'connected'; ok: number; failed: number; errors: string[] }
  | { kind: 'sent'; editsSent: number }
  | { kind: 'progress'; editReceived: number }
  | { kind: 'result'; result: WorkerResult };
