import type { Group } from '../../shared/domain/groups';
import type { Language } from '../../shared/domain/languages';
import type { Role, Template } from '../../shared/domain/roles';

/** A workshop's stored facts (its document lives in the update log). */
export interface WorkshopRecord {
  id: string;
  title: string;
  language: Language;
  template: Template;
  /** ISO 8601 time of creation. */
  createdAt: string;
  /** Normalised (upper-case) join code. */
  joinCode: string;
}

/** A participant who joined by code. The name is optional: the group alone is enough. */
export interface ParticipantRecord {
  id: string;
  workshopId: string;
  name: string | null;
  group: Group;
  createdAt: string;
}

/** A token, known to storage only by its SHA-256 hash. */
export interface TokenRecord {
  hash: string;
  workshopId: string;
  role: Role;
  participantId: string | null;
}

/** A workshop's document as stored. */
export interface StoredDocument {
  /** The snapshot (if any) first, then the log in order. */
  updates: Uint8Array[];
  /** Sequence number of the last log row (0 when the log is empty). */
  lastSeq: number;
  /** Rows in the log since the snapshot. */
  logLength: number;
}

/**
 * Yjs client ids of a workshop and who first wrote with (or announced) each, as
 * `identityKey` strings: structs under another person's client id are refused.
 */
export type ClientOwners = Map<number, string>;

/** Where a workshop's update log stands after an append. */
export interface AppendResult {
  /** Sequence number of the last row written; compaction merges up to it. */
  lastSeq: number;
}

/**
 * Everything the server stores, behind one small interface so that SQLite (default) and
 * PostgreSQL can stand behind it. Every method returns a Promise even where SQLite answers
 * synchronously, so a networked store can be slotted in.
 */
export interface Storage {
  /** Stores a new workshop with its facilitator and projector tokens. Fails on a taken join code. */
  createWorkshop(workshop: WorkshopRecord, tokens: TokenRecord[]): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | undefined>;
  /** Looks a workshop up by its normalised join code. */
  findWorkshopByJoinCode(joinCode: string): Promise<WorkshopRecord | undefined>;
  addParticipant(participant: ParticipantRecord, token: TokenRecord): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRecord | undefined>;
  findToken(hash: string): Promise<TokenRecord | undefined>;

  /** Every participant who joined the workshop, oldest first. */
  listParticipants(workshopId: string): Promise<ParticipantRecord[]>;
  /** How many participants have joined the workshop. */
  countParticipants(workshopId: string): Promise<number>;

  /** The workshop's document as stored: the snapshot (if any) and the log since. */
  loadUpdates(workshopId: string): Promise<StoredDocument>;
  /**
   * Appends a batch of accepted updates in one transaction, with the client ids they claimed
   * first (so an owner is never stored without its update, nor the reverse); resolves once
   * durable.
   */
  appendUpdates(workshopId: string, updates: Uint8Array[], newOwners?: ClientOwners): Promise<AppendResult>;
  /** Every Yjs client id of the workshop with its owner. */
  loadClientOwners(workshopId: string): Promise<ClientOwners>;
  /** Replaces the snapshot and every log row up to `throughSeq` with `snapshot`, atomically. */
  compact(workshopId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;

  /**
   * Removes every stored byte of the workshop, its participants' private documents (stored
   * under `<id>/…`) included, and freed pages and the write-ahead log.
   */
  deleteWorkshop(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by createWorkshop when the join code is already in use (the caller retries). */
export class JoinCodeTakenError extends Error {
  constructor() {
    super('join code already in use');
    this.name = 'JoinCodeTakenError';
  }
}
