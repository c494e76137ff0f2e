/**
 * How send times travel inside the payloads, so that light receivers can read them by
 * scanning bytes instead of decoding Yjs or JSON.
 *
 * Edits: the note text contains `⟨bt:<writer>:<seq>:<sendUs>⟩` in ASCII (`@@bt:…@@`). Yjs
 * stores strings as UTF-8 and every server re-encodes the same string, so the marker arrives
 * verbatim inside whatever update frame carries it, even when a server merges updates.
 * Cursors: the awareness state JSON has a `"bt":<sendUs>` field.
 */
const EDIT_OPEN = Buffer.from('@@bt:', 'latin1');
const EDIT_CLOSE = 0x40; // '@'
const CURSOR_KEY = Buffer.from('"bt":', 'latin1');

export function editMarker(writer: number, seq: number, sendUs: number): string {
  return `@@bt:${writer}:${seq}:${sendUs}@@`;
}

export interface EditSighting {
  writer: number;
  seq: number;
  sendUs: number;
}

/** Calls `seen` for every edit marker in `bytes[from, to)`. */
export function scanEdits(bytes: Buffer, from: number, to: number, seen: (e: EditSighting) => void): void {
  let at = bytes.indexOf(EDIT_OPEN, from);
  const sighting: EditSighting = { writer: 0, seq: 0, sendUs: 0 };
  while (at >= 0 && at < to) {
    let p = at + EDIT_OPEN.length;
    const fields = [0, 0, 0];
    let f = 0;
    for (; p < to && f < 3; p++) {
      const b = bytes[p];
      if (b >= 0x30 && b <= 0x39) fields[f] = fields[f] * 10 + (b - 0x30);
      else if (b === 0x3a) f++;
      else if (b === EDIT_CLOSE) {
        f++;
        break;
      } else break;
    }
    if (f === 3) {
      sighting.writer = fields[0];
      sighting.seq = fields[1];
      sighting.sendUs = fields[2];
      seen(sighting);
    }
    at = bytes.indexOf(EDIT_OPEN, p);
  }
}

/** The `"bt"` send time inside one awareness state's JSON bytes, or -1. */
export function cursorSendUs(bytes: Buffer, from: number, to: number): number {
  const at = bytes.indexOf(CURSOR_KEY, from);
  if (at < 0 || at >= to) return -1;
  let v = 0;
  let p = at + CURSOR_KEY.length;
  let digits = 0;
  for (; p < to; p++) {
    const b = bytes[p];
    if (b < 0x30 || b > 0x39) break;
    v = v * 10 + (b - 0x30);
    digits++;
  }
  return digits > 0 ? v : -1;
}
