import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { eventually } from './eventually';
import type { RunningServer } from './server';

/** A stock y-websocket client in Node, as a browser would connect. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent to this client, in order. */
  closeCodes: number[];
  /** Waits until the client has synced with the server. */
  synced(): Promise<void>;
  destroy(): void;
}

/**
 * Connects a Yjs document to a workshop through the server. BroadcastChannel is off so that
 * clients in one test process only meet through the server.
 */
export function connectClient(
  server: Pick<RunningServer, 'wsUrl'>,
  workshopId: string,
  token: string,
  options: { doc?: Y.Doc; reconnect?: boolean } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, workshopId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
    ...(options.reconnect === false ? { shouldReconnect: () => false } : {}),
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    synced: () =>
      eventually(() => {
        if (!provider.synced) throw new Error('client not synced yet');
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
