import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf, setNoteText } from '../helpers/board';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** The largest document in this test (the default is 64 MiB; smaller keeps the test short). */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
const TOKENS = 4;
const SOCKETS_PER_TOKEN = 4;
/** How long each phase of the attack writes, at most. */
const PHASE_MS = 6_000;
const NOTE_TEXT_CHARS = 9_000;

/** Peak resident memory of a process so far (Linux), in MB. */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

function directoryBytes(directory: string): number {
  return readdirSync(directory).reduce((sum, name) => sum + statSync(path.join(directory, name)).size, 0);
}

describe('inflating a workshop from several tokens and sockets', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({
      env: { FLET_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES), FLET_MAX_SHAPES_PER_MINUTE: '100000' },
    });
    workshop = await createWorkshop(server, { title: 'Oppustet' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('stops at the limits, keeps the stored data and the memory bounded, and the workshop still opens', async () => {
    const attackers: Array<{ client: TestClient; author: { participantId: string; group: 'business' } }> = [];
    for (let token = 0; token < TOKENS; token++) {
      const joined = await joinWorkshop(server, workshop.joinCode, 'business');
      for (let socket = 0; socket < SOCKETS_PER_TOKEN; socket++) {
        const client = connectClient(server, workshop.id, joined.token);
        clients.push(client);
        attackers.push({ client, author: { participantId: joined.participantId, group: 'business' } });
      }
    }
    await Promise.all(attackers.map((a) => a.client.synced()));
    const text = (seed: number) => `${seed} `.padEnd(NOTE_TEXT_CHARS, String.fromCharCode(97 + (seed % 26)));

    // Phase 1: retyping one's own long note over and over (garbage in the log, not in the board).
    attackers.forEach((a, index) => addNote(a.client.doc, `shape:attack-${index}`, text(index), a.author));
    let retypes = 0;
    const retypeUntil = Date.now() + PHASE_MS;
    while (Date.now() < retypeUntil) {
      for (const [index, a] of attackers.entries()) setNoteText(a.client.doc, `shape:attack-${index}`, text(retypes + index));
      retypes += attackers.length;
      await nextTurn();
    }

    // Phase 2: new long notes as fast as a client can make them, until the document is full.
    let added = 0;
    const addUntil = Date.now() + PHASE_MS;
    while (Date.now() < addUntil && attackers.some((a) => a.client.provider.wsconnected)) {
      for (const a of attackers) addNote(a.client.doc, `shape:grow-${added++}`, text(added), a.author);
      await nextTurn();
    }
    // Let the server read what was sent (a client over its share is read more slowly, not cut off).
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const codes = attackers.flatMap((a) => a.client.closeCodes);
    const peak = peakRssMb(server.process.pid ?? 0);
    const stored = directoryBytes(server.dataDir);
    console.log(`retypes sent ${retypes}, notes sent ${added}, close codes ${JSON.stringify(codes)}, data dir ${(stored / 1048576).toFixed(1)} MB, server peak RSS ${peak.toFixed(0)} MB`);
    expect(codes).toContain(CLOSE_CODE.tooLarge);
    expect(codes.filter((code) => code !== CLOSE_CODE.tooLarge)).toEqual([]);
    // The database holds the document, a log bounded by compaction, and SQLite's own pages.
    expect(stored).toBeLessThan(6 * MAX_DOCUMENT_BYTES);
    expect(peak).toBeLessThan(600);

    // A new client opens the full workshop: the limit keeps its first frame openable.
    const reader = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(reader);
    await reader.synced();
    const notes = Object.keys(notesOf(reader.doc));
    expect(notes.length).toBeGreaterThan(TOKENS * SOCKETS_PER_TOKEN);
    // Stored bytes stay under the limit; the same content encoded anew differs by a few KB.
    expect(Y.encodeStateAsUpdate(reader.doc).length).toBeLessThan(1.05 * MAX_DOCUMENT_BYTES);
  });
});
