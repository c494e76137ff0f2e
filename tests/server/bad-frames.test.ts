import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { awarenessFrame, awarenessUpdate, craftedFrames, RESYNC_NOT_CLOSE, updateFrame } from '../helpers/frames';
import { ProbeSocket } from '../helpers/probeSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

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
    honest.doc.getMap('notes').set('first', 'Kaffe til alle');
    honest.doc.getText('narrative').insert(0, 'Fortællingen');
    // Both edits must have arrived before the state is taken as the baseline.
    await eventually(() => expect(Y.encodeStateVector(watcher.doc)).toEqual(Y.encodeStateVector(honest.doc)));
    expect(watcher.doc.getMap('notes').get('first')).toBe('Kaffe til alle');
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

  it('closes a socket that floods the server with messages', async () => {
    const socket = await ProbeSocket.open(server.wsUrl, workshop.id, token);
    const codes: number[] = [];
    let fate: Awaited<ReturnType<ProbeSocket['send']>> = { closed: false };
    for (let i = 0; i < 5_000 && !fate.closed; i += 1) {
      fate = await socket.send(new Uint8Array([3]));
    }
    if (fate.closed) codes.push(fate.code);
    socket.close();
    expect(codes).toEqual([CLOSE_CODE.rateLimited]);
  });

  it('leaves the document and the honest clients untouched', async () => {
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(Y.encodeStateVector(watcher.doc)).toEqual(before);
    expect(watcher.doc.getMap('notes').toJSON()).toEqual({ first: 'Kaffe til alle' });
    expect(honest.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
    honest.doc.getMap('notes').set('second', 'Still talking');
    await eventually(() => expect(watcher.doc.getMap('notes').get('second')).toBe('Still talking'));
    const late = connectClient(server, workshop.id, workshop.facilitatorToken);
    try {
      await late.synced();
      await eventually(() => expect(late.doc.getMap('notes').toJSON()).toEqual(watcher.doc.getMap('notes').toJSON()));
      expect(late.doc.getMap('fuzz').size).toBe(0);
    } finally {
      late.destroy();
    }
  });
});
