/**
 * WebSocket close codes the server uses. 4xxx codes mirror HTTP statuses so a client can
 * tell "your link is wrong" (do not retry) from "the connection dropped" (retry).
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
  /** The workshop was deleted while connected. */
  workshopDeleted: 4404,
  /** Frame over the configured size limit. */
  tooLarge: 4413,
  /** A Yjs update or awareness state that fails validation. */
  badUpdate: 4422,
  /** The connection sent more than its share of messages or bytes. */
  rateLimited: 4429,
  /** The connection did not answer pings. */
  timeout: 4408,
  /** The connection reads too slowly; its unsent data passed the limit. Reconnect. */
  tooSlow: 4410,
  /** The server could not store or apply changes; reconnect to resynchronise. */
  internalError: 4500,
} as const;

/** A close code the server sends. */
export type CloseCode = (typeof CLOSE_CODE)[keyof typeof CLOSE_CODE];

/** Close codes after which a client must not reconnect with the same token. */
export const PERMANENT_CLOSE_CODES: readonly number[] = [CLOSE_CODE.unauthorized, CLOSE_CODE.workshopDeleted];
