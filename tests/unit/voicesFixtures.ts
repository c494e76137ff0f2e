import { expect } from 'vitest';
import * as Y from 'yjs';
import { authorize, type Refusal } from '../../shared/domain/authorize';
import { addGathering, type Gathering } from '../../shared/domain/gatherings';
import type { Identity } from '../../shared/domain/identity';
import { addStep, setCurrentStep, type Step } from '../../shared/domain/steps';
import { recordsOf } from '../../shared/schema';
import { changesOf, decodeUntrustedUpdate, type Change } from '../../shared/validate/changes';
import { checkUpdate } from '../../shared/validate/yUpdate';
import { baseRecords } from './storeFixtures';

export const citizen: Identity = { role: 'participant', participantId: 'p1', group: 'citizen', name: 'Aviaja' };
export const politician: Identity = { role: 'participant', participantId: 'p2', group: 'politician', name: null };

export function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

/** A workshop document with one gathering and one current step (with its frame). */
export function workshop(): { doc: Y.Doc; gathering: Gathering; step: Step } {
  const doc = new Y.Doc();
  for (const record of baseRecords()) writeRecord(doc, record);
  const gathering = addGathering(doc, { title: 'Nuuk' });
  const step = addStep(doc, gathering.id, { title: 'Hvad er særligt her?' });
  setCurrentStep(doc, step.id);
  return { doc, gathering, step };
}

/** A copy of a document, as a client holds it after syncing. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The changes a client's `edit` on its copy of `server` sends, as the gate reads them. */
export function changesMade(server: Y.Doc, edit: (doc: Y.Doc) => void): { changes: Change[]; update: Uint8Array } {
  const client = copyOf(server);
  const before = Y.encodeStateVector(client);
  client.transact(() => edit(client));
  const update = Y.encodeStateAsUpdate(client, before);
  const decoded = decodeUntrustedUpdate(update);
  expect(checkUpdate(server, decoded)).toBeNull();
  return { changes: changesOf(server, decoded), update };
}

/** What the shared document's gate says of `actor`'s `edit` (applied to `server` when allowed). */
export function judge(server: Y.Doc, actor: Identity, edit: (doc: Y.Doc) => void): Refusal | null {
  const { changes, update } = changesMade(server, edit);
  const refusal = authorize(actor, changes, server);
  if (!refusal) Y.applyUpdate(server, update);
  return refusal;
}
