import type * as Y from 'yjs';

/**
 * The only file that names the workshop document's top-level types, each with who may write
 * it. One Y.Doc per workshop holds everything; every other module reaches the document
 * through these accessors, and the server refuses any change to a name not listed here.
 *
 * Canvas records use the "Y.Map per record" layout: `records` maps a tldraw record id to a
 * Y.Map whose entries are the record's top-level fields (props and meta stored as plain JSON
 * values). Two people changing different fields of one note both keep their change, at
 * about +29 % size over one JSON value per record (measured, see DESIGN.md).
 */

/**
 * Who may write a top-level type:
 * - `canvas`: per record, by the canvas rules (shared/domain/canvasRules.ts);
 * - `facilitator`: the facilitator only;
 * - `server`: nobody but the server itself (`room.change`).
 */
export type WriteRule = 'canvas' | 'facilitator' | 'server';

export const TOP_LEVEL = {
  /** tldraw document records (shapes, pages, bindings, assets, document). */
  records: 'records',
  /** Workshop facts shared live: title, language (Y.Map of JSON values). */
  workshop: 'workshop',
  /** Who joined: participant id → name and group, written when they join. */
  participants: 'participants',
} as const;

/** A top-level name of the workshop document. */
export type TopLevelName = (typeof TOP_LEVEL)[keyof typeof TOP_LEVEL];

/** The write rule of every top-level type. */
export const WRITE_RULES: Readonly<Record<TopLevelName, WriteRule>> = {
  records: 'canvas',
  workshop: 'facilitator',
  participants: 'server',
};

/** The write rule of a top-level name, or undefined when the document has no such type. */
export function writeRuleOf(name: string): WriteRule | undefined {
  return Object.prototype.hasOwnProperty.call(WRITE_RULES, name) ? WRITE_RULES[name as TopLevelName] : undefined;
}

/** tldraw document records, one Y.Map of fields per record id. */
export function recordsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TOP_LEVEL.records);
}

/** Live workshop facts. */
export function workshopOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.workshop);
}

/** Participants who joined, by id. */
export function participantsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.participants);
}
