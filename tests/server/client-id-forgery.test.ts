import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { updateFrame } from '../helpers/frames';
import { sendOnFreshSocket } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

describe('a Yjs client id belongs to its person', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Client ids' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  /** Another participant writes a note under `victim`'s client id, continuing its clock. */
  async function forgeUnder(victim: Y.Doc, serverCopy: Y.Doc, token: string, participantId: string): Promise<number | null> {
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(serverCopy));
    forged.clientID = victim.clientID;
    const vector = Y.encodeStateVector(forged);
    addNote(forged, 'shape:forgery', 'Skrevet i dit navn', { participantId, group: 'business' });
    const fate = await sendOnFreshSocket(server.wsUrl, workshop.id, token, updateFrame(Y.encodeStateAsUpdate(forged, vector)));
    return fate.closed ? fate.code : null;
  }

  for (const how of ['wrote online before', 'was only present before'] as const) {
    it(`keeps the offline note of a participant who ${how}, and refuses the forgery`, async () => {
      const citizen = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
      const intruder = await joinWorkshop(server, workshop.joinCode, 'business');
      const watcher = connectClient(server, workshop.id, workshop.facilitatorToken);
      const writer = connectClient(server, workshop.id, citizen.token);
      clients.push(watcher, writer);
      await Promise.all([watcher.synced(), writer.synced()]);
      const author = { participantId: citizen.participantId, group: 'citizen' as const };
      const tag = how === 'wrote online before' ? 'a' : 'b';
      if (how === 'wrote online before') {
        addNote(writer.doc, `shape:online-${tag}`, 'Online', author);
        await eventually(() => expect(notesOf(watcher.doc)[`shape:online-${tag}`]).toBe('Online'));
      } else {
        // Present only: its cursor names its client id to everyone, before any edit of its own.
        writer.provider.awareness.setLocalState({ presence: { cursor: { x: 1, y: 1 } } });
        await eventually(() => expect(watcher.provider.awareness.getStates().has(writer.doc.clientID)).toBe(true));
      }

      writer.provider.disconnect();
      // Its cursor's removal reaches everyone first: the forger's probe must not take it for an answer.
      await eventually(() => expect(watcher.provider.awareness.getStates().has(writer.doc.clientID)).toBe(false));
      addNote(writer.doc, `shape:offline-${tag}`, 'Skrevet offline på fjeldet', author);
      const code = await forgeUnder(writer.doc, watcher.doc, intruder.token, intruder.participantId);
      expect(code).toBe(CLOSE_CODE.forbidden);

      writer.provider.connect();
      await eventually(() => expect(notesOf(watcher.doc)[`shape:offline-${tag}`]).toBe('Skrevet offline på fjeldet'));
      expect(notesOf(watcher.doc)['shape:forgery']).toBeUndefined();
      expect(writer.closeCodes.filter((c) => c >= 4400)).toEqual([]);
    });
  }
});
