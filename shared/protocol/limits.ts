/**
 * Size and rate limits of the WebSocket protocol. One socket must never be able to stall the
 * process or starve the others, so every untrusted length is checked against these.
 */

/** Default largest frame a client may send (configurable with FLET_MAX_FRAME_BYTES). */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

/** Largest JSON state of one awareness entry (a cursor, a name, a colour: a few hundred bytes). */
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;

/**
 * Awareness client ids one socket may speak for over its life. A browser tab speaks for one
 * (its document's client id); a few more leave room for other clients. Entries beyond it are
 * dropped, so one socket cannot fill the server's memory with presence.
 */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/**
 * Largest step of an awareness clock. Honest clocks count changes one by one; a jump to
 * near 2^53 would make every later state of that client look stale, freezing it.
 */
export const MAX_AWARENESS_CLOCK_STEP = 1_000_000;

/**
 * How long the server remembers a removed presence entry (as y-protocols forgets states
 * after 30 s). Late echoes of the last state are stale against it instead of bringing a
 * departed cursor back, and only the same session may revive the id meanwhile.
 */
export const AWARENESS_TOMBSTONE_MS = 30_000;

/** Sustained messages per second one connection may send (cursors at 60 Hz plus echoes). */
export const MESSAGES_PER_SECOND = 400;
/** Short bursts above the sustained message rate (reconnect catch-up). */
export const MESSAGE_BURST = 800;

/** Sustained bytes per second one connection may send, as a multiple of the frame limit. */
export const BYTES_PER_SECOND_FRAMES = 2;
/** Burst of bytes, as a multiple of the frame limit (an initial sync step 2 can be one full frame). */
export const BYTE_BURST_FRAMES = 4;

/**
 * Highest Yjs clock (and clock + length) accepted. Real documents stay far below this;
 * crafted structs with clocks near 2^53 lose integer precision and can make the
 * struct store's binary search loop (the idea of yjs issues 479/498).
 */
export const MAX_YJS_CLOCK = 2 ** 40;

/**
 * Shortest time between two sync step 1 requests the server sends one connection to recover
 * an update that built on state the server did not have yet (the client answers with all of
 * it in a sync step 2). Asking again within the window would only repeat that answer.
 */
export const RESYNC_INTERVAL_MS = 1_000;

/**
 * Shortest time between two answers to one connection's sync step 1. Each answer encodes the
 * document the client lacks (all of it for an empty state vector), so a client that keeps
 * asking would stall the process; an honest one asks once per connect. A request inside the
 * window is answered once when it ends, with the latest state vector.
 */
export const STEP1_ANSWER_INTERVAL_MS = 2_000;

/** Unsent bytes queued for one socket before it counts as too slow and is closed. */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
