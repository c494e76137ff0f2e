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
 * - `server`: nobody but the server itself (`room.change`);
 * - `threads`: anyone starts a thread; its owner and the facilitator change its card;
 * - `threadNotes`: anyone links and unlinks notes to threads;
 * - `learnings`: anyone adds a learning as themselves; its writer and the facilitator change it;
 * - `editors`: the facilitator and the participants named narrative editors in `workshop`.
 * The rules themselves are plain functions in shared/domain/ (authorize.ts, processRules.ts).
 */
export type WriteRule = 'canvas' | 'facilitator' | 'server' | 'threads' | 'threadNotes' | 'learnings' | 'editors';

export const TOP_LEVEL = {
  /** tldraw document records (shapes, pages, bindings, assets, document). */
  records: 'records',
  /** Workshop facts shared live: title, language (Y.Map of JSON values). */
  workshop: 'workshop',
  /** Who joined: participant id → name and group, written when they join. */
  participants: 'participants',
  /** Gatherings of the process: id → Y.Map {title, place, date, pageId, order, archived}. */
  gatherings: 'gatherings',
  /**
   * What everyone follows now (Y.Map of JSON values): current gathering, step, timer, the
   * view shown to the room, the highlighted thread, the last "bring everyone here".
   */
  live: 'live',
  /** Threads: id → Y.Map {title, purpose, goal, owner, status, createdBy, createdAt}. */
  threads: 'threads',
  /** Links of notes to threads: `threadId/noteId` → {threadId, noteId, order, linkedBy}. */
  threadNotes: 'threadNotes',
  /** What was learned in a thread: id → {threadId, text, at, group, writer}. */
  learnings: 'learnings',
  /** The narrative: the rich-text editor's Y.XmlFragment (sections, passages, source marks). */
  narrative: 'narrative',
  /** Each weave of a thread into the narrative: passage id → {threadId, noteIds, at, dismissed}. */
  weaves: 'weaves',
  /** The agenda: step id → Y.Map {gatheringId, title, prompt, durationSec, order, frameId}. */
  steps: 'steps',
  /** Notes deleted lately, kept by the server for the facilitator to restore: note id → {record, deletedAt}. */
  trash: 'trash',
  /**
   * Dot votes: id → Y.Map {title, stepId, threadId, noteIds, budget, several, state, openedAt,
   * gatheringId, tally}. The facilitator writes all but `tally`, which the server writes at reveal.
   */
  votes: 'votes',
  /**
   * The facilitator's text of each gathering's report: gathering id → Y.Map {summary,
   * `goal:<n>`} of strings (shared/domain/reports.ts, checked by reportRules.ts).
   */
  reports: 'reports',
} as const;

/** A top-level name of the workshop document. */
export type TopLevelName = (typeof TOP_LEVEL)[keyof typeof TOP_LEVEL];

/** The write rule of every top-level type. */
export const WRITE_RULES: Readonly<Record<TopLevelName, WriteRule>> = {
  records: 'canvas',
  workshop: 'facilitator',
  participants: 'server',
  gatherings: 'facilitator',
  live: 'facilitator',
  threads: 'threads',
  threadNotes: 'threadNotes',
  learnings: 'learnings',
  narrative: 'editors',
  weaves: 'editors',
  steps: 'facilitator',
  trash: 'server',
  votes: 'facilitator',
  reports: 'facilitator',
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

/** Gatherings by id, each a Y.Map of JSON fields. */
export function gatheringsMapOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TOP_LEVEL.gatherings);
}

/** What everyone follows now. */
export function liveOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.live);
}

/** Threads by id, each a Y.Map of JSON fields (the card). */
export function threadsMapOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TOP_LEVEL.threads);
}

/** Note links of every thread, one JSON value per link. */
export function threadNotesOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.threadNotes);
}

/** Learnings of every thread, one JSON value per learning. */
export function learningsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.learnings);
}

/** The narrative's rich text, as the tiptap editor's Yjs binding keeps it. */
export function narrativeOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(TOP_LEVEL.narrative);
}

/** Weaves of threads into the narrative, by passage id. */
export function weavesOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.weaves);
}

/** The steps of every gathering, each a Y.Map of JSON fields. */
export function stepsMapOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TOP_LEVEL.steps);
}

/** Notes deleted lately, by note id (written by the server only). */
export function trashOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TOP_LEVEL.trash);
}

/** Dot votes by id, each a Y.Map of JSON fields. */
export function votesMapOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TOP_LEVEL.votes);
}

/** The facilitator's report texts by gathering id, each a Y.Map of strings. */
export function reportsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TOP_LEVEL.reports);
}
