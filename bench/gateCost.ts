import { randomBytes } from 'node:crypto';
import path from 'node:path';
import * as Y from 'yjs';
import { authorize } from '../shared/domain/authorize';
import { GROUPS } from '../shared/domain/groups';
import type { Identity } from '../shared/domain/identity';
import { changesOf, decodeUntrustedUpdate } from '../shared/validate/changes';
import { checkUpdate } from '../shared/validate/yUpdate';
import { type Author, noteRecord, noteText, writeNote } from './clients/noteRecord';

/**
 * What the gate costs per update, in process, without sockets or storage: the steps of
 * server/rooms/Room.ts applyUpdate that decide whether an update may be applied (decode,
 * structural check, changesOf, authorize with tldraw's record validation), on a board of
 * about 500 notes, against the check the server made before the gate (decode + structural
 * check). The load scenarios show what the gate costs a whole room; this shows it per update.
 */
export interface GateCostCase {
  name: string;
  /** Size of the update, in bytes. */
  updateBytes: number;
  iterations: number;
  /** decode + checkUpdate + changesOf + authorize. */
  gate: Timing;
  /** decode + checkUpdate: what the server checked before the gate. */
  preGate: Timing;
}

export interface Timing {
  /** The median too: on a shared machine a few preempted iterations can pull the mean above the p99. */
  p50Us: number;
  meanUs: number;
  p99Us: number;
}

export interface GateCost {
  notes: number;
  documentBytes: number;
  cases: GateCostCase[];
}

const PARTICIPANTS = 25;
const NOTES_PER_PARTICIPANT = 20;
const WARMUP_ITERATIONS = 500;

interface Participant extends Author {
  identity: Identity;
}

function participant(index: number): Participant {
  const group = GROUPS[index % GROUPS.length];
  const participantId = randomBytes(16).toString('base64url');
  return { participantId, group, identity: { role: 'participant', participantId, group, name: null } };
}

function noteId(owner: number, slot: number): string {
  return `shape:gate-p${owner}-n${slot}`;
}

/** A board of PARTICIPANTS × NOTES_PER_PARTICIPANT notes, each written by its author's own Yjs client. */
function board(people: Participant[]): Y.Doc {
  const doc = new Y.Doc();
  people.forEach((person, owner) => {
    const own = new Y.Doc();
    for (let slot = 0; slot < NOTES_PER_PARTICIPANT; slot++) {
      const index = `a${(owner * NOTES_PER_PARTICIPANT + slot + 10).toString(36)}`;
      writeNote(own, Y.Map, {
        id: noteId(owner, slot),
        x: 100 + slot * 220,
        y: 100 + owner * 240,
        index,
        text: noteText(`note ${owner}/${slot}`),
        author: person,
      });
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(own));
    own.destroy();
  });
  return doc;
}

/** The one update `change` makes on a participant's copy of the board (a fresh Yjs client, as a new tab is). */
function updateOf(server: Y.Doc, change: (records: Y.Map<Y.Map<unknown>>) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  let update: Uint8Array | null = null;
  copy.on('update', (u: Uint8Array) => {
    update = u;
  });
  copy.transact(() => change(copy.getMap<Y.Map<unknown>>('records')));
  copy.destroy();
  if (update === null) throw new Error('the change made no update');
  return update;
}

function gateSteps(doc: Y.Doc, actor: Identity, update: Uint8Array): void {
  const decoded = decodeUntrustedUpdate(update);
  const rejection = checkUpdate(doc, decoded);
  if (rejection !== null) throw new Error(`checkUpdate refused the update: ${rejection}`);
  const refusal = authorize(actor, changesOf(doc, decoded), doc);
  if (refusal !== null) throw new Error(`authorize refused the update: ${refusal.reason} ${refusal.detail ?? ''}`);
}

function preGateSteps(doc: Y.Doc, update: Uint8Array): void {
  const rejection = checkUpdate(doc, decodeUntrustedUpdate(update));
  if (rejection !== null) throw new Error(`checkUpdate refused the update: ${rejection}`);
}

function timingOf(samplesNs: Float64Array): Timing {
  const sorted = Float64Array.from(samplesNs).sort();
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i];
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50Us: at(0.5) / 1000, meanUs: total / sorted.length / 1000, p99Us: at(0.99) / 1000 };
}

/** Times both checks of one update, interleaved so that both meet the same noise. */
function measure(name: string, doc: Y.Doc, actor: Identity, update: Uint8Array, iterations: number): GateCostCase {
  // Refused updates would time an early exit, not the gate: check once, loudly.
  gateSteps(doc, actor, update);
  for (let i = 0; i < WARMUP_ITERATIONS; i++) {
    gateSteps(doc, actor, update);
    preGateSteps(doc, update);
  }
  const gate = new Float64Array(iterations);
  const preGate = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    gateSteps(doc, actor, update);
    const t1 = process.hrtime.bigint();
    preGateSteps(doc, update);
    const t2 = process.hrtime.bigint();
    gate[i] = Number(t1 - t0);
    preGate[i] = Number(t2 - t1);
  }
  return { name, updateBytes: update.length, iterations, gate: timingOf(gate), preGate: timingOf(preGate) };
}

export function measureGateCost(iterations: number): GateCost {
  const people = Array.from({ length: PARTICIPANTS }, (_, i) => participant(i));
  const doc = board(people);
  const me = people[0];
  const retype = updateOf(doc, (records) => {
    records.get(noteId(0, 3))?.set('props', noteRecord({
      id: noteId(0, 3), x: 0, y: 0, index: 'a0', text: noteText('@@bt:0:1:1@@'), author: me,
    }).props);
  });
  const move = updateOf(doc, (records) => {
    const other = records.get(noteId(7, 5));
    other?.set('x', 1234.5);
    other?.set('y', 678.25);
  });
  const create = updateOf(doc, (records) => {
    const id = 'shape:gate-new';
    const record = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(noteRecord({ id, x: 40, y: 40, index: 'a0V', text: noteText('new'), author: me }))) {
      record.set(k, v);
    }
    records.set(id, record);
  });
  const cases = [
    measure('retype own note (~200 chars)', doc, me.identity, retype, iterations),
    measure("move another's note", doc, me.identity, move, iterations),
    measure('create a note', doc, me.identity, create, iterations),
  ];
  return { notes: PARTICIPANTS * NOTES_PER_PARTICIPANT, documentBytes: Y.encodeStateAsUpdate(doc).length, cases };
}

const fmt = (v: number): string => v.toFixed(1);

export function gateCostTable(cost: GateCost): string[][] {
  return cost.cases.map((c) => [
    c.name,
    String(c.updateBytes),
    fmt(c.gate.p50Us),
    fmt(c.gate.meanUs),
    fmt(c.gate.p99Us),
    fmt(c.preGate.p50Us),
    fmt(c.preGate.meanUs),
    fmt(c.preGate.p99Us),
    `${(c.gate.p50Us / c.preGate.p50Us).toFixed(1)}×`,
  ]);
}

export const GATE_COST_HEADER = [
  'update', 'bytes', 'gate p50 µs', 'gate mean µs', 'gate p99 µs',
  'pre-gate p50 µs', 'pre-gate mean µs', 'pre-gate p99 µs', 'gate/pre-gate p50',
];

// Run directly (`npx tsx bench/gateCost.ts`): measure and print.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  const cost = measureGateCost(5000);
  process.stdout.write(`${cost.notes} notes, document ${cost.documentBytes} bytes\n`);
  for (const row of [GATE_COST_HEADER, ...gateCostTable(cost)]) process.stdout.write(row.join(' | ') + '\n');
}
