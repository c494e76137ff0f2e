/**
 * A refusal of the gate, for logs and tests, never containing document content. Each rule
 * module names its own reasons; authorize.ts joins them into the gate's `Refusal`.
 */
export interface RefusalOf<Reason extends string> {
  reason: Reason;
  /** The top-level name and key the refusal is about. */
  top: string;
  key: string | null;
  /** More detail for logs (a validator's path), never a value. */
  detail?: string;
}
