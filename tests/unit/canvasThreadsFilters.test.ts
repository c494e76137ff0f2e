import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ANY_THREAD, noteFactsOf, threadMatches, type NoteFacts } from '../../client/workshop/threads/threadFilters';
import { addGathering } from '../../shared/domain/gatherings';
import { recordsOf } from '../../shared/schema';
import { addNote, noteRecord } from '../helpers/board';
import { seedBoard } from '../../shared/domain/board';

const notes = new Map<string, NoteFacts>([
  ['n1', { gatheringId: 'nuuk', group: 'citizen' }],
  ['n2', { gatheringId: 'tasiilaq', group: 'business' }],
]);

describe('the threads panel’s filters', () => {
  it('lets every thread through when nothing is chosen', () => {
    expect(threadMatches({ status: 'idea', noteIds: [] }, ANY_THREAD, notes)).toBe(true);
  });

  it('keeps a thread of the chosen status only', () => {
    expect(threadMatches({ status: 'running', noteIds: [] }, { ...ANY_THREAD, status: 'running' }, notes)).toBe(true);
    expect(threadMatches({ status: 'idea', noteIds: [] }, { ...ANY_THREAD, status: 'running' }, notes)).toBe(false);
  });

  it('finds a thread in a gathering, or speaking for a group, when one of its notes does', () => {
    const thread = { status: 'idea' as const, noteIds: ['n1', 'n2', 'gone'] };
    expect(threadMatches(thread, { ...ANY_THREAD, gatheringId: 'tasiilaq' }, notes)).toBe(true);
    expect(threadMatches(thread, { ...ANY_THREAD, gatheringId: 'paamiut' }, notes)).toBe(false);
    expect(threadMatches(thread, { ...ANY_THREAD, group: 'citizen' }, notes)).toBe(true);
    expect(threadMatches(thread, { ...ANY_THREAD, group: 'politician' }, notes)).toBe(false);
    expect(threadMatches({ status: 'idea', noteIds: [] }, { ...ANY_THREAD, group: 'citizen' }, notes)).toBe(false);
  });

  it('reads each note’s gathering from its meta, or from its page for notes written before gatherings', () => {
    const doc = new Y.Doc();
    seedBoard(doc, { title: 'Vision', language: 'en' });
    addNote(doc, 'shape:early', 'Written before the gatherings', { participantId: 'p1', group: 'citizen' });
    const nuuk = addGathering(doc, { title: 'Nuuk' });
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq' });
    const imported = noteRecord('shape:imported', 'Imported from Tasiilaq', { participantId: 'p2', group: 'business' });
    imported.meta = { ...(imported.meta as object), gatheringId: tasiilaq.id };
    doc.transact(() => {
      const fields = new Y.Map<unknown>();
      recordsOf(doc).set('shape:imported', fields);
      for (const [key, value] of Object.entries(imported)) fields.set(key, value);
    });
    const facts = noteFactsOf(doc);
    expect(facts.get('shape:early')).toEqual({ gatheringId: nuuk.id, group: 'citizen' });
    // On Nuuk's page, but its meta says Tasiilaq: the meta wins.
    expect(facts.get('shape:imported')).toEqual({ gatheringId: tasiilaq.id, group: 'business' });
  });
});
