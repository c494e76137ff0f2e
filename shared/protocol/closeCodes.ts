/**
 * WebSocket close codes the server uses. 4xxx codes mirror HTTP statuses. The stock
 * y-websocket provider does not reconnect after 4400–4499 (the client's fault: a retry
 * would fail the same way) and does reconnect after 45xx (the server's side: retry).
 */
export const CLOSE_CODE = {
  /** Server shutting down (standard "going away"): reconnect later. */
  goingAway: 1001,
  /** Frame larger than the transport limit (set by `ws` itself). */
  transportTooLarge: 1009,
  /** Malformed frame: text frame, truncated, unknown type, trailing bytes. */
  badFrame: 4400,
  /** No token, wrong token, or a token of another workshop. */
  unauthorized: 4401,
  /**
   * An update changed what the session's role may not (another's note, the workshop's
   * settings, an unknown top-level type, an invalid record). Nothing of it was applied.
   */
  forbidden: 4403,
  /** The workshop was deleted while connected. */
  workshopDeleted: 4404,
  /** Frame over the configured size limit. */
  tooLarge: 4413,
  /** A Yjs update or awareness state that fails validation. */
  badUpdate: 4422,
  /** The connection reads too slowly; its unsent data passed the limit. Reconnect. */
  tooSlow: 4503,
  /** The server could not store or apply changes; reconnect to resynchronise. */
  internalError: 4500,
} as const;

/** A close code the server sends. */
export type CloseCode = (typeof CLOSE_CODE)[keyof typeof CLOSE_CODE];

/** True when a client should not reconnect after this close code (same rule as y-websocket). */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
