import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { narrativeSchemaExtensions } from '../../client/workshop/narrative/narrativeSchema';
import { addGathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { FACILITATOR } from '../../shared/domain/identity';
import { narrativeMeter, notWovenOf, PAGE_CHARS } from '../../shared/domain/meters';
import { SOURCE_MARK, type NarrativeNodeJSON } from '../../shared/domain/narrativeFormat';
import { startThread } from '../../shared/domain/threads';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { addNote } from '../helpers/board';

const schema = getSchema(narrativeSchemaExtensions());

function writeNarrative(doc: Y.Doc, content: NarrativeNodeJSON[]): void {
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, narrativeOf(doc));
}

function quote(noteId: string): NarrativeNodeJSON {
  return { type: 'paragraph', content: [{ type: 'text', text: `»${noteId}«`, marks: [{ type: SOURCE_MARK, attrs: { noteId, threadId: 'thread:x' } }] }] };
}

/**
 * Ten notes: six citizens and two managers in Nuuk, two politicians in Tasiilaq. The
 * narrative quotes three citizens and one manager, so every woven note is from Nuuk.
 */
function workshop(): Y.Doc {
  const doc = new Y.Doc();
  const nuuk = addGathering(doc, { title: 'Nuuk', place: 'Nuuk' }).id;
  const tasiilaq = addGathering(doc, { title: 'Tasiilaq', place: 'Tasiilaq' }).id;
  const notes: Array<[string, Group, string]> = [
    ['shape:c1', 'citizen', nuuk],
    ['shape:c2', 'citizen', nuuk],
    ['shape:c3', 'citizen', nuuk],
    ['shape:c4', 'citizen', nuuk],
    ['shape:c5', 'citizen', nuuk],
    ['shape:c6', 'citizen', nuuk],
    ['shape:m1', 'manager', nuuk],
    ['shape:m2', 'manager', nuuk],
    ['shape:p1', 'politician', tasiilaq],
    ['shape:p2', 'politician', tasiilaq],
  ];
  for (const [id, group, gatheringId] of notes) {
    addNote(doc, id, `Note ${id}`, { participantId: `participant:${group}`, group });
    const fields = recordsOf(doc).get(id);
    fields?.set('meta', { ...(fields.get('meta') as Record<string, unknown>), gatheringId });
  }
  return doc;
}

describe('the narrative meter', () => {
  it('shows no ratio and no warning while nothing is woven', () => {
    const meter = narrativeMeter(workshop());
    expect(meter).toMatchObject({ characters: 0, pages: 0, length: 'short', writtenNotes: 10, wovenNotes: 0 });
    expect(meter.groups.map((row) => [row.key, row.written, row.ratio, row.warning])).toEqual([
      ['politician', 2, null, false],
      ['manager', 2, null, false],
      ['citizen', 6, null, false],
    ]);
  });

  it('gives each group and place its share of the woven notes over its share of the notes written, warning below 0.8', () => {
    const doc = workshop();
    writeNarrative(doc, [
      { type: 'heading', attrs: { level: 2, sectionId: 'section:one' }, content: [{ type: 'text', text: 'Vision' }] },
      quote('shape:c1'),
      quote('shape:c2'),
      quote('shape:c3'),
      quote('shape:m1'),
      quote('shape:gone'),
    ]);
    const meter = narrativeMeter(doc);
    expect(meter.wovenNotes).toBe(4);
    const groups = Object.fromEntries(meter.groups.map((row) => [row.key, row]));
    // Citizens: 3/4 of what is woven, 6/10 of what was written: 1.25.
    expect(groups.citizen).toMatchObject({ written: 6, woven: 3, warning: false });
    expect(groups.citizen.ratio).toBeCloseTo(1.25);
    expect(groups.manager.ratio).toBeCloseTo(1.25);
    // The politicians were left out.
    expect(groups.politician).toMatchObject({ written: 2, woven: 0, ratio: 0, warning: true });
    expect(meter.places).toEqual([
      { key: 'Nuuk', written: 8, woven: 4, ratio: 1.25, warning: false },
      { key: 'Tasiilaq', written: 2, woven: 0, ratio: 0, warning: true },
    ]);
  });

  it('measures length in standard pages against the two-to-five-page target', () => {
    const doc = workshop();
    writeNarrative(doc, [
      { type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(PAGE_CHARS * 3) }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'y'.repeat(PAGE_CHARS / 2) }] },
    ]);
    expect(narrativeMeter(doc)).toMatchObject({ characters: PAGE_CHARS * 3.5, pages: 3.5, length: 'within' });
  });

  it('does not warn a place woven in proportion to what it wrote', () => {
    const doc = workshop();
    // Five woven: four from Nuuk, one from Tasiilaq.
    writeNarrative(doc, ['shape:c1', 'shape:c2', 'shape:c3', 'shape:c4', 'shape:p1'].map(quote));
    const places = Object.fromEntries(narrativeMeter(doc).places.map((row) => [row.key, row]));
    // Nuuk: (4/5)/(8/10) = 1; Tasiilaq: (1/5)/(2/10) = 1.
    expect(places.Nuuk.ratio).toBeCloseTo(1);
    expect(places.Tasiilaq).toMatchObject({ warning: false });
  });
});

describe('what is not yet woven', () => {
  it('lists unwoven notes by group and place, and threads with no passage or quote', () => {
    const doc = workshop();
    const woven = startThread(doc, FACILITATOR, { title: 'Woven', noteIds: ['shape:c1'] });
    const waiting = startThread(doc, FACILITATOR, { title: 'Waiting', noteIds: ['shape:p1'] });
    writeNarrative(doc, [
      { type: 'passage', attrs: { passageId: 'passage:a', threadId: woven }, content: [quote('shape:c1'), quote('shape:c2'), quote('shape:m1')] },
    ]);
    const { notes, threads } = notWovenOf(doc);
    expect(notes.map((bunch) => [bunch.group, bunch.place, bunch.notes.map((note) => note.id).sort()])).toEqual([
      ['politician', 'Tasiilaq', ['shape:p1', 'shape:p2']],
      ['manager', 'Nuuk', ['shape:m2']],
      ['citizen', 'Nuuk', ['shape:c3', 'shape:c4', 'shape:c5', 'shape:c6']],
    ]);
    expect(threads.map((thread) => thread.id)).toEqual([waiting]);
  });
});
