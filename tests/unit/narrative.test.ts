import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { passageEnd, sectionEnd } from '../../client/workshop/narrative/narrativeCommands';
import { inkOn } from '../../client/workshop/narrative/narrativeEditing';
import { narrativeSchemaExtensions } from '../../client/workshop/narrative/narrativeSchema';
import { addGathering } from '../../shared/domain/gatherings';
import { FACILITATOR } from '../../shared/domain/identity';
import { dismissReview, narrativeText, passagesOf, passagesOfNote, reviewTrayOf, sectionsOf } from '../../shared/domain/narrative';
import { MAX_QUOTE_CHARS, SOURCE_MARK, type NarrativeNodeJSON } from '../../shared/domain/narrativeFormat';
import { startThread } from '../../shared/domain/threads';
import { draftPassage, quoteOf, quoteParagraph, recordWeave, shortQuote } from '../../shared/domain/weaving';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { addNote, type NoteAuthor } from '../helpers/board';

const schema = getSchema(narrativeSchemaExtensions());

/** Writes the narrative as the editor's Yjs binding does, from ProseMirror JSON. */
function writeNarrative(doc: Y.Doc, content: NarrativeNodeJSON[]): void {
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, narrativeOf(doc));
}

function heading(sectionId: string, text: string): NarrativeNodeJSON {
  return { type: 'heading', attrs: { level: 2, sectionId }, content: [{ type: 'text', text }] };
}

function paragraph(text: string): NarrativeNodeJSON {
  return { type: 'paragraph', content: text ? [{ type: 'text', text }] : [] };
}

function quote(text: string, noteId: string, threadId: string): NarrativeNodeJSON {
  return { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: SOURCE_MARK, attrs: { noteId, threadId } }] }] };
}

function passage(passageId: string, threadId: string, content: NarrativeNodeJSON[]): NarrativeNodeJSON {
  return { type: 'passage', attrs: { passageId, threadId }, content };
}

/** A note written at a gathering. */
function addNoteAt(doc: Y.Doc, id: string, text: string, author: NoteAuthor, gatheringId: string): void {
  addNote(doc, id, text, author);
  const fields = recordsOf(doc).get(id);
  fields?.set('meta', { ...(fields.get('meta') as Record<string, unknown>), gatheringId });
}

/** Deletes the text of a source mark for `noteId`, as a person selecting and deleting the quote does. */
function deleteQuotedText(doc: Y.Doc, noteId: string): void {
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment): boolean => {
    if (node instanceof Y.XmlText) {
      let index = 0;
      for (const op of node.toDelta() as Array<{ insert: string; attributes?: Record<string, { noteId?: string }> }>) {
        if (op.attributes?.[SOURCE_MARK]?.noteId === noteId) {
          node.delete(index, op.insert.length);
          return true;
        }
        index += op.insert.length;
      }
      return false;
    }
    if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) return node.toArray().some(visit);
    return false;
  };
  doc.transact(() => visit(narrativeOf(doc)));
}

describe('reading the narrative', () => {
  it('reads sections, passages and source links as the editor writes them', () => {
    const doc = new Y.Doc();
    writeNarrative(doc, [
      heading('section:one', 'Living on the coast'),
      paragraph('We start from the towns.'),
      passage('passage:a', 'thread:boats', [paragraph('Boats all year'), quote('»The boat is our road«', 'note:1', 'thread:boats'), quote('»Ice in March«', 'note:2', 'thread:boats')]),
      heading('section:two', 'Working together'),
      paragraph('Later.'),
    ]);
    const sections = sectionsOf(doc);
    expect(sections.map((section) => [section.id, section.heading])).toEqual([
      ['section:one', 'Living on the coast'],
      ['section:two', 'Working together'],
    ]);
    expect(sections[0]).toMatchObject({ passageIds: ['passage:a'], threadIds: ['thread:boats'] });
    expect(sections[0].text).toBe('We start from the towns.\nBoats all year\n»The boat is our road«\n»Ice in March«');
    expect(passagesOf(doc)).toEqual([
      {
        id: 'passage:a',
        threadId: 'thread:boats',
        sectionId: 'section:one',
        noteIds: ['note:1', 'note:2'],
        text: 'Boats all year\n»The boat is our road«\n»Ice in March«',
      },
    ]);
    expect(passagesOfNote(doc, 'note:2').map((found) => found.id)).toEqual(['passage:a']);
    expect(passagesOfNote(doc, 'note:3')).toEqual([]);
    expect(narrativeText(doc)).toContain('Working together\nLater.');
  });

  it('counts text before the first heading as a section only when it holds something', () => {
    const empty = new Y.Doc();
    writeNarrative(empty, [paragraph(''), heading('section:one', 'Vision')]);
    expect(sectionsOf(empty).map((section) => section.id)).toEqual(['section:one']);
    const written = new Y.Doc();
    writeNarrative(written, [paragraph('A foreword'), heading('section:one', 'Vision')]);
    expect(sectionsOf(written).map((section) => [section.id, section.text])).toEqual([
      [null, 'A foreword'],
      ['section:one', ''],
    ]);
  });

  it('finds a quote moved out of its passage in the block it now sits in', () => {
    const doc = new Y.Doc();
    writeNarrative(doc, [heading('section:one', 'Vision'), quote('»Fish«', 'note:1', 'thread:sea')]);
    expect(passagesOfNote(doc, 'note:1')).toEqual([{ id: 'block:1', threadId: 'thread:sea', sectionId: 'section:one', noteIds: ['note:1'], text: '»Fish«' }]);
  });
});

describe('weaving a thread', () => {
  function process(): { doc: Y.Doc; threadId: string } {
    const doc = new Y.Doc();
    const nuuk = addGathering(doc, { title: 'Nuuk, 12 March', place: 'Nuuk' });
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq, 16 March', place: 'Tasiilaq' });
    const citizen: NoteAuthor = { participantId: 'participant:c', group: 'citizen' };
    for (let index = 1; index <= 5; index++) addNoteAt(doc, `shape:c${index}`, `Citizen idea ${index}`, citizen, nuuk.id);
    addNoteAt(doc, 'shape:p', 'A politician on the coast', { participantId: 'participant:p', group: 'politician' }, tasiilaq.id);
    addNoteAt(doc, 'shape:m', 'A manager in town', { participantId: 'participant:m', group: 'manager' }, nuuk.id);
    addNoteAt(doc, 'shape:empty', '   ', citizen, nuuk.id);
    const threadId = startThread(doc, FACILITATOR, {
      title: 'Boats all year',
      purpose: 'Keep the coast connected',
      noteIds: ['shape:c1', 'shape:c2', 'shape:c3', 'shape:c4', 'shape:c5', 'shape:empty', 'shape:p', 'shape:m'],
    });
    return { doc, threadId };
  }

  it('drafts a passage of the title, purpose and five quotes that spread groups and places', () => {
    const { doc, threadId } = process();
    const draft = draftPassage(doc, threadId, 'en');
    if (!draft) throw new Error('no draft');
    expect(draft.quotes).toHaveLength(5);
    // Both voices from outside the citizens of Nuuk are heard, in the thread's order.
    expect(draft.noteIds).toEqual(['shape:c1', 'shape:c2', 'shape:c3', 'shape:p', 'shape:m']);
    expect(draft.quotes.find((quoted) => quoted.noteId === 'shape:p')).toMatchObject({ group: 'politician', place: 'Tasiilaq' });
    writeNarrative(doc, [heading('section:one', 'Vision'), draft.content]);
    expect(passagesOf(doc)).toEqual([expect.objectContaining({ id: draft.passageId, threadId, sectionId: 'section:one', noteIds: draft.noteIds })]);
    const text = narrativeText(doc);
    expect(text).toContain('Boats all year: Keep the coast connected');
    expect(text).toContain('“A politician on the coast” (Politician, Tasiilaq)');
  });

  it('quotes in the language of the narrative, and shortens long notes at a word', () => {
    const { doc, threadId } = process();
    const draft = draftPassage(doc, threadId, 'da');
    writeNarrative(doc, draft ? [draft.content] : []);
    expect(narrativeText(doc)).toContain('»A manager in town« (Leder, Nuuk)');
    const long = shortQuote('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('sends a source link whose text was deleted to the review tray, until it is restored or dismissed', () => {
    const { doc, threadId } = process();
    const draft = draftPassage(doc, threadId, 'en');
    if (!draft) throw new Error('no draft');
    writeNarrative(doc, [heading('section:one', 'Vision'), draft.content]);
    recordWeave(doc, { passageId: draft.passageId, threadId, noteIds: draft.noteIds, sectionId: 'section:one', by: null });
    expect(reviewTrayOf(doc)).toEqual([]);

    deleteQuotedText(doc, 'shape:p');
    deleteQuotedText(doc, 'shape:m');
    expect(passagesOf(doc)[0].noteIds).toEqual(['shape:c1', 'shape:c2', 'shape:c3']);
    expect(reviewTrayOf(doc)).toEqual([
      { passageId: draft.passageId, noteId: 'shape:p', threadId, sectionId: 'section:one', passagePresent: true },
      { passageId: draft.passageId, noteId: 'shape:m', threadId, sectionId: 'section:one', passagePresent: true },
    ]);

    // Restoring re-inserts the quote into the passage; dismissing lets the link go.
    const restored = quoteOf(doc, 'shape:p');
    if (!restored) throw new Error('no quote');
    const content = passagesOf(doc).length ? [heading('section:one', 'Vision'), { ...draft.content, content: [...(draft.content.content ?? []), quoteParagraph(restored, threadId, 'en')] }] : [];
    narrativeOf(doc).delete(0, narrativeOf(doc).length);
    writeNarrative(doc, content as NarrativeNodeJSON[]);
    dismissReview(doc, draft.passageId, 'shape:m');
    expect(reviewTrayOf(doc)).toEqual([]);
  });

  it('reviews every link of a passage that was deleted whole', () => {
    const { doc, threadId } = process();
    const draft = draftPassage(doc, threadId, 'en');
    if (!draft) throw new Error('no draft');
    writeNarrative(doc, [heading('section:one', 'Vision'), draft.content]);
    recordWeave(doc, { passageId: draft.passageId, threadId, noteIds: draft.noteIds, sectionId: 'section:one', by: null });
    narrativeOf(doc).delete(1, 1);
    const tray = reviewTrayOf(doc);
    expect(tray.map((item) => item.noteId)).toEqual(draft.noteIds);
    expect(tray.every((item) => !item.passagePresent)).toBe(true);
  });

  it('keeps a source link when another person edits the passage at the same time', () => {
    const { doc, threadId } = process();
    const draft = draftPassage(doc, threadId, 'en');
    if (!draft) throw new Error('no draft');
    writeNarrative(doc, [heading('section:one', 'Vision'), draft.content]);
    recordWeave(doc, { passageId: draft.passageId, threadId, noteIds: draft.noteIds, sectionId: 'section:one', by: null });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    // One types at the start of the passage's first quote's paragraph; the other at its end.
    const firstQuote = (target: Y.Doc): Y.XmlText => {
      const passageElement = narrativeOf(target).get(1) as Y.XmlElement;
      return (passageElement.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    };
    firstQuote(doc).insert(0, 'Said first: ', {});
    const otherText = firstQuote(other);
    otherText.insert(otherText.length, ' and more', {});
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(narrativeText(doc)).toBe(narrativeText(other));
    expect(narrativeText(doc)).toContain('Said first: “Citizen idea 1” (Citizen, Nuuk) and more');
    expect(passagesOf(other)[0].noteIds).toEqual(draft.noteIds);
    expect(reviewTrayOf(other)).toEqual([]);
  });
});

describe('the editor\'s places', () => {
  it('weaves at the end of a section: before the next heading, or at the end of the text', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [paragraph('Foreword'), heading('section:one', 'One'), paragraph('Text'), heading('section:two', 'Two'), passage('passage:a', 'thread:x', [paragraph('Woven')])],
    });
    const blockEnds: number[] = [];
    doc.forEach((node, offset) => blockEnds.push(offset + node.nodeSize));
    expect(sectionEnd(doc, null)).toBe(blockEnds[0]);
    expect(sectionEnd(doc, 'section:one')).toBe(blockEnds[2]);
    expect(sectionEnd(doc, 'section:two')).toBe(doc.content.size);
    expect(sectionEnd(doc, 'section:gone')).toBe(doc.content.size);
    expect(passageEnd(doc, 'passage:a')).toBe(doc.content.size - 1);
    expect(passageEnd(doc, 'passage:gone')).toBeNull();
  });

  it('labels others\' cursors in black or white, whichever reads better on their colour', () => {
    expect(inkOn('#9fa8b2')).toBe('#1d1d1f');
    expect(inkOn('#4ba1f1')).toBe('#1d1d1f');
    expect(inkOn('#4465e9')).toBe('#ffffff');
    expect(inkOn('#ae3ec9')).toBe('#ffffff');
  });
});
