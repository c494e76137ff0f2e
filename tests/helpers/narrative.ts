import * as Y from 'yjs';

/**
 * The narrative's nodes as its editor stores them (shared/schema.ts `narrative`, a
 * Y.XmlFragment), for tests that write a woven narrative without the editor.
 */

/** A section heading. */
export function heading(sectionId: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement('heading');
  element.setAttribute('sectionId', sectionId);
  element.setAttribute('level', 2 as unknown as string);
  const run = new Y.XmlText();
  element.insert(0, [run]);
  run.insert(0, text);
  return element;
}

/** A woven passage: a paragraph of plain text, then a quote of each note with its source mark. */
export function passage(passageId: string, threadId: string, intro: string, quotes: Array<{ noteId: string; text: string }>): Y.XmlElement {
  const element = new Y.XmlElement('passage');
  element.setAttribute('passageId', passageId);
  element.setAttribute('threadId', threadId);
  const paragraph = new Y.XmlElement('paragraph');
  element.insert(0, [paragraph]);
  const run = new Y.XmlText();
  paragraph.insert(0, [run]);
  // Positions are counted here: a text not yet in a document does not know its length.
  run.insert(0, intro);
  let at = intro.length;
  for (const quote of quotes) {
    const text = ` “${quote.text}”`;
    run.insert(at, text, { source: { noteId: quote.noteId, threadId } });
    at += text.length;
  }
  return element;
}
