import { afterAll, describe, expect, it } from 'vitest';
import { createWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Notes the observer must have received before the server is killed. */
const RECEIVED_BEFORE_KILL = 300;
/** The writer adds this many notes per timer tick, so the kill lands mid-stream. */
const NOTES_PER_TICK = 5;

describe('a server killed with SIGKILL', () => {
  let server: RunningServer | undefined;
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('loses nothing that any client had received', async () => {
    server = await startServer();
    const workshop = await createWorkshop(server, { title: 'Crash' });
    const writer = connectClient(server, workshop.id, workshop.facilitatorToken);
    const observer = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(writer, observer);
    await Promise.all([writer.synced(), observer.synced()]);

    // The observer records every note the server delivered to it.
    const received = new Set<string>();
    observer.doc.getMap<string>('notes').observe((event) => {
      for (const key of event.keysChanged) received.add(key);
    });

    let written = 0;
    const stream = setInterval(() => {
      writer.doc.transact(() => {
        for (let i = 0; i < NOTES_PER_TICK; i++) {
          writer.doc.getMap<string>('notes').set(`note-${written}`, `Written ${written}`);
          written += 1;
        }
      });
    }, 2);
    try {
      await eventually(() => expect(received.size).toBeGreaterThanOrEqual(RECEIVED_BEFORE_KILL), { timeout: 30_000 });
      await server.kill();
    } finally {
      clearInterval(stream);
    }
    const seen = new Set(received); // frozen at the moment of the kill
    expect(server.process.signalCode).toBe('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();

    server = await startServer({ dataDir: server.dataDir });
    const fresh = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(fresh);
    await fresh.synced();
    const restored = fresh.doc.getMap<string>('notes');
    const missing = [...seen].filter((key) => !restored.has(key));
    console.log(`kill -9: writer wrote ${written}, observer had received ${seen.size}, restored ${restored.size}, missing ${missing.length}`);
    expect(missing).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(RECEIVED_BEFORE_KILL);
  });
});
