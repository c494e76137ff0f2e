import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import { FACILITATOR } from '../../shared/domain/identity';
import { setReportSummary } from '../../shared/domain/reports';
import { startThread } from '../../shared/domain/threads';
import type { WorkshopExport } from '../../shared/export';
import { processNotesOf } from '../../shared/domain/notes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { serverOutput, startServer, type RunningServer } from '../helpers/server';
import { connectClient } from '../helpers/yjsClient';

/**
 * The exports through a real server process: only the facilitator's token opens them; the
 * narrative and a gathering's report come in each format as a named download (an HTML page
 * that can run nothing), the weave as a picture; a wrong format or gathering gets a sentence;
 * and the JSON holds what the board holds, also once everyone has left and the room is loaded
 * again from storage.
 */

/** Rooms unload soon after the last socket leaves, so the exports read a room loaded from storage. */
const UNLOAD_GRACE_MS = 50;

function roomEvents(message: string): number {
  return serverOutput(server)
    .split('\n')
    .filter((line) => line.includes(`"msg":"${message}"`) && line.includes(workshop.id)).length;
}

/** The content type each document format is sent with. */
const DOCUMENT_TYPES: Record<string, RegExp> = {
  md: /^text\/markdown; charset=utf-8/,
  html: /^text\/html; charset=utf-8/,
  docx: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/,
  pdf: /^application\/pdf/,
};

/** A DOCX is a zip ("PK"), a PDF says so in its first bytes; the text formats are UTF-8 text. */
async function expectMagic(format: string, body: Buffer): Promise<void> {
  if (format === 'docx') expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
  else if (format === 'pdf') expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  else expect(body.toString('utf8').length).toBeGreaterThan(0);
}

let server: RunningServer;
let workshop: CreatedWorkshop;
let aviaja: JoinedWorkshop;
let gatheringId: string;

async function exportOf(format: string, token: string | null = workshop.facilitatorToken, extra = '', withFormat = true): Promise<Response> {
  const query = withFormat ? `format=${format}${extra}` : extra.replace(/^&/, '');
  return fetch(`${server.url}/api/workshops/${workshop.id}/export?${query}`, {
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
  setReportSummary(facilitator.doc, gatheringId, 'Samlingen ønskede en større havn');
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

  it('answers 400 unsupported_format for an unknown format, naming the formats there are', async () => {
    for (const format of ['xlsx', '', 'MD', 'txt']) {
      const response = await exportOf(format);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('unsupported_format');
      for (const name of ['json', 'md', 'html', 'docx', 'pdf', 'svg', 'png']) expect(body.message).toContain(name);
    }
    expect((await exportOf('md', workshop.facilitatorToken, '', false)).status).toBe(400);
  });

  it('gives one gathering’s part of the JSON export when it is asked for one gathering', async () => {
    const response = await exportOf('json', workshop.facilitatorToken, `&gathering=${gatheringId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Vision Nuuk 2025 - Frste samling\.json"/);
    const exported = (await response.json()) as WorkshopExport;
    expect(exported.workshop.id).toBe(workshop.id);
    expect(exported.gatherings).toEqual([{ id: gatheringId, title: 'Første samling', location: 'Nuuk', date: '2025-03-12' }]);
    for (const note of exported.notes) expect(note.gatheringId).toBe(gatheringId);
    for (const step of exported.steps) expect(step.gatheringId).toBe(gatheringId);
    const noteIds = new Set(exported.notes.map((note) => note.id));
    for (const thread of exported.threads) for (const noteId of thread.noteIds) expect(noteIds.has(noteId)).toBe(true);
  });

  it('answers 404 with a sentence for a gathering the workshop does not have', async () => {
    for (const format of ['md', 'pdf']) {
      const response = await exportOf(format, workshop.facilitatorToken, '&gathering=no-such-gathering');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found', message: expect.stringMatching(/gathering/) });
    }
  });

  it('gives the narrative in each format as a download named after the workshop', async () => {
    for (const [format, type] of Object.entries(DOCUMENT_TYPES)) {
      const response = await exportOf(format);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type'), format).toMatch(type);
      expect(response.headers.get('content-disposition'), format).toMatch(new RegExp(`^attachment; filename="Vision Nuuk 2025\\.${format}"`));
      expect(response.headers.get('x-content-type-options'), format).toBe('nosniff');
      await expectMagic(format, Buffer.from(await response.arrayBuffer()));
    }
  });

  it('gives a gathering’s report in each format, named after the workshop and the gathering', async () => {
    for (const [format, type] of Object.entries(DOCUMENT_TYPES)) {
      const response = await exportOf(format, workshop.facilitatorToken, `&gathering=${gatheringId}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type'), format).toMatch(type);
      const disposition = response.headers.get('content-disposition') ?? '';
      expect(disposition, format).toMatch(new RegExp(`^attachment; filename="Vision Nuuk 2025 - Frste samling\\.${format}"`));
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? ''), format).toBe(`Vision Nuuk 2025 - Første samling.${format}`);
      const body = Buffer.from(await response.arrayBuffer());
      await expectMagic(format, body);
      if (format === 'md' || format === 'html') {
        expect(body.toString('utf8'), format).toContain('Første samling');
        expect(body.toString('utf8'), format).toContain('Samlingen ønskede en større havn');
      }
    }
  });

  it('sends an HTML export as an attachment under a policy that lets it load and run nothing', async () => {
    for (const extra of ['', `&gathering=${gatheringId}`]) {
      const response = await exportOf('html', workshop.facilitatorToken, extra);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("style-src 'unsafe-inline'");
      expect(policy).toContain('img-src data:');
      expect(policy).not.toContain('script-src');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('gives the weave figure as SVG and PNG', async () => {
    const svg = await exportOf('svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('content-disposition')).toMatch(/^attachment; filename="Vision Nuuk 2025 - weave\.svg"/);
    expect(svg.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await svg.text()).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    const png = await exportOf('png');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toMatch(/^attachment; filename="Vision Nuuk 2025 - weave\.png"/);
    expect(Buffer.from(await png.arrayBuffer()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await exportOf('png', workshop.facilitatorToken, `&gathering=${gatheringId}`)).status).toBe(400);
  });

  it('gives the whole workshop as the contract’s JSON, as a download named after the workshop', async () => {
    // The exports before this one loaded the room too: wait until it has been let go again.
    await eventually(() => expect(roomEvents('room unloaded')).toBe(roomEvents('room loaded')));
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

  it('turns exports past its queue away as busy, with a time to retry, and makes the next one', async () => {
    // One worker and a queue of eight: of forty asked at once, some must be turned away.
    const responses = await Promise.all(Array.from({ length: 40 }, () => exportOf('pdf')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses).toContain(200);
    const busy = responses.find((response) => response.status === 503);
    expect(busy, `statuses ${statuses.join(',')}`).toBeDefined();
    expect(busy!.headers.get('retry-after')).toBe('10');
    expect(await busy!.json()).toMatchObject({ error: 'busy', message: expect.stringMatching(/try again/) });
    await Promise.all(responses.filter((response) => response.status === 200).map((response) => response.arrayBuffer()));
    expect((await exportOf('pdf')).status).toBe(200);
  });
});

