import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import type { Change } from '../../shared/validate/changes';
import { TokenBucket } from './TokenBucket';

/** Limits that keep any one workshop small enough to open on every device. */
export interface RoomLimits {
  /** Largest stored document, in bytes (FLET_MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
  /** Most canvas records one person may create per minute (FLET_MAX_SHAPES_PER_MINUTE). */
  shapesPerMinute: number;
}

/** Default largest document: 64 MiB, far above a busy process of several gatherings. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Default most records one person creates per minute: a lively brainstorm stays far below. */
export const DEFAULT_SHAPES_PER_MINUTE = 300;

/**
 * A document near its limit is measured again after a sixteenth of the limit was written, so
 * measuring (a pass over the document) costs at most 16 bytes of encoding per byte written.
 */
const MEASURE_SLACK_DIVISOR = 16;

/** A document's size: what it takes in storage (an upper bound), and a measure of its content. */
export interface DocumentSize {
  storedBytes: number;
  /** The size of its content, at most `slack` bytes over (measuring costs a pass over it). */
  measure(slack: number): number;
}

/** Why an update went over a limit, and the close code that says so. */
export interface LimitRefusal {
  code: CloseCode;
  reason: 'document-too-large';
}

/** An update over its sender's budget of new records: it waits this long, then is tried again. */
export interface LimitWait {
  holdMs: number;
}

/**
 * The per-workshop limits of the gate: a person's budget of new records (refilled steadily,
 * so a burst of a minute's worth is fine; past it the person's updates wait) and the
 * document's size (past it an update that adds anything is refused, never stored).
 */
export class DocumentLimits {
  private readonly limits: RoomLimits;
  private readonly shapeBudgets = new Map<string, TokenBucket>();

  constructor(limits: Partial<RoomLimits>, private readonly now?: () => number) {
    this.limits = {
      maxDocumentBytes: limits.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
      shapesPerMinute: limits.shapesPerMinute ?? DEFAULT_SHAPES_PER_MINUTE,
    };
  }

  /**
   * Charges an allowed update against the limits. `owner` is the sender's identity key.
   * Returns null when it fits, a refusal when it never will, or how long it must wait.
   */
  check(owner: string, changes: readonly Change[], updateBytes: number, size: DocumentSize): LimitRefusal | LimitWait | null {
    const grows = changes.some((change) => change.kind !== 'delete');
    const max = this.limits.maxDocumentBytes;
    // Deleting is always allowed: it is how a full workshop is made smaller again. The stored
    // size is an upper bound; only past it is the document measured, which costs a pass over it.
    if (grows && size.storedBytes + updateBytes > max && size.measure(max / MEASURE_SLACK_DIVISOR) + updateBytes > max) {
      return { code: CLOSE_CODE.tooLarge, reason: 'document-too-large' };
    }
    const created = changes.filter((change) => change.top === 'records' && change.field === null && change.kind === 'create').length;
    if (created === 0 || owner === 'facilitator') return null;
    let budget = this.shapeBudgets.get(owner);
    if (!budget) {
      const perMinute = this.limits.shapesPerMinute;
      budget = new TokenBucket(perMinute, perMinute / 60, this.now);
      this.shapeBudgets.set(owner, budget);
    }
    if (budget.take(created)) return null;
    // A paste larger than a minute's budget goes through once the budget is full, into debt.
    const perMinute = this.limits.shapesPerMinute;
    if (created > perMinute && budget.msUntil(perMinute) === 0) {
      budget.charge(created);
      return null;
    }
    // Slowed, not refused: the update waits until the budget allows it.
    return { holdMs: Math.max(1, budget.msUntil(created)) };
  }
}
