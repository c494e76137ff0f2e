import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addGathering } from '../../shared/domain/gatherings';
import { plainText } from '../../shared/domain/notes';
import { recordsOf } from '../../shared/schema';
import { IMPORT_LIMIT_BYTES } from '../../server/http/importRoutes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/**
 * The import of statements collected before a workshop, through a real server process: the
 * notes reach every connected client, a malformed file is refused whole with the line named,
 * only the facilitator may import, and a file over the limit is refused before it is read.
 */

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

let server: RunningServer;
let workshop: CreatedWorkshop;
let participant: JoinedWorkshop;
let watcher: TestClient;

async function importFile(body: string, contentType: string, token: string = workshop.facilitatorToken): Promise<Answer> {
  const response = await fetch(`${server.url}/api/workshops/${workshop.id}/import`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Announces a file over the limit and sends only its first bytes: the answer comes without
 * the rest ever being sent, so the server did not wait to read it whole.
 */
function announceOversized(contentType: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}/api/workshops/${workshop.id}/import`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'content-length': String(IMPORT_LIMIT_BYTES + 1), authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
      });
    });
    // The server may close its side once it has answered.
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.write('text\nJa\n');
  });
}

/** The notes a client holds, as {text, meta}. */
function notesIn(doc: Y.Doc): { text: string; meta: Record<string, unknown>; parentId: string }[] {
  return [...recordsOf(doc).values()]
    .map((record) => record.toJSON())
    .filter((record) => record.type === 'note')
    .map((record) => ({ text: plainText(record.props.richText), meta: record.meta, parentId: record.parentId }));
}

beforeAll(async () => {
  server = await startServer();
  workshop = await createWorkshop(server, { title: 'Forhør før workshoppen' });
  participant = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
  const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false });
  await facilitator.synced();
  facilitator.doc.transact(() => {
    addGathering(facilitator.doc, { title: 'Nuuk' });
    addGathering(facilitator.doc, { title: 'Tasiilaq' });
  });
  watcher = connectClient(server, workshop.id, participant.token, { reconnect: false });
  await watcher.synced();
  await eventually(() => expect(recordsOf(watcher.doc).size).toBeGreaterThan(0));
  facilitator.destroy();
});

afterAll(async () => {
  watcher?.destroy();
  await server?.stop();
});

describe('importing statements collected beforehand', () => {
  it('refuses a malformed CSV whole, naming the line, and imports nothing', async () => {
    const csv = 'text,group,place,gathering\nBevar havnen,citizen,Nuuk,Nuuk\nMere lys,mayor,,\n';
    const answer = await importFile(csv, 'text/csv');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalid_import', problem: { at: { line: 3 }, reason: 'unknown-group', value: 'mayor' } });
    expect(answer.body.message).toMatch(/^Line 3: "mayor" is not a group/);
    const gathering = await importFile(JSON.stringify({ notes: [{ text: 'Ja' }, { text: 'Nej', gathering: 'Aarhus' }] }), 'application/json');
    expect(gathering.status).toBe(400);
    expect(gathering.body.message).toMatch(/^Note 1 \(notes\[1\]\): "Aarhus" names no gathering/);
    expect(notesIn(watcher.doc)).toEqual([]);
  });

  it('writes a CSV’s statements as notes that reach a connected client, hostile text kept as plain text', async () => {
    const csv = [
      'text,group,place,gathering',
      'Bevar havnen,citizen,Nuuk,',
      '"<img src=x onerror=alert(1)>",business,,tasiilaq',
      '"=HYPERLINK(""http://evil.example"",""klik"")",,,',
    ].join('\r\n');
    const answer = await importFile(csv, 'text/csv; charset=utf-8');
    expect(answer).toEqual({ status: 200, body: { imported: 3 } });
    await eventually(() => expect(notesIn(watcher.doc)).toHaveLength(3));
    const notes = notesIn(watcher.doc);
    const byText = (text: string) => notes.find((note) => note.text === text);
    expect(byText('Bevar havnen')?.meta).toMatchObject({ group: 'citizen', participantId: null, collectedBefore: true, place: 'Nuuk' });
    expect(byText('<img src=x onerror=alert(1)>')?.meta).toMatchObject({ group: 'business', collectedBefore: true });
    expect(byText('=HYPERLINK("http://evil.example","klik")')?.meta).toMatchObject({ group: null, collectedBefore: true });
    expect(byText('Bevar havnen')?.parentId).not.toBe(byText('<img src=x onerror=alert(1)>')?.parentId);
  });

  it('reads the contract’s JSON', async () => {
    const answer = await importFile(JSON.stringify({ notes: [{ text: 'Flere stier', group: 'employee', location: 'Tasiilaq', gathering: 'Tasiilaq' }] }), 'application/json');
    expect(answer).toEqual({ status: 200, body: { imported: 1 } });
    await eventually(() => expect(notesIn(watcher.doc).find((note) => note.text === 'Flere stier')?.meta).toMatchObject({ place: 'Tasiilaq' }));
    // Larger than the API's other JSON bodies may be.
    const many = { notes: Array.from({ length: 300 }, (_, index) => ({ text: `Lang ${index} ${'x'.repeat(400)}` })) };
    expect(JSON.stringify(many).length).toBeGreaterThan(100 * 1024);
    expect(await importFile(JSON.stringify(many), 'application/json')).toEqual({ status: 200, body: { imported: 300 } });
  });

  it('is the facilitator’s only: 401 without a valid token, 403 for a participant or the projector', async () => {
    const csv = 'text\nJa\n';
    const none = await fetch(`${server.url}/api/workshops/${workshop.id}/import`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(none.status).toBe(401);
    expect((await importFile(csv, 'text/csv', 'not-a-token')).status).toBe(401);
    expect(await importFile(csv, 'text/csv', participant.token)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await importFile(csv, 'text/csv', workshop.projectorToken)).status).toBe(403);
    expect(notesIn(watcher.doc).filter((note) => note.text === 'Ja')).toEqual([]);
  });

  it('refuses a file over the limit with 413, and another type of body with 415', async () => {
    expect(await announceOversized('text/csv')).toMatchObject({ status: 413, body: { error: 'too_large' } });
    expect(await announceOversized('application/json')).toMatchObject({ status: 413, body: { error: 'too_large' } });
    expect(await importFile('text\nJa\n', 'application/vnd.ms-excel')).toMatchObject({ status: 415, body: { error: 'unsupported_media_type', message: expect.stringMatching(/CSV/) } });
  });

  it('accepts a file far larger than the API’s other bodies, up to the limit', async () => {
    const rows = Array.from({ length: 1_000 }, (_, index) => `"Udsagn ${index}: ${'bedre busforbindelser mellem bygderne, '.repeat(4)}",citizen,,`);
    const csv = `text,group,place,gathering\n${rows.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(100 * 1024);
    expect(await importFile(csv, 'text/csv')).toEqual({ status: 200, body: { imported: 1_000 } });
    await eventually(() => expect(notesIn(watcher.doc).filter((note) => note.text.startsWith('Udsagn '))).toHaveLength(1_000));
  });
});
