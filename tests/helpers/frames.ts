import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/outgoing';

export { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame };

/** The query-awareness frame; the server answers it when anyone is present (a cheap probe). */
export const QUERY_AWARENESS_FRAME = new Uint8Array([3]);

/** Encodes bytes with lib0's encoder (a small builder for crafted payloads). */
export function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** An awareness update with one entry whose state is the given raw string. */
export function awarenessUpdate(clientId: number, clock: number, state: string): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  });
}

/** Bytes of a varUint that claims about 2^53 (lib0 issue 42: lengths claiming gigabytes). */
export const HUGE_VARUINT = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f];

/** Info byte of a struct: content ref in the low bits, "has origin" / "has right origin" flags. */
const INFO_STRING = 4;
const INFO_ANY = 8;
const INFO_TYPE = 7;
const BIT_ORIGIN = 0x80;

/** One-struct update header: one client, one struct, at (client, clock). */
function oneStruct(e: encoding.Encoder, client: number, clock: number): void {
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
}

/** Root parent "fuzz" (parentInfo = 1, then the key). */
function rootParent(e: encoding.Encoder): void {
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, 'fuzz');
}

const EMPTY_DELETE_SET = (e: encoding.Encoder): void => encoding.writeVarUint(e, 0);

/**
 * Names of crafted updates that an honest client can also produce (an edit that continues
 * state the server does not have yet): the server drops them and asks for the missing state
 * instead of closing the socket.
 */
export const RESYNC_NOT_CLOSE = new Set(['struct far ahead of the document (a gap)', 'delete beyond what the document holds']);

/**
 * Crafted Yjs updates of the kinds known to make decoders loop or allocate without bound
 * (reconstructions of the ideas in yjs issues 479, 498, 687 and lib0 issue 42). Each is a
 * complete sync-update frame; none may change the document. Each closes the socket, except
 * those named in {@link RESYNC_NOT_CLOSE}.
 */
export function craftedFrames(victimClient: number): Array<{ name: string; frame: Uint8Array }> {
  const crafted: Array<{ name: string; update: Uint8Array }> = [
    { name: 'client count of 2^53', update: new Uint8Array([...HUGE_VARUINT]) },
    { name: 'struct count of 2^53', update: new Uint8Array([1, ...HUGE_VARUINT, 1, 0]) },
    {
      name: 'string content claiming 2 GiB',
      update: build((e) => {
        oneStruct(e, 7, 0);
        encoding.writeUint8(e, INFO_STRING);
        rootParent(e);
        encoding.writeVarUint(e, 0x7fffffff);
        encoding.writeUint8Array(e, new Uint8Array([0x61, 0x62]));
      }),
    },
    {
      name: 'any-array content claiming 2^31 elements',
      update: build((e) => {
        oneStruct(e, 7, 0);
        encoding.writeUint8(e, INFO_ANY);
        rootParent(e);
        encoding.writeVarUint(e, 0x7fffffff);
        encoding.writeUint8(e, 119);
        encoding.writeVarString(e, 'x');
      }),
    },
    {
      name: 'any content nested 60,000 deep',
      update: build((e) => {
        oneStruct(e, 7, 0);
        encoding.writeUint8(e, INFO_ANY);
        rootParent(e);
        encoding.writeVarUint(e, 1);
        for (let i = 0; i < 60_000; i++) {
          encoding.writeUint8(e, 117); // array of…
          encoding.writeVarUint(e, 1); // …one element
        }
        encoding.writeUint8(e, 126); // null
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'struct whose origin is itself',
      update: build((e) => {
        oneStruct(e, 7, 0);
        encoding.writeUint8(e, INFO_STRING | BIT_ORIGIN);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, 'loop');
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'two clients whose structs point at each other',
      update: build((e) => {
        encoding.writeVarUint(e, 2);
        for (const [client, other] of [[8, 9], [9, 8]]) {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, client);
          encoding.writeVarUint(e, 0);
          encoding.writeUint8(e, INFO_STRING | BIT_ORIGIN);
          encoding.writeVarUint(e, other);
          encoding.writeVarUint(e, 0);
          encoding.writeVarString(e, 'cycle');
        }
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'struct at a clock near 2^53',
      update: build((e) => {
        oneStruct(e, 7, 2 ** 53 - 2);
        encoding.writeUint8(e, INFO_STRING);
        rootParent(e);
        encoding.writeVarString(e, 'late');
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'garbage-collected range of 2^52',
      update: build((e) => {
        oneStruct(e, 7, 0);
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, 2 ** 52);
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'struct far ahead of the document (a gap)',
      update: build((e) => {
        oneStruct(e, victimClient, 1_000_000);
        encoding.writeUint8(e, INFO_STRING);
        rootParent(e);
        encoding.writeVarString(e, 'ahead');
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'type content with an unknown type ref',
      update: build((e) => {
        oneStruct(e, 7, 0);
        encoding.writeUint8(e, INFO_TYPE);
        rootParent(e);
        encoding.writeVarUint(e, 99);
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'unknown content ref',
      update: build((e) => {
        oneStruct(e, 7, 0);
        encoding.writeUint8(e, 31);
        rootParent(e);
        EMPTY_DELETE_SET(e);
      }),
    },
    {
      name: 'delete of an enormous range of another client',
      update: build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, victimClient);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2 ** 52);
      }),
    },
    {
      name: 'delete beyond what the document holds',
      update: build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, victimClient);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 1_000_000);
        encoding.writeVarUint(e, 5);
      }),
    },
    {
      name: 'delete set with a client count of 2^53',
      update: new Uint8Array([0, ...HUGE_VARUINT]),
    },
    {
      name: 'subdocument content',
      update: (() => {
        const doc = new Y.Doc();
        doc.getMap('fuzz').set('sub', new Y.Doc());
        return Y.encodeStateAsUpdate(doc);
      })(),
    },
  ];
  const frames = crafted.map(({ name, update }) => ({ name, frame: updateFrame(update) }));
  return [
    ...frames,
    { name: 'sync frame whose payload claims 2^53 bytes', frame: new Uint8Array([0, 2, ...HUGE_VARUINT, 1, 2, 3]) },
    { name: 'awareness frame whose payload claims 2^53 bytes', frame: new Uint8Array([1, ...HUGE_VARUINT, 1]) },
    { name: 'awareness count of 2^53', frame: awarenessFrame(new Uint8Array([...HUGE_VARUINT, 1, 1, 2, 0x7b, 0x7d])) },
    { name: 'awareness state claiming 2 GiB', frame: awarenessFrame(build((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint(e, 5); encoding.writeVarUint(e, 1); encoding.writeVarUint(e, 0x7fffffff); encoding.writeUint8(e, 0x7b); })) },
    { name: 'awareness state that is not JSON', frame: awarenessFrame(awarenessUpdate(5, 1, '{"cursor":')) },
    { name: 'state vector claiming 2^53 clients', frame: syncStep1Frame(new Uint8Array([...HUGE_VARUINT, 1])) },
    { name: 'sync step 2 with a self-referencing struct', frame: syncStep2Frame(crafted[5].update) },
  ];
}
