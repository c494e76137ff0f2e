import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import { FACILITATOR } from '../../shared/domain/identity';
import { startThread } from '../../shared/domain/threads';
import type { WorkshopExport } from '../../shared/export';
import { processNotesOf } from '../../shared/domain/notes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { serverOutput, startServer, type RunningServer } from '../helpers/server';
import { connectClient } from '../helpers/yjsClient';

/**
 * The exports through a real server process: only the facilitator's token opens them, the
 * formats not built yet are answered as such, and the JSON holds what the board holds, also
 * once everyone has left and the room is loaded again from storage.
 */

/** Rooms unload soon after the last socket leaves, so the exports read a room loaded from storage. */
const UNLOAD_GRACE_MS = 50;

function roomEvents(message: string): number {
  return serverOutput(server)
    .split('\n')
    .filter((line) => line.includes(`"msg":"${message}"`) && line.includes(workshop.id)).length;
}

let server: RunningServer;
let workshop: CreatedWorkshop;
let aviaja: JoinedWorkshop;
let gatheringId: string;

async function exportOf(format: string, token: string | null = workshop.facilitatorToken, extra = ''): Promise<Response> {
  return fetch(`${server.url}/api/workshops/${workshop.id}/export?format=${format}${extra}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

beforeAll(async () => {
  server = await startServer({ env: { FLET_UNLOAD_GRACE_MS: String(UNLOAD_GRACE_MS) } });
  workshop = await createWorkshop(server, { title: 'Vision "Nuuk"/2025', language: 'da' });
  aviaja = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
  const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false });
  await facilitator.synced();
  facilitator.doc.transact(() => {
    gatheringId = addGathering(facilitator.doc, { title: 'Første samling', place: 'Nuuk', date: '2025-03-12' }).id;
  });
  addNote(facilitator.doc, 'shape:havn', 'En ny havn', null);
  const note = processNotesOf(facilitator.doc).find((candidate) => candidate.id === 'shape:havn');
  expect(note).toBeDefined();
  startThread(facilitator.doc, FACILITATOR, { title: 'Havnen', noteIds: ['shape:havn'] }, Date.now());
  // Stored once another client has it.
  const reader = connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false });
  await reader.synced();
  await eventually(() => expect(processNotesOf(reader.doc).map((candidate) => candidate.id)).toContain('shape:havn'));
  reader.destroy();
  facilitator.destroy();
  await eventually(() => expect(roomEvents('room unloaded')).toBeGreaterThanOrEqual(1));
});

afterAll(async () => {
  await server?.stop();
});

describe('GET /api/workshops/:id/export', () => {
  it('refuses without a token (401), with a participant’s or the projector’s token (403)', async () => {
    const none = await exportOf('json', null);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'unauthorized' });
    expect((await exportOf('json', 'not-a-token')).status).toBe(401);
    const participant = await exportOf('json', aviaja.token);
    expect(participant.status).toBe(403);
    expect(await participant.json()).toMatchObject({ error: 'forbidden' });
    expect((await exportOf('md', workshop.projectorToken)).status).toBe(403);
  });

  it('answers 400 unsupported_format for an unknown format, and for those not built yet', async () => {
    for (const format of ['xlsx', '', 'html', 'docx', 'pdf']) {
      const response = await exportOf(format);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'unsupported_format', message: expect.any(String) });
    }
    const report = await exportOf('md', workshop.facilitatorToken, `&gathering=${gatheringId}`);
    expect(report.status).toBe(400);
  });

  it('gives the whole workshop as the contract’s JSON, as a download named after the workshop', async () => {
    const loadsBefore = roomEvents('room loaded');
    const response = await exportOf('json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Vision Nuuk 2025\.json"/);
    const exported = (await response.json()) as WorkshopExport;
    // Nobody was connected: the export loaded the room from storage again.
    await eventually(() => expect(roomEvents('room loaded')).toBeGreaterThan(loadsBefore));
    expect(Object.keys(exported).sort()).toEqual(['gatherings', 'narrative', 'notes', 'participants', 'steps', 'threads', 'workshop']);
    expect(exported.workshop).toMatchObject({ id: workshop.id, title: 'Vision "Nuuk"/2025', language: 'da', template: 'blank' });
    expect(exported.participants).toEqual([{ id: aviaja.participantId, name: 'Aviaja', group: 'citizen' }]);
    expect(exported.gatherings).toEqual([{ id: gatheringId, title: 'Første samling', location: 'Nuuk', date: '2025-03-12' }]);
    const thread = exported.threads.find((candidate) => candidate.title === 'Havnen');
    expect(thread?.noteIds).toEqual(['shape:havn']);
    expect(exported.notes).toContainEqual(expect.objectContaining({ id: 'shape:havn', text: 'En ny havn', threadIds: [thread?.id], votes: 0 }));
  });

  it('gives the narrative and its provenance as Markdown', async () => {
    const response = await exportOf('md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Vision Nuuk 2025\.md"/);
    const markdown = await response.text();
    expect(markdown).toContain('# Vision "Nuuk"/2025');
    expect(markdown).toContain('## Kilder');
  });
});
