import {
  encodeAwarenessUpdate, forEachAwarenessEntry, isRemovedState, REMOVED_STATE, type AwarenessEntry,
} from '../../shared/protocol/awareness';
import type { Language } from '../../shared/domain/languages';
import {
  AWARENESS_TOMBSTONE_MS, MAX_AWARENESS_CLOCK_STEP, MAX_AWARENESS_IDS_PER_CONNECTION, MAX_AWARENESS_STATE_BYTES,
} from '../../shared/protocol/limits';
import { ownClaims } from '../../shared/protocol/presenceClaims';
import { identityOf } from '../auth';
import type { Connection } from './Connection';

interface StoredEntry extends AwarenessEntry {
  /** The socket that speaks for this client id, or null once it left. */
  owner: Connection | null;
  /** The session that last spoke for it ({@link identityOf}); only it may take the id over. */
  identity: string;
  /** When the entry was removed (a tombstone until {@link AWARENESS_TOMBSTONE_MS} passed). */
  removedAt: number | null;
}

/** An awareness state that is not a JSON object or null. */
export class PresenceError extends Error {}

/** Options of {@link Presence}. */
export interface PresenceOptions {
  /** The clock for tombstones (milliseconds). */
  now?: () => number;
  /** The workshop's language: anonymous participants are shown by their group's name in it. */
  language?: Language;
}

/** Flet is Danish-first: a room that was not told its workshop's language speaks Danish. */
const DEFAULT_LANGUAGE: Language = 'da';

/**
 * The presence (cursors, names, selections) of one room, kept as raw bytes per client id.
 *
 * Cursor traffic dominates, so: entries are compared by (clientID, clock) before any JSON is
 * looked at; stale or echoed ones (the stock WebsocketProvider sends back every change it
 * receives) are dropped; the changes of one tick are merged and encoded once for the room.
 *
 * Client ids are visible to everyone, so an id belongs to the session that first spoke for
 * it: another session's states for it are dropped (a stock client's echo looks the same, so
 * this is no reason to close). Memory stays bounded: a few ids per socket, removals of
 * unknown ids ignored, removed entries forgotten after a while.
 *
 * The name, group, role and colour shown for a person are the ones its token carries,
 * wherever a state claims them (see {@link ownClaims}). A state that claims someone else is
 * rewritten, not dropped: the person still shows, with their true name, and a client that
 * keeps a stale name (a stock client, an old tab) is not made invisible. Closing would not
 * stop the claim either; rewriting makes it reach nobody. Only a newer state is parsed, and
 * only one that differs from its token is encoded again.
 */
export class Presence {
  private readonly entries = new Map<number, StoredEntry>();
  private readonly changed = new Set<number>();
  /** Removed entries in the order of removal, with the time, for pruning. */
  private readonly tombstones = new Map<number, number>();

  private readonly now: () => number;
  private readonly language: Language;

  constructor(options: PresenceOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.language = options.language ?? DEFAULT_LANGUAGE;
  }

  /**
   * Takes an awareness update from `from`. Returns true when something changed.
   * Throws on a malformed update or a state that is not JSON.
   */
  receive(from: Connection, update: Uint8Array): boolean {
    this.prune();
    const identity = identityOf(from.session);
    let changedAny = false;
    forEachAwarenessEntry(update, (clientId, clock, state) => {
      const stored = this.entries.get(clientId);
      const removal = isRemovedState(state);
      // Nothing to remove: storing it would let removals of fresh ids grow memory forever.
      if (!stored && removal) return;
      const newer = !stored || clock > stored.clock || (clock === stored.clock && removal && stored.removedAt === null);
      // Echoes carry the clock we already hold, so they stop here, before any JSON is read.
      if (!newer) return;
      if (stored && (stored.identity !== identity || clock - stored.clock > MAX_AWARENESS_CLOCK_STEP)) return;
      if (!from.awarenessIds.has(clientId) && !from.mayClaimAwarenessId(clientId, MAX_AWARENESS_IDS_PER_CONNECTION)) return;
      let kept = REMOVED_STATE;
      if (!removal) {
        const value = parseJsonObject(state);
        // Copy when kept as sent: the entry is a view into a frame that the socket's buffer
        // pool may reuse.
        kept = ownClaims(value, from.session, this.language) ? utf8Encoder.encode(JSON.stringify(value)) : state.slice();
        // A true name may be longer than the claimed one; the bound holds for what is relayed.
        if (kept.length > MAX_AWARENESS_STATE_BYTES) return;
      }
      // A newer state from another socket of the same session is the same client after a
      // reconnect (its old socket may linger half-open until the next ping): the new socket
      // speaks for it now.
      if (stored?.owner && stored.owner !== from) stored.owner.awarenessIds.delete(clientId);
      this.entries.set(clientId, {
        clientId,
        clock,
        state: kept,
        owner: removal ? null : from,
        identity,
        removedAt: removal ? this.now() : null,
      });
      this.tombstones.delete(clientId);
      if (removal) {
        from.awarenessIds.delete(clientId);
        this.tombstones.set(clientId, this.now());
      } else from.awarenessIds.add(clientId);
      this.changed.add(clientId);
      changedAny = true;
    });
    return changedAny;
  }

  /** Marks every client id of a closed socket as gone (clock bumped, as y-protocols does). */
  removeOwner(conn: Connection): boolean {
    let changedAny = false;
    for (const clientId of conn.awarenessIds) {
      const stored = this.entries.get(clientId);
      if (!stored || stored.owner !== conn) continue;
      const removedAt = this.now();
      this.entries.set(clientId, { ...stored, clock: stored.clock + 1, state: REMOVED_STATE, owner: null, removedAt });
      this.tombstones.delete(clientId);
      this.tombstones.set(clientId, removedAt);
      this.changed.add(clientId);
      changedAny = true;
    }
    conn.awarenessIds.clear();
    return changedAny;
  }

  /** The merged awareness update of this tick's changes, or null when nothing changed. */
  takeChanges(): Uint8Array | null {
    if (this.changed.size === 0) return null;
    const entries: AwarenessEntry[] = [];
    for (const clientId of this.changed) {
      const stored = this.entries.get(clientId);
      if (stored) entries.push(stored);
    }
    this.changed.clear();
    return encodeAwarenessUpdate(entries);
  }

  /** Every present client's state, for a socket that just connected; null when nobody is there. */
  current(): Uint8Array | null {
    const present = [...this.entries.values()].filter((e) => e.owner !== null);
    return present.length > 0 ? encodeAwarenessUpdate(present) : null;
  }

  /** Forgets tombstones older than the window (oldest first: the map keeps removal order). */
  private prune(): void {
    const cutoff = this.now() - AWARENESS_TOMBSTONE_MS;
    for (const [clientId, removedAt] of this.tombstones) {
      if (removedAt > cutoff) break;
      this.tombstones.delete(clientId);
      // Not yet broadcast? Then it stays until the next tick's pruning.
      if (this.changed.has(clientId)) continue;
      this.entries.delete(clientId);
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Receivers JSON.parse every state, so a broken one must not be relayed to them. */
function parseJsonObject(state: Uint8Array): object {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(state));
  } catch {
    throw new PresenceError('awareness state is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new PresenceError('awareness state is not an object');
  return value;
}
