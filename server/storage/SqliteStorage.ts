import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AppendResult, ClientOwners, ParticipantRecord, Storage, StoredDocument, TokenRecord, WorkshopRecord } from './Storage';
import { JoinCodeTakenError } from './Storage';
import { Checkpointer } from './Checkpointer';
import { SCHEMA_SQL } from './sqliteSchema';

/** File name of the database inside FLET_DATA_DIR. */
export const DATABASE_FILE = 'flet.sqlite';
/** Tries at truncating the write-ahead log after a deletion, and the wait between them. */
const TRUNCATE_ATTEMPTS = 100;
const TRUNCATE_RETRY_MS = 20;
/** Size the write-ahead log's file is cut back to after it has been checkpointed. */
const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

interface WorkshopRow {
  id: string;
  title: string;
  language: WorkshopRecord['language'];
  template: WorkshopRecord['template'];
  created_at: string;
  join_code: string;
}

interface ParticipantRow {
  id: string;
  workshop_id: string;
  name: string | null;
  grp: ParticipantRecord['group'];
  created_at: string;
}

interface TokenRow {
  hash: string;
  workshop_id: string;
  role: TokenRecord['role'];
  participant_id: string | null;
}

/**
 * The embedded storage: one SQLite file in WAL mode. `synchronous=NORMAL` keeps every
 * committed transaction across a crash of the process (kill -9); only an OS crash or power
 * loss could lose the last transactions. `secure_delete` overwrites freed pages so a
 * deleted workshop leaves no bytes behind. Checkpoints run on a worker thread, so no commit
 * on the main thread ever waits for one; that thread runs only while commits come.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly checkpointer: Checkpointer;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, DATABASE_FILE);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('wal_autocheckpoint = 0');
    // Once checkpointed, the log is reused from its start; this keeps its file from staying large.
    this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    this.db.pragma('secure_delete = ON');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA_SQL);
    this.statements = this.prepare();
    this.checkpointer = new Checkpointer(file);
  }

  /** Runs `write` in one transaction and tells the checkpointer of the commit. */
  private commit<T>(write: () => T): T {
    const result = this.db.transaction(write)();
    this.checkpointer.wrote();
    return result;
  }

  private prepare() {
    const db = this.db;
    return {
      insertWorkshop: db.prepare(
        'INSERT INTO workshops (id, title, language, template, created_at, join_code) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getWorkshop: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?'),
      byJoinCode: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE join_code = ?'),
      insertParticipant: db.prepare(
        'INSERT INTO participants (id, workshop_id, name, grp, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getParticipant: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
      listParticipants: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE workshop_id = ? ORDER BY created_at, id'),
      countParticipants: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM participants WHERE workshop_id = ?'),
      insertOwner: db.prepare('INSERT OR IGNORE INTO client_owners (workshop_id, client_id, owner) VALUES (?, ?, ?)'),
      owners: db.prepare<[string], { client_id: number; owner: string }>('SELECT client_id, owner FROM client_owners WHERE workshop_id = ?'),
      deleteOwners: db.prepare('DELETE FROM client_owners WHERE workshop_id = ?'),
      insertToken: db.prepare('INSERT INTO tokens (hash, workshop_id, role, participant_id) VALUES (?, ?, ?, ?)'),
      getToken: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?'),
      snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM snapshots WHERE workshop_id = ?'),
      log: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE workshop_id = ? ORDER BY seq'),
      append: db.prepare('INSERT INTO updates (workshop_id, data) VALUES (?, ?)'),
      putSnapshot: db.prepare('INSERT OR REPLACE INTO snapshots (workshop_id, data) VALUES (?, ?)'),
      dropMerged: db.prepare('DELETE FROM updates WHERE workshop_id = ? AND seq <= ?'),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE workshop_id = ?'),
      deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE workshop_id = ?'),
      deleteTokens: db.prepare('DELETE FROM tokens WHERE workshop_id = ?'),
      deleteParticipants: db.prepare('DELETE FROM participants WHERE workshop_id = ?'),
      deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
      // Every private document of a workshop is stored under `<id>/…` (see privateDocumentId):
      // a range, not LIKE, since `_` (a base64url letter) is a LIKE wildcard.
      deletePrivateUpdates: db.prepare('DELETE FROM updates WHERE workshop_id >= ? AND workshop_id < ?'),
      deletePrivateSnapshots: db.prepare('DELETE FROM snapshots WHERE workshop_id >= ? AND workshop_id < ?'),
      deletePrivateOwners: db.prepare('DELETE FROM client_owners WHERE workshop_id >= ? AND workshop_id < ?'),
    };
  }

  async createWorkshop(workshop: WorkshopRecord, tokens: TokenRecord[]): Promise<void> {
    const s = this.statements;
    try {
      this.commit(() => {
        s.insertWorkshop.run(
          workshop.id, workshop.title, workshop.language, workshop.template, workshop.createdAt, workshop.joinCode,
        );
        for (const t of tokens) s.insertToken.run(t.hash, t.workshopId, t.role, t.participantId);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'workshops.join_code')) throw new JoinCodeTakenError();
      throw error;
    }
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    return toWorkshop(this.statements.getWorkshop.get(id));
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<WorkshopRecord | undefined> {
    return toWorkshop(this.statements.byJoinCode.get(joinCode));
  }

  async addParticipant(p: ParticipantRecord, token: TokenRecord): Promise<void> {
    const s = this.statements;
    this.commit(() => {
      s.insertParticipant.run(p.id, p.workshopId, p.name, p.group, p.createdAt);
      s.insertToken.run(token.hash, token.workshopId, token.role, token.participantId);
    });
  }

  async getParticipant(id: string): Promise<ParticipantRecord | undefined> {
    const row = this.statements.getParticipant.get(id);
    return row && toParticipant(row);
  }

  async listParticipants(workshopId: string): Promise<ParticipantRecord[]> {
    return this.statements.listParticipants.all(workshopId).map(toParticipant);
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const row = this.statements.getToken.get(hash);
    return row && { hash: row.hash, workshopId: row.workshop_id, role: row.role, participantId: row.participant_id };
  }

  async loadUpdates(workshopId: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snapshot = this.statements.snapshot.get(workshopId);
      const rows = this.statements.log.all(workshopId);
      const log = rows.map((row) => new Uint8Array(row.data));
      return {
        updates: snapshot ? [new Uint8Array(snapshot.data), ...log] : log,
        lastSeq: rows.at(-1)?.seq ?? 0,
        logLength: rows.length,
      };
    })();
  }

  async countParticipants(workshopId: string): Promise<number> {
    return this.statements.countParticipants.get(workshopId)?.n ?? 0;
  }

  async loadClientOwners(workshopId: string): Promise<ClientOwners> {
    return new Map(this.statements.owners.all(workshopId).map((row) => [row.client_id, row.owner]));
  }

  async appendUpdates(workshopId: string, updates: Uint8Array[], newOwners?: ClientOwners): Promise<AppendResult> {
    const s = this.statements;
    return this.commit(() => {
      for (const [clientId, owner] of newOwners ?? []) s.insertOwner.run(workshopId, clientId, owner);
      let lastSeq = 0;
      for (const update of updates) lastSeq = Number(s.append.run(workshopId, update).lastInsertRowid);
      return { lastSeq };
    });
  }

  async compact(workshopId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const s = this.statements;
    this.commit(() => {
      s.putSnapshot.run(workshopId, snapshot);
      s.dropMerged.run(workshopId, throughSeq);
    });
  }

  async deleteWorkshop(id: string): Promise<void> {
    const s = this.statements;
    this.commit(() => {
      s.deleteUpdates.run(id);
      s.deleteSnapshot.run(id);
      s.deleteTokens.run(id);
      s.deleteParticipants.run(id);
      s.deleteOwners.run(id);
      s.deleteWorkshop.run(id);
      const [from, to] = documentsUnder(id);
      s.deletePrivateUpdates.run(from, to);
      s.deletePrivateSnapshots.run(from, to);
      s.deletePrivateOwners.run(from, to);
    });
    // secure_delete zeroes freed pages in the main file, but the write-ahead log still holds
    // the old page images until it is checkpointed and truncated. The background checkpointer
    // can hold the log for a moment, so a busy checkpoint is tried again until it got through.
    for (let attempt = 0; attempt < TRUNCATE_ATTEMPTS; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (!result || result.busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, TRUNCATE_RETRY_MS));
    }
    throw new Error('the write-ahead log could not be truncated after deleting a workshop');
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.checkpointer.close();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

/** The range of document ids under a workshop's (`<id>/` up to, not including, `<id>0`: '0' follows '/'). */
export function documentsUnder(workshopId: string): [string, string] {
  return [`${workshopId}/`, `${workshopId}0`];
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  return { id: row.id, workshopId: row.workshop_id, name: row.name, group: row.grp, createdAt: row.created_at };
}

function toWorkshop(row: WorkshopRow | undefined): WorkshopRecord | undefined {
  return row && {
    id: row.id,
    title: row.title,
    language: row.language,
    template: row.template,
    createdAt: row.created_at,
    joinCode: row.join_code,
  };
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(column);
}
