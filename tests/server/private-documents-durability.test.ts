import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { addDraft, draftsOf, updateDraft } from '../../shared/domain/drafts';
import { addGathering } from '../../shared/domain/gatherings';
import { addStep, setStepPrivate, stepsOf } from '../../shared/domain/steps';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { filesContaining } from '../helpers/dataDir';
import { eventually } from '../helpers/eventually';
import { notesOf } from '../helpers/board';
import { connectPrivateClient, postJson } from '../helpers/privateClient';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Retypings of a draft, so its old texts sit in the log, the snapshot and freed pages. */
const RETYPINGS = 200;

/**
 * A private document is as durable as the shared one (it survives a restart and kill -9 once
 * its writer's other tab has it), and it is erased with its workshop: no byte of it stays in
 * the data directory, and other workshops' private documents stay.
 */
describe('private documents on disk', () => {
  let server: RunningServer | undefined;
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  function track(client: TestClient): TestClient {
    clients.push(client);
    return client;
  }

  /** A workshop with a private step, and one participant. */
  async function privateWorkshop(title: string): Promise<{ workshop: CreatedWorkshop; writer: JoinedWorkshop; stepId: string }> {
    const live = server!;
    const workshop = await createWorkshop(live, { title });
    const writer = await joinWorkshop(live, workshop.joinCode, 'citizen', `Skriver ${randomUUID()}`);
    const facilitator = track(connectClient(live, workshop.id, workshop.facilitatorToken, { reconnect: false }));
    await facilitator.synced();
    const gathering = addGathering(facilitator.doc, { title: 'Tasiilaq', place: 'Tasiilaq' });
    const stepId = addStep(facilitator.doc, gathering.id, { title: 'Alene', durationSec: 300 }).id;
    setStepPrivate(facilitator.doc, stepId, true);
    const check = track(connectClient(live, workshop.id, workshop.facilitatorToken, { reconnect: false }));
    await eventually(() => expect(stepsOf(check.doc, gathering.id).find((step) => step.id === stepId)?.private).toBe(true));
    return { workshop, writer, stepId };
  }

  /** Writes a draft from one tab and resolves once another tab of the same person has it (stored, then relayed). */
  async function writeDraft(workshopId: string, writer: JoinedWorkshop, stepId: string, text: string): Promise<void> {
    const live = server!;
    const tab = track(connectPrivateClient(live, workshopId, writer.token, { reconnect: false }));
    const otherTab = track(connectPrivateClient(live, workshopId, writer.token, { reconnect: false }));
    await Promise.all([tab.synced(), otherTab.synced()]);
    addDraft(tab.doc, stepId, text, Date.now());
    await eventually(() => expect(draftsOf(otherTab.doc, stepId).map((draft) => draft.text)).toContain(text));
  }

  async function draftTexts(workshopId: string, writer: JoinedWorkshop): Promise<string[]> {
    const reader = track(connectPrivateClient(server!, workshopId, writer.token, { reconnect: false }));
    await reader.synced();
    return draftsOf(reader.doc).map((draft) => draft.text);
  }

  it('survive a restart and kill -9, are erased with their workshop, and are read from storage by a reveal', async () => {
    server = await startServer();
    const gone = await privateWorkshop('Slettes');
    const kept = await privateWorkshop('Bliver');
    const secret = `Hemmelig kladde ${randomUUID()}`;
    const retyped = `Gammel tekst ${randomUUID()}`;
    const neighbours = `Naboens kladde ${randomUUID()}`;
    await writeDraft(gone.workshop.id, gone.writer, gone.stepId, secret);
    await writeDraft(kept.workshop.id, kept.writer, kept.stepId, neighbours);

    // An old text of a retyped draft stays in the log until compaction.
    const typist = track(connectPrivateClient(server, gone.workshop.id, gone.writer.token, { reconnect: false }));
    await typist.synced();
    const draftId = (() => {
      addDraft(typist.doc, gone.stepId, retyped, Date.now());
      return draftsOf(typist.doc).find((draft) => draft.text === retyped)!.id;
    })();
    for (let i = 0; i < RETYPINGS; i++) updateDraft(typist.doc, draftId, `${retyped} ${i}`);
    updateDraft(typist.doc, draftId, 'nu står der noget andet');
    await eventually(async () => expect(await draftTexts(gone.workshop.id, gone.writer)).toContain('nu står der noget andet'));

    // A graceful restart keeps them.
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    expect(await draftTexts(gone.workshop.id, gone.writer)).toEqual([secret, 'nu står der noget andet']);

    // So does kill -9, for whatever the writer's other tab had received.
    const afterCrash = `Skrevet lige før nedbruddet ${randomUUID()}`;
    await writeDraft(gone.workshop.id, gone.writer, gone.stepId, afterCrash);
    await server.kill();
    expect(server.process.signalCode).toBe('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();
    server = await startServer({ dataDir: server.dataDir });
    expect(await draftTexts(gone.workshop.id, gone.writer)).toEqual([secret, 'nu står der noget andet', afterCrash]);

    // The grep works: the private texts are on disk before the deletion.
    for (const text of [secret, afterCrash, neighbours]) expect(filesContaining(server.dataDir, text).length).toBeGreaterThan(0);

    const open = track(connectPrivateClient(server, gone.workshop.id, gone.writer.token, { reconnect: false }));
    await open.synced();
    const response = await fetch(`${server.url}/api/workshops/${gone.workshop.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${gone.workshop.facilitatorToken}` },
    });
    expect(response.status).toBe(204);
    await eventually(() => expect(open.closeCodes).toContain(CLOSE_CODE.workshopDeleted));
    for (const text of [secret, afterCrash, retyped]) expect(filesContaining(server.dataDir, text)).toEqual([]);

    // Not after a restart either, and the other workshop's private document is whole.
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    for (const text of [secret, afterCrash, retyped]) expect(filesContaining(server.dataDir, text)).toEqual([]);
    server = await startServer({ dataDir: server.dataDir });
    // The reveal reads a private document nobody has open: the server loads it from storage.
    const revealed = await postJson(server, `/api/workshops/${kept.workshop.id}/steps/${encodeURIComponent(kept.stepId)}/reveal`, kept.workshop.facilitatorToken, {
      anonymous: false,
    });
    expect(revealed).toEqual({ status: 200, body: { revealed: 1 } });
    const board = track(connectClient(server, kept.workshop.id, kept.workshop.facilitatorToken, { reconnect: false }));
    await board.synced();
    expect(Object.values(notesOf(board.doc))).toContain(neighbours);
    expect(await draftTexts(kept.workshop.id, kept.writer)).toEqual([]);
  });
});
