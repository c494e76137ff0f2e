import type {
  AppendResult, ClientOwners, ParticipantRecord, Storage, StoredDocument, TokenRecord, WorkshopRecord,
} from './Storage';
import { JoinCodeTakenError } from './Storage';

/** One workshop's document: the snapshot and the log rows after it. */
interface StoredLog {
  snapshot: Uint8Array | null;
  rows: Array<{ seq: number; data: Uint8Array }>;
}

/** Thrown by every write of a {@link MemoryStorage} whose `failing` is set. */
export class StorageUnavailableError extends Error {
  constructor() {
    super('storage unavailable');
    this.name = 'StorageUnavailableError';
  }
}

/**
 * Storage held in memory, for rooms run inside a test without a process or a file. It keeps
 * the promises of the interface (one sequence for every log, owners written with their
 * updates, compaction up to a row) and copies bytes in and out, so nothing a caller changes
 * later reaches what is stored.
 */
export class MemoryStorage implements Storage {
  /** When set, every write fails, as a database another process holds locked does. */
  failing = false;
  private readonly workshops = new Map<string, WorkshopRecord>();
  private readonly participants = new Map<string, ParticipantRecord>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly logs = new Map<string, StoredLog>();
  private readonly owners = new Map<string, ClientOwners>();
  private lastSeq = 0;

  async createWorkshop(workshop: WorkshopRecord, tokens: TokenRecord[]): Promise<void> {
    this.checkWritable();
    for (const other of this.workshops.values()) if (other.joinCode === workshop.joinCode) throw new JoinCodeTakenError();
    this.workshops.set(workshop.id, { ...workshop });
    for (const token of tokens) this.tokens.set(token.hash, { ...token });
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    const workshop = this.workshops.get(id);
    return workshop && { ...workshop };
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<WorkshopRecord | undefined> {
    for (const workshop of this.workshops.values()) if (workshop.joinCode === joinCode) return { ...workshop };
    return undefined;
  }

  async addParticipant(participant: ParticipantRecord, token: TokenRecord): Promise<void> {
    this.checkWritable();
    if (!this.workshops.has(participant.workshopId)) throw new Error('no such workshop');
    this.participants.set(participant.id, { ...participant });
    this.tokens.set(token.hash, { ...token });
  }

  async getParticipant(id: string): Promise<ParticipantRecord | undefined> {
    const participant = this.participants.get(id);
    return participant && { ...participant };
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const token = this.tokens.get(hash);
    return token && { ...token };
  }

  async listParticipants(workshopId: string): Promise<ParticipantRecord[]> {
    return [...this.participants.values()]
      .filter((participant) => participant.workshopId === workshopId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((participant) => ({ ...participant }));
  }

  async countParticipants(workshopId: string): Promise<number> {
    let count = 0;
    for (const participant of this.participants.values()) if (participant.workshopId === workshopId) count += 1;
    return count;
  }

  async loadUpdates(workshopId: string): Promise<StoredDocument> {
    const log = this.logs.get(workshopId);
    if (!log) return { updates: [], lastSeq: 0, logLength: 0 };
    const rows = log.rows.map((row) => row.data.slice());
    return {
      updates: log.snapshot ? [log.snapshot.slice(), ...rows] : rows,
      lastSeq: log.rows.at(-1)?.seq ?? 0,
      logLength: log.rows.length,
    };
  }

  async appendUpdates(workshopId: string, updates: Uint8Array[], newOwners?: ClientOwners): Promise<AppendResult> {
    this.checkWritable();
    let owners = this.owners.get(workshopId);
    if (!owners) this.owners.set(workshopId, (owners = new Map()));
    // The first owner of a client id stays, as SQLite's INSERT OR IGNORE keeps it.
    for (const [clientId, owner] of newOwners ?? []) if (!owners.has(clientId)) owners.set(clientId, owner);
    const log = this.logFor(workshopId);
    let lastSeq = 0;
    for (const update of updates) {
      lastSeq = ++this.lastSeq;
      log.rows.push({ seq: lastSeq, data: update.slice() });
    }
    return { lastSeq };
  }

  async loadClientOwners(workshopId: string): Promise<ClientOwners> {
    return new Map(this.owners.get(workshopId));
  }

  async compact(workshopId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.checkWritable();
    const log = this.logFor(workshopId);
    log.snapshot = snapshot.slice();
    log.rows = log.rows.filter((row) => row.seq > throughSeq);
  }

  async deleteWorkshop(id: string): Promise<void> {
    this.checkWritable();
    this.workshops.delete(id);
    // The workshop's document and its participants' private ones (`<id>/private/…`).
    const mine = (documentId: string): boolean => documentId === id || documentId.startsWith(`${id}/`);
    for (const documentId of this.logs.keys()) if (mine(documentId)) this.logs.delete(documentId);
    for (const documentId of this.owners.keys()) if (mine(documentId)) this.owners.delete(documentId);
    for (const [key, participant] of this.participants) if (participant.workshopId === id) this.participants.delete(key);
    for (const [key, token] of this.tokens) if (token.workshopId === id) this.tokens.delete(key);
  }

  async close(): Promise<void> {}

  private logFor(workshopId: string): StoredLog {
    let log = this.logs.get(workshopId);
    if (!log) this.logs.set(workshopId, (log = { snapshot: null, rows: [] }));
    return log;
  }

  private checkWritable(): void {
    if (this.failing) throw new StorageUnavailableError();
  }
}
