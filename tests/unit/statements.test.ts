import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering } from '../../shared/domain/gatherings';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { FACILITATOR } from '../../shared/domain/identity';
import { plainText } from '../../shared/domain/notes';
import {
  COLLECTED_BEFORE_USER, describeImportProblem, MAX_IMPORTED_STATEMENTS, MAX_STATEMENT_CHARS, statementsFromCsv, statementsFromJson, writeStatements, type ImportOutcome,
} from '../../shared/domain/statements';
import { recordsOf } from '../../shared/schema';
import { recordProblem } from '../../shared/validate/records';
import { baseRecords } from './storeFixtures';
import { citizen, judge, workshop, writeRecord } from './voicesFixtures';

/** The problem's sentence, failing the test when the file was accepted. */
function sentence(outcome: ImportOutcome): string {
  if (!('problem' in outcome)) throw new Error('the file was accepted');
  return describeImportProblem(outcome.problem);
}

function notesOf(doc: Y.Doc) {
  return [...recordsOf(doc).values()].map((record) => record.toJSON()).filter((record) => record.type === 'note');
}

describe('reading a CSV of statements', () => {
  it('reads text, group, place and gathering (by title in any case, or by id); a missing gathering is the current one', () => {
    const { doc, gathering } = workshop();
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq' });
    const csv = `text,group,place,gathering\r\nBevar havnen,citizen,Nuuk,\r\n"Flere stier, tak",Business,Kangerlussuaq,tasiilaq\r\nMere lys,,,${tasiilaq.id}\r\n`;
    const outcome = statementsFromCsv(doc, csv);
    expect(outcome).toEqual({
      statements: [
        { text: 'Bevar havnen', group: 'citizen', place: 'Nuuk', gatheringId: gathering.id, pageId: gathering.pageId },
        { text: 'Flere stier, tak', group: 'business', place: 'Kangerlussuaq', gatheringId: tasiilaq.id, pageId: tasiilaq.pageId },
        { text: 'Mere lys', group: null, place: null, gatheringId: tasiilaq.id, pageId: tasiilaq.pageId },
      ],
    });
  });

  it('accepts the columns in another order and only text; a byte-order mark and blank lines do not matter', () => {
    const { doc } = workshop();
    const outcome = statementsFromCsv(doc, '\uFEFFgroup,text\n\nemployee,Ja\n');
    expect(outcome).toMatchObject({ statements: [{ text: 'Ja', group: 'employee' }] });
    expect(statementsFromCsv(doc, 'text\nNej\n')).toMatchObject({ statements: [{ text: 'Nej', group: null }] });
  });

  it('names the line (the header is line 1) and what is wrong', () => {
    const { doc } = workshop();
    expect(sentence(statementsFromCsv(doc, 'text,group\nGod,citizen\n ,citizen\n'))).toBe('Line 3: the text is empty. Nothing was imported.');
    expect(sentence(statementsFromCsv(doc, 'text,group\nGod,citizen\nGod,mayor\n'))).toMatch(/^Line 3: "mayor" is not a group/);
    expect(sentence(statementsFromCsv(doc, 'text,gathering\nGod,Aarhus\n'))).toMatch(/^Line 2: "Aarhus" names no gathering/);
    expect(sentence(statementsFromCsv(doc, `text\nGod\n${'x'.repeat(MAX_STATEMENT_CHARS + 1)}\n`))).toMatch(/^Line 3: the text is longer than 10,000 characters/);
    expect(sentence(statementsFromCsv(doc, 'tekst,gruppe\nGod,citizen\n'))).toMatch(/^Line 1: the header row must name the columns text,group,place,gathering; "tekst"/);
    expect(sentence(statementsFromCsv(doc, 'text,group\nGod,citizen,extra\n'))).toMatch(/^Line 2: the file could not be read \(it has a different number of columns/);
    expect(sentence(statementsFromCsv(doc, 'text\n"God\nbedre\n'))).toMatch(/could not be read/);
    expect(sentence(statementsFromCsv(doc, ''))).toMatch(/^Line 1: the header row/);
    // A statement over several lines is named by the line it starts on; blank lines count.
    expect(sentence(statementsFromCsv(doc, 'text,group\n"Første\nanden\ntredje",citizen\n\n"Fire\nfem",mayor\n'))).toMatch(/^Line 6: "mayor"/);
  });

  it('refuses more than the limit of statements, naming the first line over it', () => {
    const { doc } = workshop();
    const rows = Array.from({ length: MAX_IMPORTED_STATEMENTS + 1 }, (_, index) => `Udsagn ${index}`);
    expect(sentence(statementsFromCsv(doc, `text\n${rows.join('\n')}\n`))).toMatch(/^Line 2002: a file may hold at most 2,000 statements/);
    expect(statementsFromCsv(doc, `text\n${rows.slice(1).join('\n')}\n`)).toHaveProperty('statements');
  });

  it('keeps hostile text as it is: it is text, never markup or a formula', () => {
    const { doc } = workshop();
    const outcome = statementsFromCsv(doc, 'text\n<img src=x onerror=alert(1)>\n"=HYPERLINK(""http://evil"",""klik"")"\n');
    expect(outcome).toMatchObject({ statements: [{ text: '<img src=x onerror=alert(1)>' }, { text: '=HYPERLINK("http://evil","klik")' }] });
  });
});

describe('reading JSON statements', () => {
  it('reads {notes: [{text, group?, location?, gathering?}]}', () => {
    const { doc, gathering } = workshop();
    const outcome = statementsFromJson(doc, { notes: [{ text: 'Bevar havnen', group: 'citizen', location: 'Nuuk', gathering: 'NUUK' }, { text: 'Mere lys' }] });
    expect(outcome).toEqual({
      statements: [
        { text: 'Bevar havnen', group: 'citizen', place: 'Nuuk', gatheringId: gathering.id, pageId: gathering.pageId },
        { text: 'Mere lys', group: null, place: null, gatheringId: gathering.id, pageId: gathering.pageId },
      ],
    });
  });

  it('names the note by its index and what is wrong', () => {
    const { doc } = workshop();
    expect(sentence(statementsFromJson(doc, { notes: [{ text: 'God' }, { text: '' }] }))).toBe('Note 1 (notes[1]): the text is empty. Nothing was imported.');
    expect(sentence(statementsFromJson(doc, { notes: [{ text: 'God', group: 'mayor' }] }))).toMatch(/^Note 0 \(notes\[0\]\): "mayor" is not a group/);
    expect(sentence(statementsFromJson(doc, { notes: [{ text: 'God', gathering: 'Aarhus' }] }))).toMatch(/^Note 0.*"Aarhus" names no gathering/);
    expect(sentence(statementsFromJson(doc, { notes: ['God'] }))).toMatch(/^Note 0.*not an object/);
    expect(sentence(statementsFromJson(doc, { notes: [{ text: 'x'.repeat(MAX_STATEMENT_CHARS + 1) }] }))).toMatch(/longer than/);
    expect(sentence(statementsFromJson(doc, { statements: [] }))).toMatch(/^The file: there is no list "notes"/);
    const many = Array.from({ length: MAX_IMPORTED_STATEMENTS + 1 }, () => ({ text: 'Ja' }));
    expect(sentence(statementsFromJson(doc, { notes: many }))).toMatch(/at most 2,000 statements/);
  });
});

describe('writing statements', () => {
  it('makes notes on the gathering’s page in the group’s colour, with no participant, marked as collected before', () => {
    const { doc, gathering } = workshop();
    const outcome = statementsFromCsv(doc, 'text,group,place\nBevar havnen,citizen,Nuuk\nMere lys,,\n');
    if (!('statements' in outcome)) throw new Error('refused');
    expect(writeStatements(doc, outcome.statements)).toBe(2);
    const notes = notesOf(doc);
    expect(notes).toHaveLength(2);
    const [harbour, light] = [...notes].sort((a, b) => (plainText(a.props.richText) < plainText(b.props.richText) ? -1 : 1));
    expect(plainText(harbour.props.richText)).toBe('Bevar havnen');
    expect(harbour).toMatchObject({
      parentId: gathering.pageId,
      props: { color: GROUP_STYLES.citizen.canvasColor, textFirstEditedBy: COLLECTED_BEFORE_USER },
      meta: { group: 'citizen', participantId: null, gatheringId: gathering.id, collectedBefore: true, place: 'Nuuk' },
    });
    expect(light).toMatchObject({ props: { color: 'yellow' }, meta: { group: null, participantId: null, collectedBefore: true } });
    expect(light.meta).not.toHaveProperty('place');
    for (const note of notes) expect(recordProblem(note.id, note, null)).toBeNull();
    // tldraw names the note's first writer from this record: the mark everyone sees, in the workshop's language.
    const mark = recordsOf(doc).get(`user:${COLLECTED_BEFORE_USER}`)!.toJSON();
    expect(mark.name).toBe('Indsamlet\u00a0på\u00a0forhånd');
    expect(recordProblem(mark.id, mark, null)).toBeNull();
    expect(harbour.x !== light.x || harbour.y !== light.y).toBe(true);
  });

  it('passes the gate for the facilitator, and a participant may not change or delete such a note', () => {
    const { doc } = workshop();
    const outcome = statementsFromJson(doc, { notes: [{ text: '<img src=x onerror=alert(1)>', group: 'citizen' }] });
    if (!('statements' in outcome)) throw new Error('refused');
    expect(judge(doc, FACILITATOR, (client) => writeStatements(client, outcome.statements))).toBeNull();
    const [note] = notesOf(doc);
    expect(plainText(note.props.richText)).toBe('<img src=x onerror=alert(1)>');
    const edit = (change: (record: Y.Map<unknown>) => void) => (client: Y.Doc) => change(recordsOf(client).get(note.id)!);
    expect(judge(doc, citizen, edit((record) => record.set('props', { ...note.props, color: 'orange', url: 'x' })))).not.toBeNull();
    expect(judge(doc, citizen, edit((record) => record.set('meta', { ...note.meta, collectedBefore: false })))).not.toBeNull();
    expect(judge(doc, citizen, (client) => recordsOf(client).delete(note.id))).not.toBeNull();
    expect(judge(doc, FACILITATOR, edit((record) => record.set('props', { ...note.props, url: '' })))).toBeNull();
  });

  it('lands on the board’s page when the workshop has no gathering yet', () => {
    const doc = new Y.Doc();
    for (const record of baseRecords()) writeRecord(doc, record);
    const outcome = statementsFromCsv(doc, 'text\nJa\n');
    expect(outcome).toMatchObject({ statements: [{ gatheringId: null, pageId: 'page:page' }] });
  });

  it('writes the most statements a file may hold in one go', () => {
    const { doc } = workshop();
    const outcome = statementsFromJson(doc, { notes: Array.from({ length: MAX_IMPORTED_STATEMENTS }, (_, index) => ({ text: `Udsagn ${index}` })) });
    if (!('statements' in outcome)) throw new Error('refused');
    expect(writeStatements(doc, outcome.statements)).toBe(MAX_IMPORTED_STATEMENTS);
    expect(notesOf(doc)).toHaveLength(MAX_IMPORTED_STATEMENTS);
  });
});

describe('placing many statements', () => {
  it('puts every statement of a large file at its own spot on the page, none over another or over what was there', () => {
    const { doc, gathering } = workshop();
    const first = statementsFromCsv(doc, 'text\r\nAlready here\r\n');
    if (!('statements' in first)) throw new Error('refused');
    writeStatements(doc, first.statements);
    const count = 1_000;
    const rows = Array.from({ length: count }, (_, index) => `Statement ${index}`).join('\r\n');
    const outcome = statementsFromCsv(doc, `text,gathering\r\n${rows.split('\r\n').map((row) => `${row},${gathering.id}`).join('\r\n')}\r\n`);
    if (!('statements' in outcome)) throw new Error('refused');
    expect(writeStatements(doc, outcome.statements)).toBe(count);
    const notes = notesOf(doc).filter((note) => note.parentId === gathering.pageId);
    expect(notes).toHaveLength(count + 1);
    const spots = new Set(notes.map((note) => `${String(note.x)},${String(note.y)}`));
    expect(spots.size).toBe(notes.length);
    const indexes = new Set(notes.map((note) => String(note.index)));
    expect(indexes.size).toBe(notes.length);
  });
});
