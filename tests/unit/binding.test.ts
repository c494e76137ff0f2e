import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CameraRecordType,
  createShapeId,
  InstancePageStateRecordType,
  InstancePresenceRecordType,
  TLDOCUMENT_ID,
  TLINSTANCE_ID,
  TLPOINTER_ID,
  toRichText,
  type TLNoteShape,
  type TLRecord,
} from 'tldraw';
import { bindStoreToDoc, type SetAsideRecord } from '../../client/sync/binding';
import { recordsOf } from '../../shared/schema';
import { baseRecords, newStore, note, noteText, PAGE_ID } from './storeFixtures';

/** Link two docs so every update of one is applied to the other, like a relay would. */
function link(a: Y.Doc, b: Y.Doc): { flush(): void; pause(): void } {
  let paused = false;
  const queueAB: Uint8Array[] = [];
  const queueBA: Uint8Array[] = [];
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'link') (paused ? queueAB.push(u) : Y.applyUpdate(b, u, 'link'));
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'link') (paused ? queueBA.push(u) : Y.applyUpdate(a, u, 'link'));
  });
  return {
    pause() {
      paused = true;
    },
    flush() {
      paused = false;
      for (const u of queueAB.splice(0)) Y.applyUpdate(b, u, 'link');
      for (const u of queueBA.splice(0)) Y.applyUpdate(a, u, 'link');
    },
  };
}

describe('the binding between a tldraw store and the workshop document', () => {
  it('writes a local change to the document once and never echoes it back into the store', () => {
    const store = newStore();
    const doc = new Y.Doc();
    const binding = bindStoreToDoc(store, doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const remoteChanges: unknown[] = [];
    store.listen((entry) => remoteChanges.push(entry), { source: 'remote' });

    const id = createShapeId('a');
    store.put([...baseRecords(), note(id, 'hello')]);
    store._flushHistory();

    expect(updates).toHaveLength(1);
    expect(recordsOf(doc).get(id)?.get('x')).toBe(100);
    expect(recordsOf(doc).get(id)?.get('props')).toMatchObject({ color: 'orange' });

    store.update(id, (r) => ({ ...r, x: 250 }));
    store._flushHistory();
    expect(updates).toHaveLength(2);
    expect(remoteChanges).toHaveLength(0);
    expect(recordsOf(doc).get(id)?.get('x')).toBe(250);
    binding.dispose();
  });

  it('keeps session and presence records out of the document', () => {
    const store = newStore();
    const doc = new Y.Doc();
    const binding = bindStoreToDoc(store, doc);
    const written: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => written.push(u));
    const instance = store.schema.types.instance as unknown as { create(p: object): TLRecord };
    const pointer = store.schema.types.pointer as unknown as { create(p: object): TLRecord };
    const cameraId = CameraRecordType.createId(PAGE_ID);
    const presenceId = InstancePresenceRecordType.createId('someone');
    const shape = createShapeId('kept');
    store.put([
      ...baseRecords(),
      note(shape, 'a note'),
      instance.create({ id: TLINSTANCE_ID, currentPageId: PAGE_ID }),
      InstancePageStateRecordType.create({ id: InstancePageStateRecordType.createId(PAGE_ID), pageId: PAGE_ID }),
      CameraRecordType.create({ id: cameraId }),
      pointer.create({ id: TLPOINTER_ID, x: 1, y: 2 }),
      InstancePresenceRecordType.create({ id: presenceId, userId: 'u', userName: 'Someone', currentPageId: PAGE_ID }),
    ]);
    store._flushHistory();
    const documentIds = [TLDOCUMENT_ID, PAGE_ID, shape].sort();
    expect([...recordsOf(doc).keys()].sort()).toEqual(documentIds);

    // Moving the camera, the pointer or a cursor, and selecting, write nothing at all.
    const before = written.length;
    store.update(cameraId, (c) => ({ ...c, x: 500, z: 2 }));
    store.update(TLPOINTER_ID, (p) => ({ ...p, x: 300 }));
    store.update(presenceId, (p) => ({ ...p, cursor: { x: 9, y: 9, type: 'default', rotation: 0 } }));
    store.update(InstancePageStateRecordType.createId(PAGE_ID), (s) => ({ ...s, selectedShapeIds: [shape] }));
    store.update(TLINSTANCE_ID, (i) => ({ ...i, isFocusMode: true }));
    store._flushHistory();
    expect(written).toHaveLength(before);
    store.remove([presenceId, cameraId]);
    store._flushHistory();
    expect(written).toHaveLength(before);
    expect([...recordsOf(doc).keys()].sort()).toEqual(documentIds);
    binding.dispose();
  });

  it('keeps both a move and a concurrent text edit of the same note', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const storeA = newStore();
    const storeB = newStore();
    bindStoreToDoc(storeA, docA);
    bindStoreToDoc(storeB, docB);
    const linkAB = link(docA, docB);

    const id = createShapeId('shared');
    storeA.put([...baseRecords(), note(id, 'first')]);
    storeA._flushHistory();
    expect(noteText(storeB.get(id) as TLNoteShape)).toBe('first');

    linkAB.pause();
    storeA.update(id, (r) => ({ ...r, x: 400, y: 300 }));
    storeA._flushHistory();
    storeB.update(id, (r) => {
      const shape = r as TLNoteShape;
      return { ...shape, props: { ...shape.props, richText: toRichText('edited text') } };
    });
    storeB._flushHistory();
    linkAB.flush();

    for (const store of [storeA, storeB]) {
      const shape = store.get(id) as TLNoteShape;
      expect(shape.x).toBe(400);
      expect(shape.y).toBe(300);
      expect(noteText(shape)).toBe('edited text');
    }
  });

  it('sets aside a record that fails validation, reports it, and keeps syncing the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const storeB = newStore();
    const reports: SetAsideRecord[][] = [];
    bindStoreToDoc(storeB, docB, { onSetAside: (list) => reports.push(list) });
    link(docA, docB);

    const records = recordsOf(docA);
    const put = (record: TLRecord | Record<string, unknown>): void => {
      const fields = new Y.Map<unknown>();
      records.set(String(record.id), fields);
      for (const [k, v] of Object.entries(record)) fields.set(k, v);
    };
    const good = createShapeId('good');
    const bad = createShapeId('bad');
    docA.transact(() => {
      for (const r of baseRecords()) put(r);
      put(note(good, 'fine'));
      put({ ...note(bad, 'broken'), x: 'not a number' as unknown as number });
    });

    expect(storeB.get(good)).toBeDefined();
    expect(storeB.get(bad)).toBeUndefined();
    expect(reports.at(-1)?.map((r) => r.id)).toEqual([bad]);
    expect(warn).toHaveBeenCalled();

    // A record of a type that never belongs in the document is set aside too.
    docA.transact(() => put({ id: 'instance:instance', typeName: 'instance' } as Record<string, unknown>));
    expect(reports.at(-1)?.map((r) => r.id).sort()).toEqual([bad, 'instance:instance'].sort());

    // Later changes still arrive, and a repaired record comes in.
    docA.transact(() => {
      records.get(good)?.set('x', 999);
      records.get(bad)?.set('x', 5);
    });
    expect((storeB.get(good) as TLNoteShape).x).toBe(999);
    expect((storeB.get(bad) as TLNoteShape).x).toBe(5);
    expect(reports.at(-1)?.map((r) => r.id)).toEqual(['instance:instance']);

    // The store still passes its own integrity: every record validates.
    for (const record of storeB.allRecords()) {
      expect(() => storeB.schema.validateRecord(storeB, record, 'tests', null)).not.toThrow();
    }
    warn.mockRestore();
  });

  it('removes a record deleted remotely, and a projector binding writes nothing', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const storeA = newStore();
    const storeB = newStore();
    bindStoreToDoc(storeA, docA);
    bindStoreToDoc(storeB, docB, { readOnly: true });
    link(docA, docB);
    const id = createShapeId('gone');
    storeA.put([...baseRecords(), note(id)]);
    storeA._flushHistory();
    expect(storeB.get(id)).toBeDefined();

    const before = Y.encodeStateAsUpdate(docB);
    storeB.remove([id]);
    storeB._flushHistory();
    expect(Y.encodeStateAsUpdate(docB)).toEqual(before);
    expect(storeA.get(id)).toBeDefined();

    storeA.remove([id]);
    storeA._flushHistory();
    expect(storeB.get(id)).toBeUndefined();
  });
});
