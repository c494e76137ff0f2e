/**
 * A new id for something in the workshop document: a prefix and 16 random characters from
 * `crypto.getRandomValues`, which browsers give on plain HTTP too (a venue's local network),
 * unlike `crypto.randomUUID`.
 */
export function newId(prefix: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return `${prefix}:${id}`;
}
