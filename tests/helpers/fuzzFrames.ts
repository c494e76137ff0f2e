import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { recordsOf } from '../../shared/schema';
import { addNote, deleteRecord, moveNote, setNoteText } from './board';
import { awarenessFrame, awarenessUpdate, HUGE_VARUINT, QUERY_AWARENESS_FRAME, syncStep1Frame, syncStep2Frame, updateFrame } from './frames';

/**
 * A fuzzer's own history of edits, all of which end up deleted, with its clock pushed far
 * ahead. Once applied to the workshop (by the facilitator: they are real note records the
 * gate allows), re-sending any of them changes nothing, and a mutated copy can neither
 * extend the history (a gap) nor delete anything still visible.
 */
export interface FuzzHistory {
  /** Every update of the history, in order (apply them all before fuzzing). */
  updates: Uint8Array[];
  /** Valid frames to mutate (updates not starting at clock 0, state vectors, presence). */
  bases: Uint8Array[];
}

/** Field writes of one note at the end, to push the fuzzer's clock far ahead. */
const CLOCK_PUSH = 20_000;

/** Builds the fuzzer's history (see {@link FuzzHistory}). */
export function fuzzHistory(): FuzzHistory {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const ids = ['shape:fuzz-1', 'shape:fuzz-2', 'shape:fuzz-3'];
  addNote(doc, ids[0], 'first', null);
  for (let i = 0; i < 12; i++) {
    const id = ids[i % ids.length];
    if (!recordsOf(doc).has(id)) addNote(doc, id, `value ${i}`, null, 10 * i, 20 * i);
    else if (i % 2 === 0) setNoteText(doc, id, `Threads braided into one narrative ${i} æøå`);
    else moveNote(doc, id, 10 * i, 20 * i);
  }
  // Everything deleted again…
  doc.transact(() => {
    for (const id of ids) deleteRecord(doc, id);
  });
  // …and the clock pushed far ahead, so a mutated clock lands in known history or in a gap.
  doc.transact(() => {
    addNote(doc, 'shape:fuzz-clock', '', null);
    const fields = recordsOf(doc).get('shape:fuzz-clock');
    for (let i = 0; i < CLOCK_PUSH; i++) fields?.set('x', i);
    deleteRecord(doc, 'shape:fuzz-clock');
  });

  const firstHasClockZero = (update: Uint8Array): boolean =>
    Y.decodeUpdate(update).structs.some((s) => s.id.clock === 0);
  const updateBases = updates.filter((u) => !firstHasClockZero(u) && u.length < 2_000);
  const presence = [
    awarenessUpdate(900_001, 5, JSON.stringify({ cursor: { x: 10, y: 20 }, user: { name: 'Fuzz', color: '#e16919' } })),
    awarenessUpdate(900_002, 9, '{}'),
    awarenessUpdate(900_003, 2, 'null'),
  ];
  const bases = [
    ...updateBases.flatMap((u) => [updateFrame(u), syncStep2Frame(u)]),
    ...unlistedTypeUpdates().flatMap((u) => [updateFrame(u), syncStep2Frame(u)]),
    syncStep1Frame(Y.encodeStateVector(doc)),
    syncStep1Frame(new Uint8Array([0])),
    ...presence.map((p) => awarenessFrame(p)),
    QUERY_AWARENESS_FRAME,
  ];
  return { updates, bases };
}

/**
 * Updates of every kind of Yjs content (text with formatting, lists, binary, nested maps)
 * under top-level names the workshop document does not have: never applied, the gate
 * refuses them, but their mutations reach every decoder.
 */
function unlistedTypeUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const map = doc.getMap('fuzz');
  const text = doc.getText('fuzz-text');
  const list = doc.getArray<unknown>('fuzz-list');
  map.set('first', 'first');
  for (let i = 0; i < 4; i++) map.set(`key-${i}`, { n: i, label: `value ${i}`, tags: ['a', 'b'] });
  text.insert(0, 'Threads braided into one narrative');
  text.format(0, 7, { bold: true });
  text.insert(8, 'æøå ');
  list.push([1, 'two', { three: 3 }, new Uint8Array([4, 4])]);
  const nested = new Y.Map<unknown>();
  map.set('nested', nested);
  nested.set('inner', 'x');
  doc.transact(() => {
    for (const key of [...map.keys()]) map.delete(key);
    text.delete(0, text.length);
  });
  return updates.filter((u) => u.length < 2_000);
}

function varUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

function splice(frame: Uint8Array, at: number, remove: number, insert: ArrayLike<number>): Uint8Array {
  const position = frame.length === 0 ? 0 : at % (frame.length + 1);
  return new Uint8Array([...frame.subarray(0, position), ...Array.from(insert), ...frame.subarray(position + remove)]);
}

/** A frame to send: bytes (binary frame) or a string (text frame). */
export type FuzzFrame = Uint8Array | string;

/** Random and mutated y-websocket frames around the given valid bases. */
export function fuzzFrameArbitrary(bases: Uint8Array[]): fc.Arbitrary<FuzzFrame> {
  const base = fc.constantFrom(...bases);
  const position = fc.nat({ max: 4_096 });
  const hugeLengths = fc.constantFrom(
    HUGE_VARUINT,
    [0xff, 0xff, 0xff, 0xff, 0x0f],
    [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
    [0xff, 0xff, 0xff, 0x7f],
    [0xff, 0xff, 0x03],
  );
  const bitFlip = fc.tuple(base, position, fc.integer({ min: 0, max: 7 })).map(([frame, at, bit]) => {
    const copy = frame.slice();
    if (copy.length > 0) copy[at % copy.length] ^= 1 << bit;
    return copy;
  });
  const overwrite = fc
    .tuple(base, fc.array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }))
    .map(([frame, edits]) => {
      const copy = frame.slice();
      for (const [at, value] of edits) if (copy.length > 0) copy[at % copy.length] = value;
      return copy;
    });
  const truncate = fc.tuple(base, position).map(([frame, at]) => frame.slice(0, frame.length === 0 ? 0 : at % frame.length));
  const hugeLength = fc.tuple(base, position, hugeLengths, fc.integer({ min: 0, max: 3 })).map(([frame, at, huge, remove]) => splice(frame, at, remove, huge));
  const insertBytes = fc.tuple(base, position, fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([frame, at, bytes]) => splice(frame, at, 0, bytes));
  const concatenated = fc.tuple(base, base).map(([a, b]) => new Uint8Array([...a, ...b]));
  const randomBytes = fc.uint8Array({ minLength: 0, maxLength: 256 });
  const structured = fc
    .tuple(fc.constantFrom(0, 1, 2, 3, 4, 127, 128), fc.integer({ min: 0, max: 5 }), fc.uint8Array({ maxLength: 64 }), fc.boolean())
    .map(([type, sub, body, lie]) => {
      const length = lie ? varUint(body.length + 1 + (body[0] ?? 0) * 1_000) : varUint(body.length);
      return type === 0 ? new Uint8Array([type, sub, ...length, ...body]) : new Uint8Array([...varUint(type), ...length, ...body]);
    });
  const textFrame = fc.string({ maxLength: 64 });
  return fc.oneof(
    { arbitrary: bitFlip, weight: 4 },
    { arbitrary: overwrite, weight: 3 },
    { arbitrary: truncate, weight: 2 },
    { arbitrary: hugeLength, weight: 2 },
    { arbitrary: insertBytes, weight: 2 },
    { arbitrary: concatenated, weight: 1 },
    { arbitrary: randomBytes, weight: 2 },
    { arbitrary: structured, weight: 2 },
    { arbitrary: textFrame, weight: 1 },
  );
}
