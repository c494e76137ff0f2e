import type * as Y from 'yjs';

/**
 * The only file that names the workshop document's top-level types. One Y.Doc per workshop
 * holds everything; every other module reaches the document through these accessors.
 *
 * Canvas records use the "Y.Map per record" layout: `records` maps a tldraw record id to a
 * Y.Map whose entries are the record's top-level fields (props and meta stored as plain JSON
 * values). Two people changing different fields of one note both keep their change, at
 * about +29 % size over one JSON value per record (measured, see DESIGN.md).
 */
export const TOP_LEVEL = {
  /** tldraw document records (shapes, pages, bindings, assets, document). */
  records: 'records',
  /** Workshop facts shared live: title, language (Y.Map of JSON values). */
  workshop: 'workshop',
} as const;

/** tldraw document records, one Y.Map of fields per record id. */
export function recordsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TOP_LEVEL.records);
}

/** Live workshop facts. */
export function workshopOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.workshop);
}
