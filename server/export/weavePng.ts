import { Resvg } from '@resvg/resvg-js';
import type { WeaveFigure } from '../../shared/export/exportDocument';
import { FONT_FAMILY, FONT_FILES } from './fonts';
import { weaveSvg } from './weaveSvg';

/** Width of the PNG in pixels: sharp on an A4 page (about 200 dpi over 17 cm) and on a projector. */
const PNG_WIDTH = 2400;

/**
 * The weave figure as a PNG image, drawn on the server without a browser (resvg). Only our
 * own font files are loaded, never the system's, so the picture is the same on every machine;
 * the SVG is our own drawing and names no file or URL, so resvg reads nothing else.
 */
export function weavePng(figure: WeaveFigure): Buffer {
  const resvg = new Resvg(weaveSvg(figure), {
    fitTo: { mode: 'width', value: PNG_WIDTH },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: Object.values(FONT_FILES), defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
