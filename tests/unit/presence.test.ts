import { describe, expect, it, vi } from 'vitest';
import {
  CameraRecordType,
  createShapeId,
  InstancePageStateRecordType,
  InstancePresenceRecordType,
  TLINSTANCE_ID,
  TLPOINTER_ID,
  type TLInstancePresence,
  type TLRecord,
  type TLStore,
} from 'tldraw';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { bindPresence, roleOf } from '../../client/sync/presence';
import { MAX_AWARENESS_STATE_BYTES } from '../../shared/protocol/limits';
import { baseRecords, newStore, PAGE_ID } from './storeFixtures';

/** Relay awareness updates between two peers, as the server does; returns what each sent. */
function relay(a: Awareness, b: Awareness): { sentByA: number[][] } {
  const sentByA: number[][] = [];
  a.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === 'relay') return;
    const changed = [...added, ...updated, ...removed];
    sentByA.push(changed);
    applyAwarenessUpdate(b, encodeAwarenessUpdate(a, changed), 'relay');
  });
  b.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === 'relay') return;
    applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [...added, ...updated, ...removed]), 'relay');
  });
  return { sentByA };
}

/** The session records an editor would keep: instance, page state, camera, pointer. */
function withSession(store: TLStore): TLStore {
  const instance = store.schema.types.instance as unknown as { create(p: object): TLRecord };
  const pointer = store.schema.types.pointer as unknown as { create(p: object): TLRecord };
  store.put([
    ...baseRecords(),
    instance.create({ id: TLINSTANCE_ID, currentPageId: PAGE_ID }),
    InstancePageStateRecordType.create({ id: InstancePageStateRecordType.createId(PAGE_ID), pageId: PAGE_ID }),
    CameraRecordType.create({ id: CameraRecordType.createId(PAGE_ID) }),
    pointer.create({ id: TLPOINTER_ID, x: 10, y: 20 }),
  ]);
  return store;
}

const presences = (store: TLStore): TLInstancePresence[] => store.query.records('instance_presence').get();

describe('presence through awareness', () => {
  it("shows another person's cursor, name, colour and role, and not one's own", async () => {
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const [awA, awB] = [new Awareness(docA), new Awareness(docB)];
    relay(awA, awB);
    const storeA = withSession(newStore());
    const storeB = withSession(newStore());
    const stopA = bindPresence(storeA, awA, {
      userId: 'participant:p1',
      name: 'Anna',
      color: '#e16919',
      role: 'participant',
      group: 'citizen',
    });
    bindPresence(storeB, awB, { userId: 'facilitator:w', name: 'Facilitator', color: '#1d1d1f', role: 'facilitator', group: null });

    await vi.waitFor(() => expect(presences(storeB)).toHaveLength(1));
    const seen = presences(storeB);
    expect(seen[0]).toMatchObject({ userId: 'participant:p1', userName: 'Anna', color: '#e16919', cursor: { x: 10, y: 20 } });
    expect(roleOf(seen[0])).toBe('participant');
    await vi.waitFor(() => expect(presences(storeA).map((p) => p.userId)).toEqual(['facilitator:w']));

    // The cursor moves; the other side follows.
    for (let x = 100; x <= 300; x += 10) storeA.update(TLPOINTER_ID, (p) => ({ ...p, x, y: 400 }));
    await vi.waitFor(() => expect(presences(storeB)[0].cursor).toMatchObject({ x: 300, y: 400 }));

    // Leaving removes the cursor.
    stopA();
    awA.setLocalState(null);
    expect(presences(storeB)).toHaveLength(0);
  });

  it('sends a burst of camera moves as one update with the latest, and nothing when the presence is unchanged', async () => {
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const [awA, awB] = [new Awareness(docA), new Awareness(docB)];
    const { sentByA } = relay(awA, awB);
    const storeA = withSession(newStore());
    const storeB = withSession(newStore());
    bindPresence(storeA, awA, { userId: 'participant:p1', name: 'Anna', color: '#e16919', role: 'participant', group: 'citizen' });
    bindPresence(storeB, awB, null);
    await vi.waitFor(() => expect(presences(storeB)).toHaveLength(1));
    const before = sentByA.length;

    // A pan: sixty camera changes within one interval.
    const cameraId = CameraRecordType.createId(PAGE_ID);
    for (let x = 1; x <= 60; x++) storeA.update(cameraId, (c) => ({ ...c, x: -x * 12 }));
    await vi.waitFor(() => expect(presences(storeB)[0].camera).toMatchObject({ x: -720 }));
    expect(sentByA.length - before).toBe(1);

    // A change the presence does not show is not sent.
    const sent = sentByA.length;
    storeA.update(TLINSTANCE_ID, (i) => ({ ...i, isFocusMode: !(i as { isFocusMode: boolean }).isFocusMode }) as typeof i);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sentByA.length).toBe(sent);
  });

  it('lets the projector watch without sending anything', async () => {
    const [docA, docP] = [new Y.Doc(), new Y.Doc()];
    const [awA, awP] = [new Awareness(docA), new Awareness(docP)];
    const { sentByA } = relay(awP, awA);
    const storeA = withSession(newStore());
    const storeP = withSession(newStore());
    bindPresence(storeA, awA, { userId: 'facilitator:w', name: 'F', color: '#000000', role: 'facilitator', group: null });
    bindPresence(storeP, awP, null);
    expect(awP.getLocalState()).toBeNull();
    await vi.waitFor(() => expect(presences(storeP).map((p) => roleOf(p))).toEqual(['facilitator']));
    expect(presences(storeA)).toHaveLength(0);
    // Whatever the projector sent carried no state of its own.
    for (const changed of sentByA) for (const id of changed) expect(awP.getStates().has(id)).toBe(false);
  });

  it('ignores a malformed presence from the network', () => {
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const [awA, awB] = [new Awareness(docA), new Awareness(docB)];
    relay(awA, awB);
    const storeB = withSession(newStore());
    bindPresence(storeB, awB, null);
    awA.setLocalStateField('presence', { userId: 42, cursor: 'nowhere' });
    expect(presences(storeB)).toHaveLength(0);
    expect(InstancePresenceRecordType.createId(String(awA.clientID))).toMatch(/^instance_presence:/);
  });

  it("stays well under the server's size limit when a person selects hundreds of shapes", async () => {
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const [awA, awB] = [new Awareness(docA), new Awareness(docB)];
    relay(awA, awB);
    const storeA = withSession(newStore());
    const storeB = withSession(newStore());
    bindPresence(storeA, awA, { userId: 'participant:p1', name: 'Anna', color: '#e16919', role: 'participant', group: 'citizen' });
    bindPresence(storeB, awB, null);

    // Ctrl+A on a busy board: 600 shapes selected.
    const selected = Array.from({ length: 600 }, (_, i) => createShapeId(`a-rather-long-shape-id-${i}`));
    const pageStateId = InstancePageStateRecordType.createId(PAGE_ID);
    storeA.update(pageStateId, (s) => ({ ...s, selectedShapeIds: selected }));
    expect(JSON.stringify(selected).length).toBeGreaterThan(MAX_AWARENESS_STATE_BYTES);

    await vi.waitFor(() => expect(presences(storeB)[0]?.selectedShapeIds.length ?? 0).toBeGreaterThan(0));
    const state = awA.getLocalState();
    expect(JSON.stringify(state).length).toBeLessThan(MAX_AWARENESS_STATE_BYTES / 2);
    expect(encodeAwarenessUpdate(awA, [awA.clientID]).byteLength).toBeLessThan(MAX_AWARENESS_STATE_BYTES / 2);
    // Others still see what the selection begins with.
    const seen = presences(storeB)[0].selectedShapeIds;
    expect(seen.slice(0, 3)).toEqual(selected.slice(0, 3));
    expect(seen.every((id) => selected.includes(id))).toBe(true);
  });
});
