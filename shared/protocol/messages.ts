import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/**
 * Message types of the y-websocket protocol (the first varUint of every frame), so a stock
 * `WebsocketProvider` can talk to Flet.
 */
export const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  /** Reserved by y-websocket for auth; Flet authenticates at the upgrade and never uses it. */
  auth: 2,
  queryAwareness: 3,
} as const;

/** Sub-types of a sync message (second varUint), taken from y-protocols. */
export const SYNC_TYPE = {
  step1: messageYjsSyncStep1,
  step2: messageYjsSyncStep2,
  update: messageYjsUpdate,
} as const;
