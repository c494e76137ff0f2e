import { createTLSchema } from '@tldraw/tlschema';

/**
 * Checks of canvas records from untrusted clients with tldraw's own validators: the schema of
 * the same @tldraw/tlschema version the client's editor runs, with its default shapes and
 * bindings (the board adds none of its own yet).
 */
const schema = createTLSchema();

/** Record types that belong in the shared document (not cameras, pointers or presence). */
const DOCUMENT_TYPES: ReadonlySet<string> = new Set(
  Object.values(schema.types)
    .filter((type) => type.scope === 'document')
    .map((type) => type.typeName),
);

/**
 * Validates a record as tldraw would on loading it. Returns null when valid, else a short
 * reason that never quotes the record's content.
 */
export function recordProblem(id: string, record: Record<string, unknown>, before: Record<string, unknown> | null): string | null {
  if (record.id !== id) return 'id does not match its key';
  const typeName = record.typeName;
  if (typeof typeName !== 'string' || !DOCUMENT_TYPES.has(typeName)) return 'not a document record type';
  const type = schema.types[typeName as keyof typeof schema.types];
  try {
    type.validate(record, (before ?? undefined) as never);
    return null;
  } catch (error) {
    // tldraw's messages name the failing path (e.g. "At shape(type = note).props.color"), not values.
    return error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'invalid record';
  }
}
