import * as Y from 'yjs';
import { seedBoard } from '../../shared/domain/board';
import { addGathering, type Gathering } from '../../shared/domain/gatherings';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import type { Group } from '../../shared/domain/groups';
import { setHidden } from '../../shared/domain/moderation';
import { listParticipant } from '../../shared/domain/participants';
import { addStep } from '../../shared/domain/steps';
import { addLearning, linkNotes, startThread } from '../../shared/domain/threads';
import { openVote, tallyVote, voteOf, writeTally } from '../../shared/domain/votes';
import type { WorkshopFacts } from '../../shared/export';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { addNote } from '../helpers/board';

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

function noteAt(doc: Y.Doc, id: string, text: string, gathering: Gathering, group: Group, participantId: string): string {
  addNote(doc, id, text, { participantId, group });
  const fields = recordsOf(doc).get(id)!;
  fields.set('meta', { ...(fields.get('meta') as Record<string, unknown>), gatheringId: gathering.id });
  return id;
}

export function heading(sectionId: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement('heading');
  element.setAttribute('sectionId', sectionId);
  element.setAttribute('level', 2 as unknown as string);
  const run = new Y.XmlText();
  element.insert(0, [run]);
  run.insert(0, text);
  return element;
}

export function passage(passageId: string, threadId: string, intro: string, quotes: Array<{ noteId: string; text: string }>): Y.XmlElement {
  const element = new Y.XmlElement('passage');
  element.setAttribute('passageId', passageId);
  element.setAttribute('threadId', threadId);
  const paragraph = new Y.XmlElement('paragraph');
  element.insert(0, [paragraph]);
  const run = new Y.XmlText();
  paragraph.insert(0, [run]);
  run.insert(0, intro);
  let at = intro.length;
  for (const quote of quotes) {
    const text = ` “${quote.text}”`;
    run.insert(at, text, { source: { noteId: quote.noteId, threadId } });
    at += text.length;
  }
  return element;
}

/**
 * One process: three gatherings (Nuuk, Tasiilaq, Paamiut), a step each, five notes (one
 * hidden, two hostile), two threads with a learning, a revealed vote and a woven narrative.
 */
export function exportProcess(): { doc: Y.Doc; ids: Record<string, string> } {
  const doc = new Y.Doc();
  seedBoard(doc, { title: FACTS.title, language: 'da' });
  const nuuk = addGathering(doc, { title: 'Første samling', place: 'Nuuk', date: '2025-03-12' });
  const tasiilaq = addGathering(doc, { title: 'Anden samling', place: 'Tasiilaq', date: '2025-03-16' });
  const paamiut = addGathering(doc, { title: 'Tredje samling', place: 'Paamiut', date: '2025-03-20' });
  for (const gathering of [nuuk, tasiilaq, paamiut]) addStep(doc, gathering.id, { title: `Hvad er særligt i ${gathering.place}?`, prompt: 'Skriv en seddel', durationSec: 600 });
  listParticipant(doc, 'aviaja', { name: 'Aviaja', group: 'citizen' });
  listParticipant(doc, 'bo', { name: null, group: 'politician' });
  const boats = noteAt(doc, 'shape:boats', 'Både til unge fangere', nuuk, 'citizen', 'aviaja');
  const nets = noteAt(doc, 'shape:nets', 'Fælles garn', tasiilaq, 'politician', 'bo');
  const image = noteAt(doc, 'shape:image', HOSTILE_IMAGE, tasiilaq, 'citizen', 'aviaja');
  const link = noteAt(doc, 'shape:link', HOSTILE_LINK, paamiut, 'citizen', 'aviaja');
  const hidden = noteAt(doc, 'shape:hidden', 'Skjult seddel', paamiut, 'politician', 'bo');
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
  return { doc, ids: { boats, nets, image, link, hidden, sea, housing, voteId, nuuk: nuuk.id, tasiilaq: tasiilaq.id, paamiut: paamiut.id } };
}
