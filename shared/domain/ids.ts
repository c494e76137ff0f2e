import { getIndexAbove, getIndexBetween, getIndicesBetween, type IndexKey } from '@tldraw/utils';

/**
 * Names and order keys for things in the workshop document: ids, and the fractional index
 * strings (as tldraw orders shapes) that order gatherings and the notes of a thread, so two
 * people reordering never duplicate or lose an item.
 */

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Bytes at or above this would favour the alphabet's first letters; they are drawn again. */
const UNBIASED_BYTES = 256 - (256 % ID_ALPHABET.length);
const ID_CHARS = 16;

/**
 * A new id for something in the workshop document: a prefix and 16 random characters from
 * `crypto.getRandomValues`, which browsers give on plain HTTP too (a venue's local network),
 * unlike `crypto.randomUUID`.
 */
export function newId(prefix: string): string {
  let id = '';
  while (id.length < ID_CHARS) {
    for (const byte of crypto.getRandomValues(new Uint8Array(ID_CHARS))) {
      if (byte < UNBIASED_BYTES && id.length < ID_CHARS) id += ID_ALPHABET[byte % ID_ALPHABET.length];
    }
  }
  return `${prefix}:${id}`;
}

const DIGITS = /^[0-9A-Za-z]+$/;

/** True when `value` is a fractional index key that tldraw's functions accept, of at most `maxChars`. */
export function isOrderKey(value: unknown, maxChars = Number.POSITIVE_INFINITY): value is string {
  if (typeof value !== 'string' || value.length < 2 || value.length > maxChars || !DIGITS.test(value)) return false;
  const head = value.charCodeAt(0);
  // The head letter says how many digits the integer part has: a→1 … z→26, Z→1 … A→26.
  let integerDigits: number;
  if (head >= 97 && head <= 122) integerDigits = head - 96;
  else if (head >= 65 && head <= 90) integerDigits = 91 - head;
  else return false;
  if (value.length < integerDigits + 1) return false;
  // A fraction never ends in zero (it would equal the shorter key), and the smallest
  // integer has no key below it.
  if (value.length > integerDigits + 1 && value.endsWith('0')) return false;
  return value !== `A${'0'.repeat(26)}`;
}

const ORDER_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ORDER_JITTER_CHARS = 4;

/** A few random order digits, the last never zero (a key's fraction never ends in zero). */
function orderJitter(): string {
  let jitter = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(ORDER_JITTER_CHARS))) jitter += ORDER_DIGITS[byte % ORDER_DIGITS.length];
  return jitter.endsWith('0') ? `${jitter.slice(0, -1)}1` : jitter;
}

/**
 * `count` order keys after `last`, close together behind one random start: two people who
 * append at once each keep their items together and in the order they gave them.
 */
export function orderKeysAfter(last: string | null, count: number): string[] {
  if (count <= 0) return [];
  // tldraw's keys are random in browsers but not under test; the start is made random here,
  // so that two starts computed from the same last key differ everywhere.
  const first = `${getIndexAbove(isOrderKey(last) ? (last as IndexKey) : null)}${orderJitter()}`;
  // Every key between `first` and `first + "1"` starts with `first`: another person's start,
  // random too, is almost surely not among them.
  return [first, ...getIndicesBetween(first as IndexKey, `${first}1` as IndexKey, count - 1)];
}

/**
 * New order keys when the item at `from` of a list in `orders` (ascending) moves to position
 * `to`: one key for the moved item, or, when its new neighbours leave no room (equal keys
 * from concurrent additions, keys that are not valid, or a key longer than `maxChars`), keys
 * for the whole list. Maps an item's position in `orders` to its new key.
 */
export function ordersForMove(orders: readonly string[], from: number, to: number, maxChars = Number.POSITIVE_INFINITY): Map<number, string> {
  const others = orders.map((_, index) => index).filter((index) => index !== from);
  const below = to > 0 ? orders[others[to - 1]] : undefined;
  const above = to < others.length ? orders[others[to]] : undefined;
  const roomy = (below === undefined || isOrderKey(below)) && (above === undefined || isOrderKey(above)) && (below === undefined || above === undefined || below < above);
  if (roomy) {
    const key = getIndexBetween((below as IndexKey | undefined) ?? null, (above as IndexKey | undefined) ?? null);
    if (key.length <= maxChars) return new Map([[from, key]]);
  }
  const sequence = [...others.slice(0, to), from, ...others.slice(to)];
  const keys = getIndicesBetween(null, null, sequence.length);
  return new Map(sequence.map((index, position) => [index, keys[position]]));
}
