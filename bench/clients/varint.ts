/**
 * The two lib0 primitives the light clients need, over a plain cursor, so reading a frame
 * header allocates nothing.
 */
export interface Cursor {
  pos: number;
}

/** lib0 varUint (7 bits per byte, little end first). Throws past the end. */
export function readVarUint(buf: Uint8Array, c: Cursor): number {
  let num = 0;
  let mult = 1;
  for (;;) {
    if (c.pos >= buf.length) throw new RangeError('varUint past end of frame');
    const r = buf[c.pos++];
    num += (r & 0x7f) * mult;
    if (r < 0x80) return num;
    mult *= 128;
    if (mult > 2 ** 53) throw new RangeError('varUint too long');
  }
}

export function writeVarUint(out: number[], value: number): void {
  let v = value;
  while (v > 0x7f) {
    out.push(0x80 | (v & 0x7f));
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Appends a lib0 varUint8Array (length then bytes). */
export function writeVarBytes(out: number[], bytes: Uint8Array): void {
  writeVarUint(out, bytes.length);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}

export function writeVarString(out: number[], s: string): void {
  writeVarBytes(out, Buffer.from(s, 'utf8'));
}
