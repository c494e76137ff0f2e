import {
  atom,
  createPresenceStateDerivation,
  getDefaultUserPresence,
  InstancePresenceRecordType,
  react,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import type { Group } from '../../shared/domain/groups';
import type { Role } from '../../shared/domain/roles';
import { PRESENCE_FIELD } from '../../shared/protocol/presenceClaims';

/** Who this browser is on the board, as others see it. */
export interface PresenceIdentity {
  /** Same id as the editor's user preferences id. */
  userId: string;
  /** The name others see by the cursor (the group's name when anonymous). */
  name: string;
  /** Cursor colour (the group's hex colour). */
  color: string;
  role: Role;
  group: Group | null;
}

/** Extra facts a presence carries in `meta`. */
export interface PresenceMeta {
  role: Role;
  group: Group | null;
}

const FIELD = PRESENCE_FIELD;
/** At most this often a browser sends its presence (cursor) to the others. */
export const PRESENCE_INTERVAL_MS = 60;
/**
 * Selected shapes named in a presence. Others see a selection outline only for these; the
 * server refuses a presence over 16 KB, and Ctrl+A on a busy board selects thousands.
 */
export const MAX_PRESENCE_SELECTED = 50;
/** Scribbles (eraser, lasso, laser trails) in a presence, and points in each. */
export const MAX_PRESENCE_SCRIBBLES = 4;
export const MAX_PRESENCE_SCRIBBLE_POINTS = 64;
/** Characters of a chat message in a presence. */
export const MAX_PRESENCE_CHAT_CHARS = 500;

/**
 * A presence small enough to send: the first selected ids, the newest scribbles and their
 * newest points, so one person's state stays a few kilobytes however much they select.
 */
export function boundedPresence<T extends Pick<TLInstancePresence, 'selectedShapeIds' | 'scribbles' | 'chatMessage'>>(presence: T): T {
  return {
    ...presence,
    selectedShapeIds: presence.selectedShapeIds.slice(0, MAX_PRESENCE_SELECTED),
    scribbles: presence.scribbles
      .slice(-MAX_PRESENCE_SCRIBBLES)
      .map((scribble) =>
        scribble.points.length > MAX_PRESENCE_SCRIBBLE_POINTS
          ? { ...scribble, points: scribble.points.slice(-MAX_PRESENCE_SCRIBBLE_POINTS) }
          : scribble,
      ),
    chatMessage: presence.chatMessage.slice(0, MAX_PRESENCE_CHAT_CHARS),
  };
}

/** The role a presence record says its owner has. */
export function roleOf(presence: TLInstancePresence): Role | null {
  const role = (presence.meta as Partial<PresenceMeta>).role;
  return role ?? null;
}

/**
 * Share this browser's presence (cursor, name, colour, page, camera) through Yjs awareness,
 * and mirror everyone else's into the store as tldraw presence records, which tldraw draws
 * as named cursors and which following uses.
 *
 * With `identity` null (projector), the local awareness state is cleared and nothing is
 * sent: the projector only watches.
 */
export function bindPresence(store: TLStore, awareness: Awareness, identity: PresenceIdentity | null): () => void {
  const disposers: Array<() => void> = [];
  const ownId = awareness.clientID;
  const presenceIdOf = (clientId: number) => InstancePresenceRecordType.createId(String(clientId));

  if (identity) {
    const user = atom<TLUser>('flet user', {
      id: identity.userId as TLUser['id'],
      typeName: 'user',
      name: identity.name,
      color: identity.color,
      imageUrl: '',
      meta: {},
    });
    const meta: PresenceMeta = { role: identity.role, group: identity.group };
    const derivation = createPresenceStateDerivation(user, {
      instanceId: presenceIdOf(ownId),
      getUserPresence(s, u) {
        const info = getDefaultUserPresence(s, u);
        return info ? boundedPresence({ ...info, meta: { ...meta } }) : null;
      },
    })(store);
    // Cursor and camera moves come at frame rate: the presence is worked out and sent at
    // most once per interval, the latest, and not at all when it is what was sent last. The
    // effect is only scheduled by a change, so a pan does not recompute it on every frame.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sent = '';
    disposers.push(
      react(
        'share presence',
        () => {
          const presence = derivation.get();
          const json = JSON.stringify(presence);
          if (json === sent) return;
          sent = json;
          awareness.setLocalStateField(FIELD, presence);
        },
        {
          scheduleEffect(execute) {
            timer ??= setTimeout(() => {
              timer = undefined;
              execute();
            }, PRESENCE_INTERVAL_MS);
          },
        },
      ),
    );
    disposers.push(() => clearTimeout(timer));
  } else {
    awareness.setLocalState(null);
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    const states = awareness.getStates();
    const toPut: TLInstancePresence[] = [];
    const toRemove: TLInstancePresence['id'][] = [];
    for (const clientId of [...added, ...updated]) {
      if (clientId === ownId) continue;
      const raw = (states.get(clientId) as Record<string, unknown> | undefined)?.[FIELD];
      const id = presenceIdOf(clientId);
      if (!raw || typeof raw !== 'object') {
        if (store.has(id)) toRemove.push(id);
        continue;
      }
      try {
        const record = store.schema.validateRecord(
          store,
          { ...(raw as TLInstancePresence), id, typeName: 'instance_presence' },
          store.has(id) ? 'updateRecord' : 'createRecord',
          store.get(id) ?? null,
        ) as TLInstancePresence;
        toPut.push(record);
      } catch {
        // A malformed presence is simply not shown.
      }
    }
    for (const clientId of removed) {
      const id = presenceIdOf(clientId);
      if (store.has(id)) toRemove.push(id);
    }
    if (toPut.length || toRemove.length) {
      store.mergeRemoteChanges(() => {
        if (toRemove.length) store.remove(toRemove);
        if (toPut.length) store.put(toPut);
      });
    }
  };
  awareness.on('change', onChange);
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });
  disposers.push(() => awareness.off('change', onChange));

  disposers.push(() => {
    const ids = store.query.records('instance_presence').get().map((r) => r.id);
    if (ids.length) store.mergeRemoteChanges(() => store.remove(ids));
  });

  return () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
}
