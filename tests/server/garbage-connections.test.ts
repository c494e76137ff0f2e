import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { upgradeRequest } from '../helpers/rawSocket';
import { serverOutput, startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** How long the server may take to answer and close a garbage connection. */
const ANSWER_TIMEOUT_MS = 3_000;

/**
 * Sends raw bytes on a TCP connection and resolves with what came back once the server closed
 * it; a connection left hanging resolves as "no answer" after a while.
 */
function rawExchange(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      resolve(`no answer within ${ANSWER_TIMEOUT_MS} ms: ${Buffer.concat(chunks).toString('latin1')}`);
      socket.destroy();
    }, ANSWER_TIMEOUT_MS);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.on('error', reject);
  });
}

describe('garbage on the wire', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  let honest: TestClient;

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Garbage' });
    honest = connectClient(server, workshop.id, workshop.facilitatorToken);
    await honest.synced();
  });
  afterAll(async () => {
    honest?.destroy();
    await server?.stop();
  });

  it('answers bytes that are not HTTP with 400 and closes', async () => {
    const answer = await rawExchange(server.port, Buffer.from([0x16, 0x03, 0x01, 0xff, 0x00, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]));
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it('closes a connection that sends garbage right behind its upgrade request', async () => {
    const request = upgradeRequest(`/ws/${workshop.id}?token=${workshop.facilitatorToken}`, server.port);
    // Unmasked, reserved-bit frames and random bytes: not a WebSocket a client may send.
    const answer = await rawExchange(server.port, Buffer.concat([Buffer.from(request), Buffer.from([0xff, 0xff, 0x00, 0x01, 0x02, 0x03, 0x99])]));
    expect(answer).toMatch(/^HTTP\/1\.1 101/);
  });

  it('answers an upgrade request whose URL cannot be parsed with 400 and closes', async () => {
    const before = serverOutput(server).split('uncaught exception').length;
    const answer = await rawExchange(server.port, Buffer.from(upgradeRequest('http://[', server.port)));
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(serverOutput(server).split('uncaught exception').length).toBe(before);
  });

  it('still serves the honest client afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const other = connectClient(server, workshop.id, workshop.facilitatorToken);
    try {
      await other.synced();
      addNote(honest.doc, 'shape:still', 'here', null);
      await eventually(() => expect(notesOf(other.doc)['shape:still']).toBe('here'));
      expect(honest.provider.wsconnected).toBe(true);
    } finally {
      other.destroy();
    }
  });
});
