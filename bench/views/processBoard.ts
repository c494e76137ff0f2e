import { GROUPS } from '../../shared/domain/groups';
import { addGathering, type Gathering } from '../../shared/domain/gatherings';
import { FACILITATOR } from '../../shared/domain/identity';
import { addLearning, linkNotes, startThread } from '../../shared/domain/threads';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import * as Y from 'yjs';
import { noteProps } from '../clients/noteRecord';

/** The size of the process the views open with in the benchmark. */
export interface ProcessSize {
  gatherings: number;
  notes: number;
  threads: number;
  /** Notes linked to each thread. */
  notesPerThread: number;
  /** Narrative sections, each holding woven passages. */
  sections: number;
}

export const BENCH_PROCESS: ProcessSize = { gatherings: 3, notes: 2_000, threads: 40, notesPerThread: 10, sections: 8 };

const TOWNS = ['Nuuk', 'Tasiilaq', 'Paamiut', 'Qaqortoq', 'Sisimiut'];
const TEXT =
  'Borgerne på kysten skal høres lige så meget som Nuuk: et fælles mødested i bygden, med tolk og kaffe.';


function writeRecord(doc: Y.Doc, record: Record<string, unknown> & { id: string }): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set(record.id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

/**
 * Fills a workshop document as the facilitator would have it after three gatherings: notes by
 * participants of every group on each gathering's page, threads through them with learnings,
 * and a narrative of sections with woven passages. Written in batches, each one transaction,
 * so every update stays far below the server's frame limit. `flush` runs after each batch.
 */
export async function fillProcess(doc: Y.Doc, size: ProcessSize, flush: () => Promise<void>): Promise<void> {
  const gatherings: Gathering[] = [];
  for (let index = 0; index < size.gatherings; index++) {
    const town = TOWNS[index % TOWNS.length];
    gatherings.push(addGathering(doc, { title: `Samling i ${town}`, place: town, date: `2027-03-${String(10 + index * 3).padStart(2, '0')}` }));
  }
  await flush();
  const noteIds: string[] = [];
  // Stacking order on each page, as tldraw's fractional indexes.
  let index = null as IndexKey | null;
  const BATCH = 200;
  for (let start = 0; start < size.notes; start += BATCH) {
    doc.transact(() => {
      for (let noteIndex = start; noteIndex < Math.min(size.notes, start + BATCH); noteIndex++) {
        index = getIndexAbove(index);
        const stacking = index;
        const gathering = gatherings[noteIndex % gatherings.length];
        const group = GROUPS[noteIndex % GROUPS.length];
        const id = `shape:bench-note-${noteIndex}`;
        noteIds.push(id);
        const column = Math.floor(noteIndex / gatherings.length) % 40;
        const row = Math.floor(noteIndex / gatherings.length / 40);
        writeRecord(doc, {
          id,
          typeName: 'shape',
          type: 'note',
          x: column * 220,
          y: row * 220,
          rotation: 0,
          index: stacking,
          parentId: gathering.pageId,
          isLocked: false,
          opacity: 1,
          meta: { group, participantId: `bench-participant-${noteIndex % 150}`, gatheringId: gathering.id },
          props: noteProps(`${noteIndex}: ${TEXT}`, group),
        });
      }
    });
    await flush();
  }
  const threadIds: string[] = [];
  for (let index = 0; index < size.threads; index++) {
    const linked = Array.from({ length: size.notesPerThread }, (_, step) => noteIds[(index * 37 + step * 53) % noteIds.length]);
    const id = startThread(doc, FACILITATOR, { title: `Prøvehandling ${index + 1}`, purpose: TEXT, goal: 'Et mødested i hver bygd' });
    linkNotes(doc, FACILITATOR, id, linked);
    addLearning(doc, FACILITATOR, id, 'Flere kom, da mødet lå om aftenen.', gatherings[index % gatherings.length].id);
    threadIds.push(id);
    if (index % 10 === 9) await flush();
  }
  doc.transact(() => {
    const fragment = narrativeOf(doc);
    for (let section = 0; section < size.sections; section++) {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.setAttribute('sectionId', `section-${section}`);
      heading.insert(0, [new Y.XmlText(`Afsnit ${section + 1}`)]);
      fragment.push([heading]);
      for (let woven = section; woven < threadIds.length; woven += size.sections) {
        const passage = new Y.XmlElement('passage');
        passage.setAttribute('passageId', `passage-${woven}`);
        passage.setAttribute('threadId', threadIds[woven]);
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        const lead = `Prøvehandling ${woven + 1}: ${TEXT} `;
        text.insert(0, lead);
        const noteId = noteIds[(woven * 37) % noteIds.length];
        text.insert(lead.length, `«${TEXT.slice(0, 60)}»`, { source: { noteId, threadId: threadIds[woven] } });
        paragraph.insert(0, [text]);
        passage.insert(0, [paragraph]);
        fragment.push([passage]);
      }
    }
  });
  await flush();
}
