import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** tldraw puts the selection in presence: shape ids of about 28 characters each. */
function selection(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `shape:${String(i).padStart(21, 'x')}`);
}

describe('large presence states', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Big selection' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('relays a selection of 400 shapes, and drops a state over the limit (Ctrl+A on a busy board) without cutting its sender off', async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'manager');
    const selector = connectClient(server, workshop.id, participant.token);
    const watcher = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(selector, watcher);
    await Promise.all([selector.synced(), watcher.synced()]);
    const id = selector.provider.awareness.clientID;
    const seen = () => watcher.provider.awareness.getStates().get(id) as { selectedShapeIds?: string[]; cursor?: number } | undefined;

    // About 12 KB.
    selector.provider.awareness.setLocalStateField('selectedShapeIds', selection(400));
    await eventually(() => expect(seen()?.selectedShapeIds?.length).toBe(400));

    // About 85 KB: over the limit, so it reaches nobody, but the sender stays connected.
    selector.provider.awareness.setLocalStateField('selectedShapeIds', selection(3_000));
    selector.provider.awareness.setLocalState({ cursor: 1 });
    await eventually(() => expect(seen()).toEqual({ cursor: 1 }));
    expect(selector.closeCodes).toEqual([]);
    expect(selector.provider.shouldConnect).toBe(true);
  });
});
