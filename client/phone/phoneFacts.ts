import type * as Y from 'yjs';
import { currentGatheringId, gatheringOf } from '../../shared/domain/gatherings';
import { processNotesOf } from '../../shared/domain/notes';
import { currentStep, stepsOf, type Step } from '../../shared/domain/steps';
import { recordsOf } from '../../shared/schema';

/** What the phone view shows of where the workshop is: the gathering, and the step with its place in the agenda. */
export interface PhoneWhere {
  gatheringId: string | null;
  gatheringTitle: string | null;
  /** The gathering's page: where a note goes when no step is running. */
  pageId: string | null;
  step: Step | null;
  /** 1-based place of the step in its gathering's agenda, and the agenda's length. */
  number: number;
  count: number;
}

/** Where the workshop is now, as the facilitator has moved it. */
export function phoneWhereOf(doc: Y.Doc): PhoneWhere {
  const gatheringId = currentGatheringId(doc);
  const gathering = gatheringId ? gatheringOf(doc, gatheringId) : undefined;
  const step = currentStep(doc);
  const steps = gatheringId ? stepsOf(doc, gatheringId) : [];
  return {
    gatheringId,
    gatheringTitle: gathering?.title ?? null,
    pageId: gathering?.pageId ?? null,
    step,
    number: step ? steps.findIndex((candidate) => candidate.id === step.id) + 1 : 0,
    count: steps.length,
  };
}

/** One of this person's notes, as the phone lists it. */
export interface PhoneNote {
  id: string;
  text: string;
  /** The title of the step whose frame holds it, if any. */
  stepTitle: string | null;
}

/** The title of the step whose frame is this parent, if any. */
function stepTitleOfFrame(frameId: unknown, titles: ReadonlyMap<string, string>): string | null {
  return typeof frameId === 'string' ? (titles.get(frameId) ?? null) : null;
}

/**
 * This participant's notes, in the order they sit in the document's drawing order (the newest
 * on top, so last), each with the step whose frame holds it.
 */
export function myNotesOf(doc: Y.Doc, participantId: string): PhoneNote[] {
  const records = recordsOf(doc);
  const titles = new Map<string, string>();
  const gatheringId = currentGatheringId(doc);
  for (const step of gatheringId ? stepsOf(doc, gatheringId) : []) {
    if (step.frameId) titles.set(step.frameId, step.title);
  }
  const notes = processNotesOf(doc)
    .filter((note) => note.participantId === participantId)
    .map((note) => {
      const record = records.get(note.id);
      const index = record?.get('index');
      return {
        note: { id: note.id, text: note.text, stepTitle: stepTitleOfFrame(record?.get('parentId'), titles) },
        index: typeof index === 'string' ? index : '',
      };
    });
  notes.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : a.note.id < b.note.id ? -1 : 1));
  return notes.map((entry) => entry.note);
}
