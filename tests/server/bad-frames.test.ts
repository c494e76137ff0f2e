import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { awarenessFrame, awarenessUpdate, craftedFrames, QUERY_AWARENESS_FRAME, RESYNC_NOT_CLOSE, updateFrame } from '../helpers/frames';
import { ProbeSocket } from '../helpers/probeSocket';
import { workshopSocketUrl } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Frames of the flood: past the burst of messages a person may send at once (800). */
const FLOOD_FRAMES = 2_000;
/** Awareness client id of the presence sent behind the flood. */
const FLOOD_MARKER = 515_151;

/** A small frame limit keeps the oversized frames of this test small. */
const MAX_FRAME_BYTES = 64 * 1024;

describe('malformed, oversized and crafted frames', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  let token: string;
  let honest: TestClient;
  let watcher: TestClient;
  let before: Uint8Array;

  beforeAll(async () => {
    server = await startServer({ env: { FLET_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES) } });
    workshop = await createWorkshop(server, { title: 'Bad input' });
    token = (await joinWorkshop(server, workshop.joinCode, 'other')).token;
    honest = connectClient(server, workshop.id, workshop.facilitatorToken);
    watcher = connectClient(server, workshop.id, workshop.facilitatorToken);
    await Promise.all([honest.synced(), watcher.synced()]);
    addNote(honest.doc, 'shape:first', 'Kaffe til alle', null);
    addNote(honest.doc, 'shape:story', 'Fortællingen', null, 300, 100);
    // Both edits must have arrived before the state is taken as the baseline.
    await eventually(() => expect(Y.encodeStateVector(watcher.doc)).toEqual(Y.encodeStateVector(honest.doc)));
    expect(notesOf(watcher.doc)).toEqual({ 'shape:first': 'Kaffe til alle', 'shape:story': 'Fortællingen' });
    before = Y.encodeStateVector(watcher.doc);
  });
  afterAll(async () => {
    honest?.destroy();
    watcher?.destroy();
    await server?.stop();
  });

  async function fateOf(frame: Uint8Array | string) {
    const socket = await ProbeSocket.open(server.wsUrl, workshop.id, token);
    try {
      return await socket.send(frame);
    } finally {
      socket.close();
    }
  }

  const cases: Array<[string, () => Uint8Array | string, number]> = [
    ['a text frame', () => 'hello', CLOSE_CODE.badFrame],
    ['random garbage', () => new Uint8Array([0xff, 0xfe, 0x00, 0x42, 0x13]), CLOSE_CODE.badFrame],
    ['an empty frame', () => new Uint8Array(), CLOSE_CODE.badFrame],
    ['an unknown message type', () => new Uint8Array([7, 0, 0]), CLOSE_CODE.badFrame],
    ['the unused auth message type', () => new Uint8Array([2, 0]), CLOSE_CODE.badFrame],
    ['an unknown sync sub-type', () => new Uint8Array([0, 9, 0]), CLOSE_CODE.badFrame],
    ['a truncated sync update', () => updateFrame(new Uint8Array([1, 1, 5, 0, 4])).slice(0, 4), CLOSE_CODE.badFrame],
    ['trailing bytes after a message', () => new Uint8Array([0, 2, 2, 0, 0, 9, 9]), CLOSE_CODE.badFrame],
    ['an update of random bytes', () => updateFrame(new Uint8Array([9, 200, 13, 77, 1, 0, 255])), CLOSE_CODE.badUpdate],
    ['awareness with broken JSON', () => awarenessFrame(awarenessUpdate(42, 1, '{"cursor": [1,')), CLOSE_CODE.badUpdate],
    ['awareness whose state is not an object', () => awarenessFrame(awarenessUpdate(42, 1, '"text"')), CLOSE_CODE.badUpdate],
    ['a frame over the configured limit', () => updateFrame(new Uint8Array(MAX_FRAME_BYTES + 10)), CLOSE_CODE.tooLarge],
    ['a frame over the transport limit', () => new Uint8Array(MAX_FRAME_BYTES * 4), CLOSE_CODE.transportTooLarge],
  ];

  for (const [name, frame, code] of cases) {
    it(`closes the socket that sends ${name} (code ${code}), nobody else's`, async () => {
      expect(await fateOf(frame())).toEqual({ closed: true, code });
    });
  }

  it('refuses every crafted payload of known decoder attacks within a bounded time', async () => {
    const victim = honest.doc.clientID;
    for (const { name, frame } of craftedFrames(victim)) {
      const started = performance.now();
      const fate = await fateOf(frame);
      const ms = performance.now() - started;
      expect({ name, closed: fate.closed }).toEqual({ name, closed: !RESYNC_NOT_CLOSE.has(name) });
      expect(ms).toBeLessThan(2_000);
    }
  });

  it('slows a socket that floods the server with messages, and never closes it', async () => {
    const socket = new WebSocket(workshopSocketUrl(server.wsUrl, workshop.id, token));
    const closes: number[] = [];
    socket.on('close', (code) => closes.push(code));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    for (let i = 0; i < FLOOD_FRAMES; i++) socket.send(QUERY_AWARENESS_FRAME);
    // Presence is read in order: the marker reaches others once every frame before it was read.
    socket.send(awarenessFrame(awarenessUpdate(FLOOD_MARKER, 1, '{}')));
    await eventually(() => expect(watcher.provider.awareness.getStates().has(FLOOD_MARKER)).toBe(true), { timeout: 30_000 });
    expect(closes).toEqual([]);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.terminate();
    // How much it is slowed is measured in slow-down.test.ts, where every frame's effect arrives.
  });

  it('leaves the document and the honest clients untouched', async () => {
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(Y.encodeStateVector(watcher.doc)).toEqual(before);
    expect(notesOf(watcher.doc)).toEqual({ 'shape:first': 'Kaffe til alle', 'shape:story': 'Fortællingen' });
    expect(honest.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
    addNote(honest.doc, 'shape:second', 'Still talking', null, 500, 100);
    await eventually(() => expect(notesOf(watcher.doc)['shape:second']).toBe('Still talking'));
    const late = connectClient(server, workshop.id, workshop.facilitatorToken);
    try {
      await late.synced();
      await eventually(() => expect(recordsOf(late.doc).toJSON()).toEqual(recordsOf(watcher.doc).toJSON()));
      expect(notesOf(late.doc)).toEqual({ 'shape:first': 'Kaffe til alle', 'shape:story': 'Fortællingen', 'shape:second': 'Still talking' });
      expect(late.doc.getMap('fuzz').size).toBe(0);
    } finally {
      late.destroy();
    }
  });
});
