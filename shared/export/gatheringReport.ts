import * as Y from 'yjs';
import { gatheringOf, gatheringOfNote, type Gathering } from '../domain/gatherings';
import { groupName } from '../domain/groupNames';
import { GROUPS, type Group } from '../domain/groups';
import type { Language } from '../domain/languages';
import { readNarrative } from '../domain/narrative';
import type { ProcessNote } from '../domain/notes';
import { reportTextOf } from '../domain/reports';
import { isCollectedBefore } from '../domain/statements';
import { stepsOf, type Step } from '../domain/steps';
import { reportGoalsOf } from '../domain/templates';
import { threadsOf } from '../domain/threads';
import { recordsOf } from '../schema';
import type { Block, ExportDocument, Quote } from './exportDocument';
import { groupOf, paragraphsOf, weaveFigureOf } from './exportParts';
import { exportWords, formatDay, type ExportWords } from './exportWords';
import { threadBlocks, voteBlocks } from './reportParts';
import { currentFacts, dotsByNote, exportedNotes, type WorkshopFacts } from './workshopJson';

/**
 * One gathering's report: the facilitator's summary (and, with report goals, the text per
 * goal), each step with its notes grouped by stakeholder group, the revealed votes' results
 * per group, the threads it touched, and the weave. Null when there is no such gathering.
 */
export function gatheringReport(doc: Y.Doc, stored: WorkshopFacts, gatheringId: string, now = Date.now()): ExportDocument | null {
  const gathering = gatheringOf(doc, gatheringId);
  if (!gathering) return null;
  const { title: workshopTitle, language } = currentFacts(doc, stored);
  const words = exportWords(language);
  const notes = exportedNotes(doc);
  const here = notes.filter((note) => gatheringOfNote(doc, note)?.id === gathering.id);
  const context: ReportContext = { doc, language, words, dots: dotsByNote(doc) };

  const blocks: Block[] = [...summaryBlocks(doc, gathering.id, words)];
  const steps = stepsOf(doc, gathering.id);
  const byStep = notesByStep(doc, here, steps);
  if (steps.length === 0) blocks.push({ kind: 'remark', text: words.noSteps });
  for (const step of steps) {
    blocks.push({ kind: 'heading', level: 2, text: step.title });
    if (step.prompt.trim()) blocks.push({ kind: 'fields', fields: [{ label: words.prompt, value: step.prompt.trim() }] });
    blocks.push(...groupedNotes(byStep.get(step.id) ?? [], context));
  }
  const other = byStep.get(null) ?? [];
  if (other.length > 0) blocks.push({ kind: 'heading', level: 2, text: words.otherNotes }, ...groupedNotes(other, context));
  blocks.push(...voteBlocks(doc, gathering.id, notes, words, language));
  const threads = threadsOf(doc);
  blocks.push(...threadBlocks(threads, gathering.id, here, (note) => quoteOf(note, context), language, words));
  const figure = weaveFigureOf(doc, notes, threads, readNarrative(doc).sections, language, words);
  if (figure.weave.strands.length > 0) blocks.push({ kind: 'heading', level: 2, text: words.weave }, { kind: 'weave', figure });

  return {
    kind: 'report',
    language,
    title: gathering.title,
    subtitle: subtitleOf(workshopTitle, gathering, now, language, words),
    blocks,
    footnotes: [],
    labels: { footnotes: words.footnotes, page: words.page, weaveDescription: words.weaveDescription },
  };
}

interface ReportContext {
  doc: Y.Doc;
  language: Language;
  words: ExportWords;
  dots: ReadonlyMap<string, number>;
}

/** "Vision for Sermersooq · Nuuk · 12. marts 2025 · Rapport · Eksporteret 2. april 2025". */
function subtitleOf(workshopTitle: string, gathering: Gathering, now: number, language: Language, words: ExportWords): string {
  const place = gathering.place?.trim();
  const parts = [workshopTitle.trim(), place && place !== gathering.title.trim() ? place : '', gathering.date ? formatDay(gathering.date, language) : ''];
  return [...parts.filter(Boolean), words.report, `${words.exported} ${formatDay(now, language)}`].join(' · ');
}

/** The facilitator's summary, and with report goals each goal with its text (or that none is written yet). */
function summaryBlocks(doc: Y.Doc, gatheringId: string, words: ExportWords): Block[] {
  const text = reportTextOf(doc, gatheringId);
  const blocks: Block[] = [];
  const summary = paragraphsOf(text.summary);
  if (summary.length > 0) blocks.push({ kind: 'heading', level: 2, text: words.summary }, ...summary);
  const goals = reportGoalsOf(doc);
  if (goals.length === 0) return blocks;
  blocks.push({ kind: 'heading', level: 2, text: words.goalsResult });
  goals.forEach((goal, index) => {
    const written = paragraphsOf(text.goalSummaries[index] ?? '');
    blocks.push({ kind: 'heading', level: 3, text: goal }, ...(written.length > 0 ? written : [{ kind: 'remark' as const, text: words.nothingWritten }]));
  });
  return blocks;
}

/**
 * The gathering's notes by the step whose frame holds them (through any group or frame
 * inside it); notes outside every step's frame under null. Each list in board order: top to
 * bottom, then left to right.
 */
function notesByStep(doc: Y.Doc, notes: readonly ProcessNote[], steps: readonly Step[]): Map<string | null, ProcessNote[]> {
  const records = recordsOf(doc);
  const stepOfFrame = new Map(steps.flatMap((step) => (step.frameId ? [[step.frameId, step.id] as const] : [])));
  const field = (id: string, name: string): unknown => {
    const record = records.get(id);
    return record instanceof Y.Map ? record.get(name) : undefined;
  };
  const stepOfNote = (id: string): string | null => {
    let current = field(id, 'parentId');
    for (let depth = 0; depth < 64 && typeof current === 'string' && current.startsWith('shape:'); depth++) {
      const stepId = stepOfFrame.get(current);
      if (stepId) return stepId;
      current = field(current, 'parentId');
    }
    return null;
  };
  const position = (id: string): [number, number] => {
    const x = field(id, 'x');
    const y = field(id, 'y');
    return [typeof y === 'number' ? y : 0, typeof x === 'number' ? x : 0];
  };
  const sorted = [...notes].sort((a, b) => {
    const [ay, ax] = position(a.id);
    const [by, bx] = position(b.id);
    return ay - by || ax - bx || (a.id < b.id ? -1 : 1);
  });
  const byStep = new Map<string | null, ProcessNote[]>();
  for (const note of sorted) {
    const stepId = stepOfNote(note.id);
    byStep.set(stepId, [...(byStep.get(stepId) ?? []), note]);
  }
  return byStep;
}

/** A note as a quote of a report: its group (and whether it was collected beforehand, and where), and its dots. */
function quoteOf(note: ProcessNote, { doc, language, words, dots }: ReportContext): Quote {
  const meta = recordsOf(doc).get(note.id)?.get('meta');
  const parts = [groupOf(note, language, words)];
  if (isCollectedBefore(meta)) {
    parts.push(words.collectedBefore);
    const place = (meta as { place?: unknown }).place;
    if (typeof place === 'string' && place.trim()) parts.push(place.trim());
  }
  const given = dots.get(note.id);
  const quote: Quote = { text: note.text, source: parts.join(', ') };
  // Dots only where some were given: a note nobody chose reads as a plain quote.
  return given ? { ...quote, dots: given } : quote;
}

/** Notes under a heading per stakeholder group ("Borger (2)"), in the groups' order; those of no group last. */
function groupedNotes(notes: readonly ProcessNote[], context: ReportContext): Block[] {
  if (notes.length === 0) return [{ kind: 'remark', text: context.words.noNotes }];
  const order: Array<Group | null> = [...GROUPS, null];
  return order.flatMap((group): Block[] => {
    const inGroup = notes.filter((note) => note.group === group);
    if (inGroup.length === 0) return [];
    const unknown = context.words.unknownGroup;
    const name = group ? groupName(group, context.language) : `${unknown.charAt(0).toLocaleUpperCase()}${unknown.slice(1)}`;
    return [
      { kind: 'heading', level: 3, text: `${name} (${inGroup.length})` },
      { kind: 'quotes', quotes: inGroup.map((note) => quoteOf(note, context)) },
    ];
  });
}
