import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { DATABASE_FILE } from '../../server/storage/SqliteStorage';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { upgradeRequest, workshopSocketUrl } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** A short unload grace, so a wrongly started unload happens within the test. */
const UNLOAD_GRACE_MS = 200;

/**
 * A WebSocket that completes its handshake and then never reads or answers again, as a
 * client on a dead network does: the server sees it close only when the test destroys it.
 */
function silentSocket(server: RunningServer, workshopId: string, token: string): Promise<net.Socket> {
  const url = new URL(workshopSocketUrl(server.wsUrl, workshopId, token));
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(upgradeRequest(`${url.pathname}${url.search}`, server.port));
    });
    let received = '';
    const onData = (chunk: Buffer): void => {
      received += chunk.toString('latin1');
      const headerEnd = received.indexOf('\r\n\r\n');
      // In the room once the server's welcome (its sync step 1) follows the 101.
      if (headerEnd >= 0 && received.length > headerEnd + 4) {
        socket.off('data', onData);
        if (received.startsWith('HTTP/1.1 101')) resolve(socket);
        else reject(new Error(received.split('\r\n')[0]));
      }
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

describe('a room replaced after a storage failure', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { FLET_UNLOAD_GRACE_MS: String(UNLOAD_GRACE_MS), FLET_PING_INTERVAL_MS: '600000' } });
    workshop = await createWorkshop(server, { title: 'Replaced room' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('stays the one room of its workshop when a socket of the old room closes late', async () => {
    const honest = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(honest);
    await honest.synced();
    const lingering = await silentSocket(server, workshop.id, workshop.facilitatorToken);

    // Another process holds the database: the next write fails and the room shuts down.
    const lock = new Database(path.join(server.dataDir, DATABASE_FILE));
    lock.exec('BEGIN EXCLUSIVE');
    try {
      addNote(honest.doc, 'shape:a', 'written while the database was locked', null);
      await eventually(() => expect(honest.closeCodes).toContain(CLOSE_CODE.internalError), { timeout: 20_000 });
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    // The honest client reconnects into a fresh room.
    await eventually(() => expect(honest.provider.wsconnected && honest.provider.synced).toBe(true));

    // Only now does the old room's last socket go away.
    lingering.destroy();
    // Nothing to wait for when all is well: give a wrongly started unload its grace to fire.
    await new Promise((resolve) => setTimeout(resolve, UNLOAD_GRACE_MS * 5));

    const late = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(late);
    await late.synced();
    addNote(honest.doc, 'shape:b', 'after the late close', null, 200, 100);
    addNote(late.doc, 'shape:c', 'from the late joiner', null, 300, 100);
    await eventually(() => {
      expect(notesOf(late.doc)['shape:b']).toBe('after the late close');
      expect(notesOf(honest.doc)['shape:c']).toBe('from the late joiner');
      expect(notesOf(late.doc)['shape:a']).toBe('written while the database was locked');
    });
  });
});
