import * as Y from 'yjs';

/**
 * What an untrusted update would do to a document, read from its structs and delete set
 * without applying it: the gate decides on this list, so nothing is applied before it is
 * allowed.
 *
 * Yjs writes where an item belongs only when it has no neighbour to take it from: an item
 * with an origin inherits its parent and map key from that neighbour, which may be in the
 * document or earlier in the same update. So every item's place is resolved through its
 * neighbours, and a place that cannot be resolved (a parent that was garbage-collected)
 * means Yjs will drop the item too.
 */

/** One change: top-level name, entry under it, field of that entry, and what happens. */
export interface Change {
  /** Top-level type, as named in shared/schema.ts. */
  top: string;
  /** Entry under the top-level map (a record id, a thread id), or null for list items. */
  key: string | null;
  /** Entry under that (a record's field), or null when the entry itself changes. */
  field: string | null;
  /** Whether the place gets its first value, a new value, or loses its value. */
  kind: 'create' | 'update' | 'delete';
  /** What is written: a JSON value, a shared type (Y.Map…), or other content (text, binary). */
  content: 'json' | 'type' | 'other' | 'none';
  /** The JSON value written, when content is 'json'. */
  value?: unknown;
  /** True when the change lies below the field (inside a nested shared type). */
  nested: boolean;
}

/** An update decoded once; every check reads this. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Thrown when an update names more existing structs than one update may touch. */
export class TooManyChangesError extends Error {
  constructor() {
    super('update touches too many structs');
    this.name = 'TooManyChangesError';
  }
}

/**
 * Most existing structs one update's delete set may cover. A reconnecting client's sync step 2
 * carries every deletion it knows, so a long workshop's whole history of deletions must fit;
 * the cost of the walk is charged to the sender besides (see {@link ChangeStats}).
 */
export const MAX_DELETED_STRUCTS_PER_UPDATE = 5_000_000;

/** What reading an update cost: the existing structs its delete set made the reader visit. */
export interface ChangeStats {
  visited: number;
}

/** Decodes an untrusted update (v1); throws on bytes that are not one. */
export function decodeUntrustedUpdate(update: Uint8Array): DecodedUpdate {
  const { structs, ds } = Y.decodeUpdate(update);
  return { structs, ds };
}

/** Where an item sits: the path of its parent type, and its key in a map (null in a list). */
interface Place {
  parentPath: string[];
  parentSub: string | null;
}

/** A place that Yjs will not integrate into (its neighbour or parent was garbage-collected). */
const DROPPED = null;

/**
 * The changes `decoded` would make to `doc`. Assumes the update passed the structural check
 * (no gaps, no references to unknown structs), so every neighbour it names exists.
 */
export function changesOf(doc: Y.Doc, decoded: DecodedUpdate, stats?: ChangeStats): Change[] {
  const own = new Map<number, Y.Item[]>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    // Structs the document has already are dropped by Yjs: a sync step 2 computed against an
    // older state vector repeats what others wrote since, and changes nothing.
    if (isKnown(doc, struct)) continue;
    let list = own.get(struct.id.client);
    if (!list) own.set(struct.id.client, (list = []));
    list.push(struct);
  }
  const placeCache = new Map<Y.Item, Place | typeof DROPPED>();

  const findOwn = (id: Y.ID): Y.Item | undefined => {
    const list = own.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = list[middle];
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  };

  /** The struct holding `id`, from the update or the document (null when garbage-collected). */
  const find = (id: Y.ID): Y.Item | null => {
    const mine = findOwn(id);
    if (mine) return mine;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item ? struct : null;
  };

  /** The path of the shared type an item holds (the item must hold a type). */
  const pathOfTypeItem = (item: Y.Item, depth: number): string[] | null => {
    if (!(item.content instanceof Y.ContentType)) return null;
    const place = placeOf(item, depth + 1);
    if (!place) return null;
    return [...place.parentPath, place.parentSub ?? '#'];
  };

  const placeOf = (item: Y.Item, depth = 0): Place | typeof DROPPED => {
    // Items of the document know their parent; walking up its types is bounded by its depth.
    if (depth > 64) return DROPPED;
    if (isIntegrated(item, doc)) return placeOfIntegrated(item);
    if (placeCache.has(item)) return placeCache.get(item) ?? DROPPED;
    let place: Place | typeof DROPPED = DROPPED;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      place = { parentPath: [parent], parentSub: item.parentSub };
    } else if (parent instanceof Y.ID) {
      const parentItem = find(parent);
      const parentPath = parentItem ? pathOfTypeItem(parentItem, depth) : null;
      place = parentPath ? { parentPath, parentSub: item.parentSub } : DROPPED;
    } else {
      // No parent written: Yjs takes it from the left neighbour, else the right one.
      const neighbourId = item.origin ?? item.rightOrigin;
      const neighbour = neighbourId ? find(neighbourId) : null;
      place = neighbour ? placeOf(neighbour, depth + 1) : DROPPED;
    }
    placeCache.set(item, place);
    return place;
  };

  const changes: Change[] = [];
  const touchedSlots = new Set<string>();
  const deletedInUpdate = (item: Y.Item): boolean =>
    item.content instanceof Y.ContentDeleted || Y.isDeleted(decoded.ds, item.id);

  for (const item of own.values()) {
    for (const struct of item) {
      const place = placeOf(struct);
      if (!place) continue;
      const path = [...place.parentPath, place.parentSub ?? '#'];
      touchedSlots.add(path.join('\u0000'));
      const live = place.parentSub !== null && liveAt(doc, path);
      if (deletedInUpdate(struct)) {
        // A deleted value that becomes a key's newest entry removes what the key held.
        if (live) changes.push(changeAt(path, 'delete', 'none'));
        continue;
      }
      const [content, value] = describeContent(struct.content);
      const kind = place.parentSub === null ? 'create' : live ? 'update' : 'create';
      changes.push(changeAt(path, kind, content, value));
    }
  }

  let visited = 0;
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, Y.getState(doc.store, client));
      if (range.clock >= end) continue;
      let index = Y.findIndexSS(structs, range.clock);
      for (; index < structs.length && structs[index].id.clock < end; index++) {
        if (++visited > MAX_DELETED_STRUCTS_PER_UPDATE) throw new TooManyChangesError();
        const struct = structs[index];
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = placeOfIntegrated(struct);
        if (!place) continue;
        const path = [...place.parentPath, place.parentSub ?? '#'];
        // A key given a new value in this update was already counted as that update.
        if (place.parentSub !== null && touchedSlots.has(path.join('\u0000'))) continue;
        changes.push(changeAt(path, 'delete', 'none'));
      }
    }
  }
  if (stats) stats.visited = visited;
  return changes;
}

/** True when the document already holds every clock of the struct. */
export function isKnown(doc: Y.Doc, struct: Y.Item | Y.GC | Y.Skip): boolean {
  return struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client);
}

function changeAt(path: string[], kind: Change['kind'], content: Change['content'], value?: unknown): Change {
  const key = path.length > 1 && path[1] !== '#' ? path[1] : null;
  const field = path.length > 2 && path[2] !== '#' ? path[2] : null;
  const change: Change = { top: path[0], key, field, kind, content, nested: path.length > 3 };
  if (content === 'json') change.value = value;
  return change;
}

function describeContent(content: Y.Item['content']): [Change['content'], unknown] {
  if (content instanceof Y.ContentAny) {
    const values = content.getContent();
    return ['json', values[values.length - 1]];
  }
  if (content instanceof Y.ContentType) return ['type', undefined];
  return ['other', undefined];
}

/** True when the item is part of the document (not only of the update being read). */
function isIntegrated(item: Y.Item, doc: Y.Doc): boolean {
  return item.parent instanceof Y.AbstractType && item.parent.doc === doc;
}

function placeOfIntegrated(item: Y.Item): Place | null {
  const path = pathOfType(item.parent as Y.AbstractType<unknown>);
  return path ? { parentPath: path, parentSub: item.parentSub } : null;
}

/** The path of an integrated shared type from its top-level name down. */
function pathOfType(type: Y.AbstractType<unknown>): string[] | null {
  const path: string[] = [];
  let current: Y.AbstractType<unknown> = type;
  while (current._item !== null) {
    const item: Y.Item = current._item;
    path.push(item.parentSub ?? '#');
    if (!(item.parent instanceof Y.AbstractType)) return null;
    current = item.parent;
  }
  path.push(Y.findRootTypeKey(current));
  return path.reverse();
}

/** True when the document currently holds a value at this map path. */
function liveAt(doc: Y.Doc, path: string[]): boolean {
  const [top, ...keys] = path;
  if (!doc.share.has(top)) return false;
  let current: unknown = doc.share.get(top);
  for (const key of keys) {
    if (!(current instanceof Y.AbstractType)) return false;
    const entry: Y.Item | undefined = current._map.get(key);
    if (!entry || entry.deleted) return false;
    current = entry.content instanceof Y.ContentType ? entry.content.type : entry;
  }
  return true;
}
