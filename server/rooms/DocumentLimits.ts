import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import type { Change } from '../../shared/validate/changes';
import { COMPACT_AFTER_BYTES } from './DurableDocument';
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

/** Why an update went over a limit, and the close code that says so. */
export interface LimitRefusal {
  code: CloseCode;
  reason: 'document-too-large' | 'too-many-shapes';
}

/**
 * The per-workshop limits of the gate: a person's budget of new records (refilled steadily,
 * so a burst of a minute's worth is fine) and the document's size. Past them the update is
 * refused with a clear reason, never stored.
 */
export class DocumentLimits {
  private readonly limits: RoomLimits;
  private readonly shapeBudgets = new Map<string, TokenBucket>();

  /** Log bytes after which the document is compacted, so garbage never fills the limit. */
  get compactAfterBytes(): number {
    return Math.min(COMPACT_AFTER_BYTES, Math.floor(this.limits.maxDocumentBytes / 8));
  }

  constructor(limits: Partial<RoomLimits>, private readonly now?: () => number) {
    this.limits = {
      maxDocumentBytes: limits.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
      shapesPerMinute: limits.shapesPerMinute ?? DEFAULT_SHAPES_PER_MINUTE,
    };
  }

  /**
   * Charges an allowed update against the limits. `owner` is the sender's identity key.
   * Returns null when it fits.
   */
  check(owner: string, changes: readonly Change[], updateBytes: number, documentBytes: number): LimitRefusal | null {
    const grows = changes.some((change) => change.kind !== 'delete');
    // Deleting is always allowed: it is how a full workshop is made smaller again.
    if (grows && documentBytes + updateBytes > this.limits.maxDocumentBytes) {
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
    // A retry after the budget refills can succeed, so the close code lets clients reconnect.
    return budget.take(created) ? null : { code: CLOSE_CODE.tryLater, reason: 'too-many-shapes' };
  }
}
