import type { TLRecord, TLStore } from 'tldraw';
import * as Y from 'yjs';
import { canvasRefusal, type CanvasRecord } from '../../shared/domain/canvasRules';
import type { Identity } from '../../shared/domain/identity';
import { recordsOf } from '../../shared/schema';

/** A record from the document that failed tldraw's validation and was kept out of the store. */
export interface SetAsideRecord {
  id: string;
  reason: string;
}

/** Options for {@link bindStoreToDoc}. */
export interface BindingOptions {
  /** Never write to the document (projector): local changes stay local. */
  readOnly?: boolean;
  /**
   * Who edits through this store. Set, a local change the canvas rules forbid this person is
   * taken back in the store and never written to the document (the editor's side effects
   * stop such changes first; this is the last line before the server would refuse them).
   */
  identity?: Identity;
  /** Called with every record currently set aside, whenever that list changes. */
  onSetAside?: (records: SetAsideRecord[]) => void;
}

/** A live binding; `dispose` stops it. */
export interface Binding {
  /** The transaction origin of this binding's writes, so others can recognise them. */
  readonly origin: object;
  /** Records currently set aside. */
  setAside(): SetAsideRecord[];
  dispose(): void;
}

type Fields = Record<string, unknown>;

/** Structural equality for JSON values (record fields, props, meta). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const bo = b as Fields;
  return ka.every((key) => Object.prototype.hasOwnProperty.call(bo, key) && jsonEqual((a as Fields)[key], bo[key]));
}

/**
 * Records the editor cannot work without: the document record, its user record, and the last
 * page. tldraw makes them when the workshop's document has none yet (the first visitor of a
 * new workshop); when the rules do not let this person write them, they stay in this store
 * only, instead of being taken back (which tldraw would answer by making them again).
 */
export function editorCannotLose(store: TLStore, record: TLRecord): boolean {
  if (record.typeName === 'document' || record.typeName === 'user') return true;
  return record.typeName === 'page' && store.query.records('page').get().every((page) => page.id === record.id);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Bind a tldraw store to a workshop document, both ways.
 *
 * Document-scope records (document, pages, shapes, bindings, assets) live in `recordsOf(doc)`,
 * one Y.Map per record with the top-level fields as entries, so that two people changing
 * different fields of one record (one moves a note, one types in it) both keep their change.
 * Only the fields a local change touched are written. Session and presence records never
 * reach the document.
 *
 * Local changes are written in a transaction with this binding's own origin, and the
 * observer ignores that origin: nothing echoes. Remote changes go in through
 * `store.mergeRemoteChanges`, so the store's own 'user' listener never sees them. A remote
 * record that fails tldraw's validation is set aside and reported, and the rest still sync.
 *
 * With an identity, every local change is checked with the canvas rules first: a forbidden
 * one is not written, and the store goes back to the document's version of that record.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindingOptions = {}): Binding {
  const records = recordsOf(doc);
  const origin = { binding: 'flet-tldraw' };
  const documentTypes = store.scopedTypes.document;
  const setAside = new Map<string, SetAsideRecord>();
  let reported = '';

  const report = (): void => {
    const list = [...setAside.values()];
    const key = list.map((r) => `${r.id}:${r.reason}`).join('\n');
    if (key === reported) return;
    reported = key;
    for (const record of list) console.warn('[flet] record set aside', record.id, record.reason);
    options.onSetAside?.(list);
  };

  /** Bring the records with these ids from the document into the store. */
  const pull = (ids: Iterable<string>): void => {
    const toPut: TLRecord[] = [];
    const toRemove: TLRecord['id'][] = [];
    for (const id of ids) {
      const fields = records.get(id);
      const current = store.get(id as TLRecord['id']);
      if (!(fields instanceof Y.Map)) {
        setAside.delete(id);
        if (fields !== undefined) setAside.set(id, { id, reason: 'not a map of fields' });
        else if (current && documentTypes.has(current.typeName)) toRemove.push(current.id);
        continue;
      }
      const raw = fields.toJSON() as Fields;
      try {
        if (raw.id !== id) throw new Error(`id field ${String(raw.id)} does not match key`);
        if (typeof raw.typeName !== 'string' || !documentTypes.has(raw.typeName as TLRecord['typeName'])) {
          throw new Error(`type ${String(raw.typeName)} does not belong in the document`);
        }
        const record = store.schema.validateRecord(
          store,
          raw as unknown as TLRecord,
          current ? 'updateRecord' : 'createRecord',
          current ?? null,
        );
        toPut.push(record);
        setAside.delete(id);
      } catch (error) {
        setAside.set(id, { id, reason: describe(error) });
      }
    }
    if (toPut.length === 0 && toRemove.length === 0) {
      report();
      return;
    }
    try {
      store.mergeRemoteChanges(() => {
        if (toRemove.length) store.remove(toRemove);
        if (toPut.length) store.put(toPut);
      });
    } catch {
      // One bad record must not keep the others out: retry them one by one.
      for (const record of toPut) {
        try {
          store.mergeRemoteChanges(() => store.put([record]));
        } catch (error) {
          setAside.set(record.id, { id: record.id, reason: describe(error) });
        }
      }
      for (const id of toRemove) {
        try {
          store.mergeRemoteChanges(() => store.remove([id]));
        } catch (error) {
          console.warn('[flet] could not remove record', id, describe(error));
        }
      }
    }
    report();
  };

  const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction): void => {
    if (transaction.origin === origin) return;
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === records) {
        for (const key of event.changes.keys.keys()) touched.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') touched.add(id);
      }
    }
    pull(touched);
  };

  const writeRecord = (record: TLRecord, before: TLRecord | undefined): void => {
    const next = record as unknown as Fields;
    let fields = records.get(record.id);
    if (!(fields instanceof Y.Map)) {
      fields = new Y.Map<unknown>();
      records.set(record.id, fields);
      for (const [key, value] of Object.entries(next)) fields.set(key, value);
      return;
    }
    const prev = before as unknown as Fields | undefined;
    for (const [key, value] of Object.entries(next)) {
      // Write only what this change touched, so a concurrent edit of another field survives.
      const changed = prev ? prev[key] !== value && !jsonEqual(prev[key], value) : true;
      if (changed && !jsonEqual(fields.get(key), value)) fields.set(key, value);
    }
    for (const key of [...fields.keys()]) if (!(key in next)) fields.delete(key);
  };

  /** True when the rules forbid this person the change (and it is noted for taking back). */
  const refused = new Set<string>();
  const forbidden = (before: TLRecord | null, after: TLRecord | null): boolean => {
    const identity = options.identity;
    if (!identity) return false;
    const refusal = canvasRefusal(identity, before as unknown as CanvasRecord | null, after as unknown as CanvasRecord | null);
    if (!refusal) return false;
    const record = (after ?? before)!;
    const local = !records.has(record.id) && editorCannotLose(store, record);
    if (!local) {
      refused.add(record.id);
      console.warn('[flet] local change kept out of the document', record.id, refusal);
    }
    return true;
  };

  const stopListening = store.listen(
    ({ changes }) => {
      if (options.readOnly) return;
      doc.transact(() => {
        for (const record of Object.values(changes.added)) if (!forbidden(null, record)) writeRecord(record, undefined);
        for (const [before, after] of Object.values(changes.updated)) if (!forbidden(before, after)) writeRecord(after, before);
        for (const record of Object.values(changes.removed)) if (!forbidden(record, null)) records.delete(record.id);
      }, origin);
      if (refused.size === 0) return;
      // The document still holds the version everyone else has: bring the store back to it.
      const back = [...refused];
      refused.clear();
      pull(back);
    },
    { source: 'user', scope: 'document' },
  );

  records.observeDeep(observer);
  pull(records.keys());

  return {
    origin,
    setAside: () => [...setAside.values()],
    dispose() {
      records.unobserveDeep(observer);
      stopListening();
    },
  };
}
