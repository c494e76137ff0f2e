import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE_TYPE, SYNC_TYPE } from '../../shared/protocol/messages';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { awarenessFrame, awarenessUpdate, QUERY_AWARENESS_FRAME, syncStep1Frame } from '../helpers/frames';
import { workshopSocketUrl } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Records in the board: big enough that each full answer costs the server real work. */
const RECORDS = 3_000;
/** The flood: sync step 1 requests with an empty state vector, below the allowed message rate. */
const FLOOD_MS = 5_000;
const FRAMES_PER_100_MS = 30;
/** /healthz must answer within this while the flood lasts (it took over 3 s unthrottled). */
const HEALTH_BOUND_MS = 500;

interface Flood {
  maxHealthMs: number;
  bytesReceived: number;
  closes: number[];
  firstAnswer: Uint8Array | null;
}

describe('a socket that keeps asking for the whole document', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Step 1 flood' });
    const writer = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(writer);
    await writer.synced();
    for (let batch = 0; batch < RECORDS / 100; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 100; i++) addNote(writer.doc, `shape:n${batch}-${i}`, 'x'.repeat(200), null, i, batch);
      });
    }
    const reader = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(reader);
    await eventually(() => expect(Object.keys(notesOf(reader.doc)).length).toBe(RECORDS), { timeout: 30_000 });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  async function flood(token: string, frame: Uint8Array = syncStep1Frame(Y.encodeStateVector(new Y.Doc()))): Promise<Flood> {
    const socket = new WebSocket(workshopSocketUrl(server.wsUrl, workshop.id, token));
    const result: Flood = { maxHealthMs: 0, bytesReceived: 0, closes: [], firstAnswer: null };
    socket.on('message', (data: Buffer) => {
      result.bytesReceived += data.length;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_TYPE.sync || decoding.readVarUint(decoder) !== SYNC_TYPE.step2) return;
      result.firstAnswer ??= decoding.readVarUint8Array(decoder).slice();
    });
    socket.on('close', (code) => result.closes.push(code));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const pump = setInterval(() => {
      for (let i = 0; i < FRAMES_PER_100_MS && socket.readyState === WebSocket.OPEN; i++) socket.send(frame);
    }, 100);
    const until = Date.now() + FLOOD_MS;
    while (Date.now() < until) {
      const started = performance.now();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      result.maxHealthMs = Math.max(result.maxHealthMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    clearInterval(pump);
    socket.terminate();
    return result;
  }

  it('answers it at a bounded rate, so the server stays responsive, and the answer is complete', async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'citizen');
    const result = await flood(participant.token);

    expect(result.maxHealthMs, `healthz max ${result.maxHealthMs.toFixed(0)} ms`).toBeLessThan(HEALTH_BOUND_MS);
    expect(result.closes).toEqual([]);
    const answered = new Y.Doc();
    Y.applyUpdate(answered, result.firstAnswer ?? new Uint8Array([0, 0]));
    expect(Object.keys(notesOf(answered)).length).toBe(RECORDS);
    // A handful of full answers in five seconds, not hundreds.
    const fullAnswer = Y.encodeStateAsUpdate(answered).length;
    expect(result.bytesReceived / fullAnswer).toBeLessThan(8);
  });

  it('answers presence queries no faster than their bytes allow', async () => {
    // About 400 KB of presence: six people, each with a large selection.
    const presenters: WebSocket[] = [];
    for (let person = 0; person < 6; person++) {
      const { token } = await joinWorkshop(server, workshop.joinCode, 'association');
      const socket = new WebSocket(workshopSocketUrl(server.wsUrl, workshop.id, token));
      presenters.push(socket);
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      for (let tab = 0; tab < 4; tab++) {
        socket.send(awarenessFrame(awarenessUpdate(900_000 + person * 10 + tab, 1, JSON.stringify({ selection: 'z'.repeat(16_000) }))));
      }
    }
    const watcher = clients[1];
    await eventually(() => expect(watcher.provider.awareness.getStates().size).toBeGreaterThanOrEqual(24));

    const participant = await joinWorkshop(server, workshop.joinCode, 'other');
    const result = await flood(participant.token, QUERY_AWARENESS_FRAME);
    for (const socket of presenters) socket.terminate();

    expect(result.maxHealthMs, `healthz max ${result.maxHealthMs.toFixed(0)} ms`).toBeLessThan(HEALTH_BOUND_MS);
    expect(result.closes).toEqual([]);
    // The connection's byte rate (2 MiB/s at the default frame limit) plus one answer of slack.
    const allowed = (FLOOD_MS / 1000 + 1) * 2 * 1024 * 1024 + 500_000;
    expect(result.bytesReceived).toBeGreaterThan(400_000);
    expect(result.bytesReceived).toBeLessThan(allowed);
  });
});
