import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedBoard } from '../../shared/domain/board';
import { narrativeMarkdown } from '../../shared/export';
import { escapeMarkdown } from '../../shared/export/markdownEscape';
import { workshopOf } from '../../shared/schema';
import { exportProcess, FACTS, HOSTILE_IMAGE, HOSTILE_LINK } from './exportFixture';

const EXPORTED_AT = Date.UTC(2025, 3, 2, 12);

describe('the narrative as Markdown', () => {
  it('holds the narrative’s headings and text, in the workshop’s language', () => {
    const { doc } = exportProcess();
    const markdown = narrativeMarkdown(doc, FACTS, EXPORTED_AT);

    expect(markdown).toContain('# Vision for Sermersooq');
    expect(markdown).toContain('Grundfortælling · Eksporteret 2. april 2025');
    expect(markdown).toContain('## Indledning');
    expect(markdown).toContain('## Hav og fangst');
    expect(markdown).toContain('Fangst binder byerne sammen. “Både til unge fangere”[^1]');
    // The footnote names the thread, the note, its group and its place.
    expect(markdown).toContain('[^1]: Hav og fangst: “Både til unge fangere” — Borger, Nuuk (Første samling, 12. marts 2025)');
  });

  it('ends with the provenance: each woven thread, its notes with group and place, its learnings', () => {
    const { doc } = exportProcess();
    const markdown = narrativeMarkdown(doc, FACTS, EXPORTED_AT);
    const appendix = markdown.slice(markdown.indexOf('## Kilder'));

    expect(appendix).toContain('### Hav og fangst');
    expect(appendix).toContain('- “Både til unge fangere” — Borger, Nuuk (Første samling, 12. marts 2025) · 3 prikker');
    expect(appendix).toContain('- “Fælles garn” — Politiker, Tasiilaq (Anden samling, 16. marts 2025) · 1 prik');
    expect(appendix).toMatch(/- Skolen vil være med \(\d+\. \p{L}+ \d{4}\)/u);
    // Not woven, so not in the provenance.
    expect(appendix).not.toContain('### Boliger');
    expect(markdown).not.toContain('Skjult seddel');
  });

  it('shows hostile notes as text: no tag, no link, no image', () => {
    const { doc } = exportProcess();
    const markdown = narrativeMarkdown(doc, FACTS, EXPORTED_AT);

    expect(markdown).not.toContain('<img');
    // A link needs an unescaped bracket before its address.
    expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript/m);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('\\[x\\](javascript:alert(1))');
    expect(escapeMarkdown(HOSTILE_IMAGE)).not.toMatch(/<|>/);
    expect(escapeMarkdown(HOSTILE_LINK)).not.toMatch(/(^|[^\\])[[\]]/);
    expect(escapeMarkdown('**bold** _it_ `code` # ![a](b) | &amp;')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\# !\\[a\\](b) \\| &amp;amp;');
  });

  it('escapes what would start a block only where a line starts, and keeps addresses from becoming links', () => {
    expect(escapeMarkdown('- ikke en liste')).toBe('\\- ikke en liste');
    expect(escapeMarkdown('  + heller ikke')).toBe('  \\+ heller ikke');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('1. ikke nummereret')).toBe('1\\. ikke nummereret');
    expect(escapeMarkdown('2025) var året')).toBe('2025\\) var året');
    expect(escapeMarkdown('# ikke en overskrift #')).toBe('\\# ikke en overskrift \\#');
    expect(escapeMarkdown('> ikke et citat')).toBe('&gt; ikke et citat');
    expect(escapeMarkdown('~~streg~~ [^1]')).toBe('\\~\\~streg\\~\\~ \\[^1\\]');
    expect(escapeMarkdown('Se https://example.org og www.example.org')).toBe('Se https\\://example.org og www\\.example.org');
    // Inside a sentence the same characters are plain words, and stay so without a backslash.
    expect(escapeMarkdown('Vi mødtes 12. marts (kl. 10-12): 3 + 4 = 7!')).toBe('Vi mødtes 12. marts (kl. 10-12): 3 + 4 = 7!');
  });

  it('speaks Swedish and English, and Greenlandic as Danish', () => {
    const { doc } = exportProcess();
    expect(narrativeMarkdown(doc, { ...FACTS, language: 'kl' }, EXPORTED_AT)).toContain('## Kilder');
    workshopOf(doc).set('language', 'sv');
    const swedish = narrativeMarkdown(doc, FACTS, EXPORTED_AT);
    expect(swedish).toContain('## Källor');
    expect(swedish).toContain('— Medborgare, Nuuk (Første samling, 12 mars 2025)');
    expect(swedish).toContain('12 mars 2025');
    workshopOf(doc).set('language', 'en');
    const english = narrativeMarkdown(doc, FACTS, EXPORTED_AT);
    expect(english).toContain('## Sources');
    expect(english).toContain('— Citizen, Nuuk (Første samling, 12 March 2025)');
  });

  it('says so when the narrative is empty and nothing is woven', () => {
    const doc = new Y.Doc();
    seedBoard(doc, { title: 'Tom', language: 'en' });
    const markdown = narrativeMarkdown(doc, { ...FACTS, title: 'Tom', language: 'en' }, EXPORTED_AT);
    expect(markdown).toContain('_The narrative is still empty._');
    expect(markdown).toContain('_No thread has been woven into the narrative yet._');
  });
});
