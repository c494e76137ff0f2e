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
 * reason that never quotes the record's content (safe for logs).
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
    return failedField(error, record);
  }
}

/**
 * Which top-level field failed, for logs. tldraw's messages quote the values and unknown keys
 * they met, which can be a person's text, so only a field the record really has is named.
 */
function failedField(error: unknown, record: Record<string, unknown>): string {
  const path = error instanceof Error ? /^At [^.]*\.([A-Za-z]+)/.exec(error.message)?.[1] : undefined;
  return path && Object.prototype.hasOwnProperty.call(record, path) && KNOWN_FIELDS.has(path) ? `invalid ${path}` : 'invalid record';
}

/** Field names of tldraw's document records that may appear in logs. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  'id', 'typeName', 'type', 'x', 'y', 'rotation', 'index', 'parentId', 'isLocked', 'opacity', 'props', 'meta', 'name',
  'fromId', 'toId', 'color', 'imageUrl', 'gridSize', 'w', 'h',
]);
