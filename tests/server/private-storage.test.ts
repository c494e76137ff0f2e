import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateDocumentId } from '../../server/rooms/PrivateDocuments';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import type { Storage } from '../../server/storage/Storage';

/**
 * Deleting a workshop removes its private documents (stored under `<id>/private/…`) and
 * nothing of any other workshop, including workshops whose ids begin with the same letters
 * (`_` and `-` are base64url letters, and `_` is a LIKE wildcard).
 */

const WORKSHOP = 'Ab_c';
/** Ids that share a beginning with WORKSHOP, or sort right next to its range. */
const NEIGHBOURS = ['Ab_c-x', 'Ab_c_x', 'AbXc', 'Ab_c0', 'Ab_cz', 'Ab_', 'Ab_b'];

const bytes = (text: string) => new TextEncoder().encode(text);

async function storeDocuments(storage: Storage): Promise<void> {
  await storage.appendUpdates(WORKSHOP, [bytes('shared')], new Map([[1, 'server']]));
  await storage.appendUpdates(privateDocumentId(WORKSHOP, 'p1'), [bytes('private one')], new Map([[2, 'participant/p1']]));
  await storage.appendUpdates(privateDocumentId(WORKSHOP, 'p_2'), [bytes('private two')]);
  await storage.compact(privateDocumentId(WORKSHOP, 'p_2'), bytes('private two, compacted'), Number.MAX_SAFE_INTEGER);
  for (const id of NEIGHBOURS) {
    await storage.appendUpdates(id, [bytes(`shared of ${id}`)], new Map([[3, 'server']]));
    await storage.appendUpdates(privateDocumentId(id, 'p1'), [bytes(`private of ${id}`)], new Map([[4, 'participant/p1']]));
  }
}

async function expectOnlyNeighboursLeft(storage: Storage): Promise<void> {
  for (const id of [WORKSHOP, privateDocumentId(WORKSHOP, 'p1'), privateDocumentId(WORKSHOP, 'p_2')]) {
    expect((await storage.loadUpdates(id)).updates).toEqual([]);
    expect((await storage.loadClientOwners(id)).size).toBe(0);
  }
  for (const id of NEIGHBOURS) {
    expect((await storage.loadUpdates(id)).updates.map((update) => new TextDecoder().decode(update))).toEqual([`shared of ${id}`]);
    expect((await storage.loadUpdates(privateDocumentId(id, 'p1'))).updates).toHaveLength(1);
    expect((await storage.loadClientOwners(privateDocumentId(id, 'p1'))).get(4)).toBe('participant/p1');
  }
}

describe('deleting a workshop erases its private documents and no one else’s', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('in SQLite', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flet-private-storage-'));
    dirs.push(dir);
    const storage = new SqliteStorage(dir);
    try {
      await storeDocuments(storage);
      await storage.deleteWorkshop(WORKSHOP);
      await expectOnlyNeighboursLeft(storage);
    } finally {
      await storage.close();
    }
  });

  it('in memory', async () => {
    const storage = new MemoryStorage();
    await storeDocuments(storage);
    await storage.deleteWorkshop(WORKSHOP);
    await expectOnlyNeighboursLeft(storage);
  });
});
