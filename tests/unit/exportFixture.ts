import * as Y from 'yjs';
import { seedBoard } from '../../shared/domain/board';
import { addGathering, gatheringOf, type Gathering } from '../../shared/domain/gatherings';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import type { Group } from '../../shared/domain/groups';
import { setHidden } from '../../shared/domain/moderation';
import { listParticipant } from '../../shared/domain/participants';
import { setGoalSummary, setReportSummary } from '../../shared/domain/reports';
import { addStep, stepOf, type Step } from '../../shared/domain/steps';
import { REPORT_GOALS_KEY } from '../../shared/domain/templates';
import { addLearning, linkNotes, startThread } from '../../shared/domain/threads';
import { openVote, tallyVote, voteOf, writeTally } from '../../shared/domain/votes';
import type { WorkshopFacts } from '../../shared/export';
import { narrativeOf, recordsOf, workshopOf } from '../../shared/schema';
import { addNote } from '../helpers/board';
import { heading, passage } from '../helpers/narrative';

/** A note that tries to run script, and one that tries to be a link. */
export const HOSTILE_IMAGE = '<img src=x onerror=alert(1)>';
export const HOSTILE_LINK = '[x](javascript:alert(1))';

const AVIAJA: Identity = { role: 'participant', participantId: 'aviaja', group: 'citizen', name: 'Aviaja' };

export const FACTS: WorkshopFacts = {
  id: 'workshop-1',
  title: 'Vision for Sermersooq',
  language: 'da',
  template: 'vision-gathering',
  createdAt: '2025-03-01T09:00:00.000Z',
};

/** A note of `gathering`, in the frame of its step (or on its page when `step` is null), at (x, y) there. */
function noteAt(doc: Y.Doc, id: string, text: string, gathering: Gathering, group: Group | null, participantId: string | null, step: Step | null, x = 40, y = 80): string {
  addNote(doc, id, text, group && participantId ? { participantId, group } : null, x, y);
  const fields = recordsOf(doc).get(id)!;
  fields.set('meta', { ...(fields.get('meta') as Record<string, unknown>), gatheringId: gathering.id });
  fields.set('parentId', step?.frameId ?? gathering.pageId);
  return id;
}

/**
 * One process: three gatherings (Nuuk, Tasiilaq, Paamiut), a step each, five notes in the
 * steps' frames (one hidden, two hostile), two threads with a learning, a revealed vote, a
 * woven narrative, report goals and Nuuk's report text.
 */
export function exportProcess(): { doc: Y.Doc; ids: Record<string, string> } {
  const doc = new Y.Doc();
  seedBoard(doc, { title: FACTS.title, language: 'da' });
  const nuuk = addGathering(doc, { title: 'Første samling', place: 'Nuuk', date: '2025-03-12' });
  const tasiilaq = addGathering(doc, { title: 'Anden samling', place: 'Tasiilaq', date: '2025-03-16' });
  const paamiut = addGathering(doc, { title: 'Tredje samling', place: 'Paamiut', date: '2025-03-20' });
  const [nuukStep, tasiilaqStep, paamiutStep] = [nuuk, tasiilaq, paamiut].map((gathering) =>
    addStep(doc, gathering.id, { title: `Hvad er særligt i ${gathering.place}?`, prompt: 'Skriv en seddel', durationSec: 600 }),
  );
  listParticipant(doc, 'aviaja', { name: 'Aviaja', group: 'citizen' });
  listParticipant(doc, 'bo', { name: null, group: 'politician' });
  const boats = noteAt(doc, 'shape:boats', 'Både til unge fangere', nuuk, 'citizen', 'aviaja', nuukStep);
  const nets = noteAt(doc, 'shape:nets', 'Fælles garn', tasiilaq, 'politician', 'bo', tasiilaqStep);
  const image = noteAt(doc, 'shape:image', HOSTILE_IMAGE, tasiilaq, 'citizen', 'aviaja', tasiilaqStep, 260);
  const link = noteAt(doc, 'shape:link', HOSTILE_LINK, paamiut, 'citizen', 'aviaja', paamiutStep);
  const hidden = noteAt(doc, 'shape:hidden', 'Skjult seddel', paamiut, 'politician', 'bo', paamiutStep, 260);
  setHidden(doc, hidden, true);
  const sea = startThread(doc, AVIAJA, { title: 'Hav og fangst', noteIds: [boats, nets, image, link, hidden] }, 1_000);
  addLearning(doc, AVIAJA, sea, 'Skolen vil være med', tasiilaq.id);
  const housing = startThread(doc, FACILITATOR, { title: 'Boliger' }, 2_000);
  linkNotes(doc, FACILITATOR, housing, [nets]);
  const voteId = openVote(doc, { title: 'Vigtigst', noteIds: [boats, nets, image], budget: 3, several: true }, 3_000);
  const vote = voteOf(doc, voteId)!;
  const tally = tallyVote(
    vote,
    [
      { group: 'citizen', entries: [{ voteId, noteId: boats, dots: 2, gatheringId: nuuk.id }, { voteId, noteId: nets, dots: 1, gatheringId: nuuk.id }] },
      { group: 'politician', entries: [{ voteId, noteId: boats, dots: 1, gatheringId: nuuk.id }] },
    ],
    4_000,
  );
  writeTally(doc, voteId, tally);
  narrativeOf(doc).insert(0, [
    heading('section:intro', 'Indledning'),
    heading('section:sea', 'Hav og fangst'),
    passage('passage:1', sea, 'Fangst binder byerne sammen.', [{ noteId: boats, text: 'Både til unge fangere' }]),
  ]);
  // The facilitator's report texts: Nuuk's summary and its text for the first goal, nothing for the second.
  workshopOf(doc).set(REPORT_GOALS_KEY, REPORT_GOALS);
  setReportSummary(doc, nuuk.id, NUUK_SUMMARY);
  setGoalSummary(doc, nuuk.id, 0, NUUK_FIRST_GOAL);
  return {
    doc,
    ids: {
      boats,
      nets,
      image,
      link,
      hidden,
      sea,
      housing,
      voteId,
      nuuk: nuuk.id,
      tasiilaq: tasiilaq.id,
      paamiut: paamiut.id,
      nuukStep: nuukStep.id,
      tasiilaqStep: tasiilaqStep.id,
      paamiutStep: paamiutStep.id,
    },
  };
}

/** The workshop's report goals, as the roles-and-boundaries template would set them. */
export const REPORT_GOALS = ['Tydelig rollefordeling', 'Bedre samarbejde mellem politikere og ledere'];
export const NUUK_SUMMARY = `Vi talte om fangst og havn.\nEn borger skrev ${HOSTILE_LINK}`;
export const NUUK_FIRST_GOAL = 'Rollerne er tydeligere efter samlingen.';

/**
 * {@link exportProcess} with more for the reports: in Nuuk a politician's note beside the
 * citizen's in the step's frame, a note collected beforehand on the page outside every
 * frame, and a second step nobody wrote in.
 */
export function reportProcess(): { doc: Y.Doc; ids: Record<string, string> } {
  const { doc, ids } = exportProcess();
  const nuuk = gatheringOf(doc, ids.nuuk)!;
  const nuukStep = stepOf(doc, ids.nuukStep)!;
  const harbour = noteAt(doc, 'shape:harbour', 'Havnen skal udvides', nuuk, 'politician', 'bo', nuukStep, 260);
  const planes = noteAt(doc, 'shape:planes', 'Flere fly om vinteren', nuuk, 'business', null, null, 900, 40);
  const planesRecord = recordsOf(doc).get(planes)!;
  planesRecord.set('meta', { ...(planesRecord.get('meta') as Record<string, unknown>), group: 'business', collectedBefore: true, place: 'Qaqortoq' });
  const keep = addStep(doc, nuuk.id, { title: 'Hvad vil vi holde fast i?', prompt: '' });
  return { doc, ids: { ...ids, harbour, planes, keepStep: keep.id } };
}
