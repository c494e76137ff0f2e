import { useEffect, useState } from 'react';
import {
  atom,
  createTLStore,
  createUserId,
  UserRecordType,
  type TLUser,
  type TLAnyBindingUtilConstructor,
  type TLAnyShapeUtilConstructor,
  type TLStore,
} from 'tldraw';
import * as Y from 'yjs';
import type { Identity } from '../../shared/domain/identity';
import type { Awareness } from 'y-protocols/awareness';
import { bindStoreToDoc, type SetAsideRecord } from './binding';
import { connect, type ConnectionStatus } from './connection';
import { takeEarlyConnection } from './earlyConnection';
import { bindPresence, type PresenceIdentity } from './presence';

/** What opens a workshop board in this browser. */
export interface SessionOptions {
  workshopId: string;
  token: string;
  /** Who opens the board: the canvas rules are checked for this person; a projector writes nothing. */
  identity: Identity;
  /** How others see this person (cursor, name, colour); null for the projector, which only watches. */
  presence: PresenceIdentity | null;
  shapeUtils: readonly TLAnyShapeUtilConstructor[];
  bindingUtils: readonly TLAnyBindingUtilConstructor[];
}

/** A live board: its store, whether it is ready to show, and what a person should know. */
export interface WorkshopSession {
  store: TLStore | null;
  ready: boolean;
  status: ConnectionStatus;
  setAside: SetAsideRecord[];
  doc: Y.Doc | null;
  /** Presence of everyone on the board (cursors on the canvas and in the narrative). */
  awareness: Awareness | null;
}

declare global {
  interface Window {
    /** The board's document, for checks from the browser console and the end-to-end tests. */
    __fletDoc?: Y.Doc;
  }
}

/**
 * Open a workshop's document, bind it to a tldraw store and connect it. Everything it starts
 * is stopped when the component unmounts or the workshop changes.
 */
export function useWorkshopSession(options: SessionOptions | null): WorkshopSession {
  const [session, setSession] = useState<WorkshopSession>({
    store: null,
    ready: false,
    status: 'connecting',
    setAside: [],
    doc: null,
    awareness: null,
  });
  const workshopId = options?.workshopId;
  const token = options?.token;
  const identityKey = options ? JSON.stringify([options.identity, options.presence]) : '';

  useEffect(() => {
    if (!options) return;
    performance.mark('flet:session');
    const readOnly = options.identity.role === 'projector';
    const disposers: Array<() => void> = [];
    // The document may have been syncing since the page started loading (earlyConnection.ts).
    const early = takeEarlyConnection(options.workshopId, options.token);
    const doc = early?.doc ?? new Y.Doc();
    const mode = atom<'readonly' | 'readwrite'>('mode', readOnly ? 'readonly' : 'readwrite');
    const online = atom<'online' | 'offline'>('online', 'offline');
    // Attribution (who first wrote in a note) names the person as on their cursor, not
    // tldraw's own per-browser user; the projector is nobody.
    const presence = options.presence;
    const currentUser = atom<TLUser | null>(
      'current user',
      presence ? UserRecordType.create({ id: createUserId(presence.userId), name: presence.name, color: presence.color }) : null,
    );
    const store = createTLStore({
      shapeUtils: options.shapeUtils,
      bindingUtils: options.bindingUtils,
      collaboration: { mode, status: online },
      users: { currentUser },
    });
    let alive = true;
    const update = (patch: Partial<WorkshopSession>): void => {
      if (alive) setSession((s) => ({ ...s, ...patch }));
    };
    setSession({ store, ready: false, status: 'connecting', setAside: [], doc, awareness: null });

    const connection = early?.connection ?? connect(doc, options.workshopId, options.token);
    disposers.push(() => connection.dispose());
    const onStatus = (status: ConnectionStatus): void => {
      online.set(status === 'connected' ? 'online' : 'offline');
      // Refused, the page is about to reload: what is done now would be lost, so nothing can be.
      if (status === 'refused') mode.set('readonly');
      update({ status });
    };
    disposers.push(connection.onStatus(onStatus));
    // An early connection may have got somewhere already.
    if (connection.status() !== 'connecting') onStatus(connection.status());
    // The store is bound once the document holds the board (from the server, or from this
    // browser's copy), and others' cursors after that. Anything merged into the store as a
    // remote change runs tldraw's integrity check, which in a store without the board's
    // records creates a page and a document of its own; bound, those would be sent to
    // everyone and replace the workshop's own (a cursor or a relayed edit can arrive before
    // the server's sync does).
    void connection.ready.then(() => {
      if (!alive) return;
      const binding = bindStoreToDoc(store, doc, {
        readOnly,
        identity: options.identity,
        onSetAside: (setAside) => update({ setAside }),
      });
      disposers.push(() => binding.dispose());
      performance.mark('flet:store-filled');
      disposers.push(bindPresence(store, connection.awareness, options.presence));
      window.__fletDoc = doc;
      disposers.push(() => {
        if (window.__fletDoc === doc) delete window.__fletDoc;
      });
      update({ ready: true, awareness: connection.awareness });
    });

    return () => {
      alive = false;
      for (const dispose of disposers.splice(0).reverse()) dispose();
      doc.destroy();
    };
    // The identity is compared by value; the utils are module-scope constants.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workshopId, token, identityKey]);

  return session;
}
