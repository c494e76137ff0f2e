// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { weavePng } from '../../server/export/weavePng';
import { weaveSvg } from '../../server/export/weaveSvg';
import { HOSTILE_TEXTS, SAMPLE_WEAVE } from '../helpers/sampleExportDocument';

function parsed(svg: string): Document {
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

describe('the weave figure as SVG', () => {
  it('names every gathering, its place and day, every thread and section as text', () => {
    const text = parsed(weaveSvg(SAMPLE_WEAVE)).documentElement.textContent ?? '';
    for (const gathering of SAMPLE_WEAVE.weave.gatherings) expect(text).toContain(gathering.title);
    expect(text).toContain('Nuuk · 12. marts 2025');
    expect(text).toContain('Hav og fangst');
    expect(text).toContain('Grundfortælling');
    expect(text).toContain(SAMPLE_WEAVE.caption);
  });

  it('shows a title that is markup as text, and makes no element of it', () => {
    const svg = weaveSvg(SAMPLE_WEAVE);
    const document = parsed(svg);
    expect(document.querySelector('parsererror')).toBeNull();
    expect(document.querySelectorAll('img, script, b, foreignObject')).toHaveLength(0);
    expect(svg).not.toMatch(/<img|<script|<b>/);
    // The hostile thread title is wrapped over two lines; its words are all there as text.
    const text = document.documentElement.textContent ?? '';
    expect(text).toContain('<img src=x');
    expect(text).toContain('onerror=alert(1)>');
    expect(text).toContain('Boliger <b>nu</b>');
    for (const element of Array.from(document.querySelectorAll('*'))) {
      expect(element.getAttributeNames().filter((name) => name.startsWith('on'))).toEqual([]);
    }
  });

  it('draws a strand per thread and a stop per gathering it runs through', () => {
    const document = parsed(weaveSvg({ ...SAMPLE_WEAVE, caption: HOSTILE_TEXTS[2] }));
    const counts = Array.from(document.querySelectorAll('circle + text')).map((element) => element.textContent);
    // Hav og fangst: 2 notes in Nuuk, 1 in Tasiilaq; the second thread: 1 in Paamiut.
    expect(counts).toEqual(['2', '1', '1']);
    expect(document.querySelector('title')?.textContent).toBe(HOSTILE_TEXTS[2]);
  });
});

describe('the weave figure as PNG', () => {
  it('is a PNG 2,400 pixels wide in the figure’s proportions', () => {
    const png = weavePng(SAMPLE_WEAVE);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const svg = parsed(weaveSvg(SAMPLE_WEAVE)).documentElement;
    expect(width).toBe(2400);
    expect(height).toBe(Math.round((2400 * Number(svg.getAttribute('height'))) / Number(svg.getAttribute('width'))));
  });
});
