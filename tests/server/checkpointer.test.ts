import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../server/storage/Checkpointer';
import { eventually } from '../helpers/eventually';

/** The database file itself (not its write-ahead log) holds `text`. */
function inDatabaseFile(file: string, text: string): boolean {
  return fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));
}

describe('the checkpointing thread', () => {
  let dir: string;
  let file: string;
  let db: Database.Database;
  let checkpointer: Checkpointer;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flet-checkpoint-'));
    file = path.join(dir, 'test.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE notes (text TEXT)');
    checkpointer = new Checkpointer(file, { intervalMs: 20, idleMs: 150 });
  });

  afterEach(async () => {
    await checkpointer.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (text: string): void => {
    db.prepare('INSERT INTO notes (text) VALUES (?)').run(text);
    checkpointer.wrote();
  };

  it('starts on the first commit, moves it into the database file, and stops once commits cease', async () => {
    expect(checkpointer.running).toBe(false);
    write('første-seddel');
    expect(checkpointer.running).toBe(true);
    await eventually(() => expect(inDatabaseFile(file, 'første-seddel')).toBe(true), { timeout: 5_000 });
    await eventually(() => expect(checkpointer.running).toBe(false), { timeout: 5_000 });
  });

  it('keeps running while commits come, and starts again for a commit after it stopped', async () => {
    write('før');
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      write(`seddel-${i}`);
      expect(checkpointer.running).toBe(true);
    }
    await eventually(() => expect(checkpointer.running).toBe(false), { timeout: 5_000 });
    expect(inDatabaseFile(file, 'seddel-7')).toBe(true);

    write('efter-pausen');
    expect(checkpointer.running).toBe(true);
    await eventually(() => expect(inDatabaseFile(file, 'efter-pausen')).toBe(true), { timeout: 5_000 });
  });

  it('starts no thread after it was closed', async () => {
    write('inden');
    await checkpointer.close();
    expect(checkpointer.running).toBe(false);
    write('bagefter');
    expect(checkpointer.running).toBe(false);
  });
});
