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
import { updateFrame } from '../helpers/frames';
import { workshopSocketUrl } from '../helpers/rawSocket';
import WebSocket from 'ws';

/** The largest document in this test (the default is 64 MiB; smaller keeps the test short). */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
const TOKENS = 4;
const SOCKETS_PER_TOKEN = 4;
/** Retypes of long notes in all: about 1.3 times the limit in replaced text. */
const RETYPES = 1_200;
const NOTE_TEXT_CHARS = 9_000;
/** How long the writers may take to fill the document, at most. */
const FILL_MS = 40_000;

/** Peak resident memory of a process so far (Linux), in MB. */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

/** Bytes of each file in a directory, by name. */
function fileSizes(directory: string): Record<string, number> {
  return Object.fromEntries(readdirSync(directory).map((name) => [name, statSync(path.join(directory, name)).size]));
}

describe('inflating a workshop from several tokens and sockets', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const writers: Writer[] = [];

  beforeAll(async () => {
    server = await startServer({
      env: { FLET_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES), FLET_MAX_SHAPES_PER_MINUTE: '100000' },
    });
    workshop = await createWorkshop(server, { title: 'Oppustet' });
  });
  afterAll(async () => {
    for (const writer of writers) writer.socket.terminate();
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('stops at the limits, keeps the stored data and the memory bounded, and the workshop still opens', async () => {
    for (let token = 0; token < TOKENS; token++) {
      const joined = await joinWorkshop(server, workshop.joinCode, 'business');
      for (let socket = 0; socket < SOCKETS_PER_TOKEN; socket++) {
        writers.push(await openWriter(server, workshop.id, joined.token, { participantId: joined.participantId, group: 'business' }));
      }
    }
    const text = (seed: number) => `${seed} `.padEnd(NOTE_TEXT_CHARS, String.fromCharCode(97 + (seed % 26)));
    const ready = (w: Writer) => w.open && w.socket.bufferedAmount < WRITER_BACKLOG_BYTES;

    // Phase 1: each writer retypes its own long note many times: more than the whole limit in
    // garbage (text replaced at once), which must not count as content.
    writers.forEach((w, index) => addNote(w.doc, `shape:attack-${index}`, text(index), w.author));
    let retypes = 0;
    const retypeUntil = Date.now() + FILL_MS;
    while (retypes < RETYPES && Date.now() < retypeUntil) {
      for (const [index, w] of writers.entries()) {
        if (!ready(w) || retypes >= RETYPES) continue;
        setNoteText(w.doc, `shape:attack-${index}`, text(retypes + index));
        retypes++;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(writers.map((w) => w.closeCode)).toEqual(writers.map(() => null));

    // Phase 2: new long notes as fast as the server reads them, until the document is full for
    // every writer (a writer over its share is read more slowly, not cut off).
    let added = 0;
    const addUntil = Date.now() + FILL_MS;
    while (Date.now() < addUntil && writers.some((w) => w.open)) {
      for (const w of writers) if (ready(w)) addNote(w.doc, `shape:grow-${added++}`, text(added), w.author);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const codes = writers.map((w) => w.closeCode);
    const peak = peakRssMb(server.process.pid ?? 0);
    const files = fileSizes(server.dataDir);
    const mb = (bytes: number | undefined) => `${((bytes ?? 0) / 1048576).toFixed(1)} MB`;
    console.log(`retypes sent ${retypes}, notes sent ${added}, close codes ${JSON.stringify(codes)}, database ${mb(files['flet.sqlite'])}, write-ahead log ${mb(files['flet.sqlite-wal'])}, server peak RSS ${peak.toFixed(0)} MB`);
    expect(codes.every((code) => code === CLOSE_CODE.tooLarge)).toBe(true);
    // The database holds the document, a log bounded by compaction, and the pages SQLite frees
    // and reuses. The write-ahead log took a burst of snapshots faster than the background
    // checkpoints moved them; it is reused from its start, and cut back at the next write
    // after a checkpoint.
    expect(files['flet.sqlite']).toBeLessThan(4 * MAX_DOCUMENT_BYTES);
    expect(files['flet.sqlite-wal'] ?? 0).toBeLessThan(16 * MAX_DOCUMENT_BYTES);
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

/**
 * A writer that sends its document's changes over a raw socket and reads (but drops) what the
 * server relays, so the test measures the server, not sixteen documents applying each
 * other's megabytes in this process.
 */
interface Writer {
  doc: Y.Doc;
  socket: WebSocket;
  author: { participantId: string; group: 'business' };
  open: boolean;
  closeCode: number | null;
}

/** Most unsent bytes a writer queues before it waits for the server to read on. */
const WRITER_BACKLOG_BYTES = 64 * 1024;

async function openWriter(server: RunningServer, workshopId: string, token: string, author: Writer['author']): Promise<Writer> {
  const socket = new WebSocket(workshopSocketUrl(server.wsUrl, workshopId, token));
  const writer: Writer = { doc: new Y.Doc(), socket, author, open: false, closeCode: null };
  socket.on('message', () => undefined);
  socket.on('close', (code) => {
    writer.open = false;
    writer.closeCode = code;
  });
  writer.doc.on('update', (update: Uint8Array) => {
    if (writer.open) socket.send(updateFrame(update));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  writer.open = true;
  return writer;
}
