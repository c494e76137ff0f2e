/** A room's private documents: loaded on a participant's first private socket, each socket reaching only its own. */
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import type { Connection } from './Connection';
import { PrivateDocument, type PrivateContext } from './PrivateDocument';

/**
 * Where a participant's private document is stored. `/` never occurs in ids (base64url), so
 * it cannot collide with a workshop's id, and every private document of a workshop sorts
 * between `<workshopId>/` and `<workshopId>0`, which is how deleting a workshop finds them.
 */
export function privateDocumentId(workshopId: string, participantId: string): string {
  return `${workshopId}/private/${participantId}`;
}

/**
 * The private documents of one workshop's room: loaded when a participant's first private
 * socket arrives (or a reveal reads them), living and unloading with the room. Each socket
 * reaches only its own person's document: the one its token names, never one it asks for.
 */
export class PrivateDocuments {
  private readonly loading = new Map<string, Promise<PrivateDocument>>();
  /** Sockets whose document is still loading, with the frames they sent meanwhile. */
  private readonly early = new Map<Connection, Uint8Array[]>();
  private readonly homes = new Map<Connection, PrivateDocument>();
  private closed: { code: CloseCode; reason: string } | null = null;

  constructor(
    private readonly workshopId: string,
    private readonly context: PrivateContext,
  ) {}

  /** A participant's private document, loaded once (an empty one when they never wrote). */
  open(participantId: string): Promise<PrivateDocument> {
    if (this.closed) return Promise.reject(new Error('the room is closed'));
    const known = this.loading.get(participantId);
    if (known) return known;
    const load = PrivateDocument.load(privateDocumentId(this.workshopId, participantId), participantId, this.context).then(
      (document) => {
        // Unloaded or deleted while loading: whoever closed the room stored what was there.
        if (this.closed) {
          document.shutdown(this.closed.code, this.closed.reason);
          document.destroy();
          throw new Error('the room is closed');
        }
        return document;
      },
    );
    this.loading.set(participantId, load);
    // A failed load (or a document broken by storage later) is tried afresh next time.
    load.then(
      (document) => document.whenClosed(() => this.forget(participantId, load)),
      () => this.forget(participantId, load),
    );
    return load;
  }

  /** Takes a participant's private socket; its frames wait until the document is loaded. */
  add(conn: Connection): void {
    const { participantId } = conn.session;
    if (conn.session.role !== 'participant' || participantId === null) {
      conn.close(CLOSE_CODE.forbidden, 'forbidden');
      return;
    }
    this.early.set(conn, []);
    this.open(participantId).then(
      (document) => {
        const frames = this.early.get(conn);
        this.early.delete(conn);
        if (!frames || !conn.open) return;
        if (document.isClosed) return conn.close(CLOSE_CODE.internalError, 'could not load');
        this.homes.set(conn, document);
        document.add(conn);
        for (const data of frames) if (conn.open) document.receive(conn, data);
      },
      () => {
        this.early.delete(conn);
        conn.close(this.closed?.code ?? CLOSE_CODE.internalError, this.closed?.reason ?? 'could not load');
      },
    );
  }

  /** Handles one frame of a private socket. */
  receive(conn: Connection, data: Uint8Array): void {
    const home = this.homes.get(conn);
    if (home) home.receive(conn, data);
    else this.early.get(conn)?.push(data);
  }

  remove(conn: Connection): void {
    this.early.delete(conn);
    this.homes.get(conn)?.remove(conn);
    this.homes.delete(conn);
  }

  /** Stores every loaded private document (before the room unloads, and at shutdown). */
  async persist(): Promise<void> {
    await Promise.all(
      [...this.loaded()].map(async (load) => {
        const document = await load.catch(() => null);
        if (document && !document.isClosed) await document.persist();
      }),
    );
  }

  /** Closes every private socket; nothing more is stored. */
  shutdown(code: CloseCode, reason: string): void {
    this.closed ??= { code, reason };
    for (const conn of this.early.keys()) conn.close(code, reason);
    this.early.clear();
    for (const load of this.loaded()) void load.then((document) => document.shutdown(code, reason), () => undefined);
    this.homes.clear();
  }

  /** Releases the documents' memory after shutdown. */
  destroy(): void {
    for (const load of this.loaded()) void load.then((document) => document.destroy(), () => undefined);
    this.loading.clear();
  }

  private loaded(): Iterable<Promise<PrivateDocument>> {
    return this.loading.values();
  }

  private forget(participantId: string, load: Promise<PrivateDocument>): void {
    if (this.loading.get(participantId) === load && !this.closed) this.loading.delete(participantId);
  }
}
