import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { eventually } from './eventually';
import type { RunningServer } from './server';
import { connectClient, type TestClient } from './yjsClient';

/** The y-websocket room name of a token holder's private document: `/ws/<workshopId>/private`. */
export function privateRoom(workshopId: string): string {
  return `${workshopId}/private`;
}

/** Connects a stock client to the token holder's private document (as the browser does). */
export function connectPrivateClient(
  server: Pick<RunningServer, 'wsUrl'>,
  workshopId: string,
  token: string,
  options: { reconnect?: boolean } = {},
): TestClient {
  return connectClient(server, privateRoom(workshopId), token, options);
}

/** A stock client that keeps every binary frame the server sent it, byte for byte. */
export interface RecordingClient extends TestClient {
  /** Every frame received, in order. */
  frames: Uint8Array[];
  /** True when any frame received so far holds `text` (as UTF-8). */
  received(text: string): boolean;
}

/**
 * Connects a stock client whose socket records every frame it receives, so a test can search
 * what a device was actually sent (not only what its document shows).
 */
export function connectRecordingClient(
  server: Pick<RunningServer, 'wsUrl'>,
  room: string,
  token: string,
): RecordingClient {
  const frames: Uint8Array[] = [];
  class RecordingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
        if (!isBinary) return;
        const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
        frames.push(new Uint8Array(bytes));
      });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    shouldReconnect: () => false,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    frames,
    received: (text) => {
      const needle = Buffer.from(text, 'utf8');
      return frames.some((frame) => Buffer.from(frame).includes(needle)) || Buffer.concat(frames).includes(needle);
    },
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

/** POSTs JSON to the server with a bearer token; resolves with the status and parsed answer. */
export async function postJson(
  server: Pick<RunningServer, 'url'>,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
