import type { WeaveFigure } from '../../shared/export/exportDocument';

/** The weave figure as a PNG image, drawn on the server without a browser. */
export function weavePng(figure: WeaveFigure): Buffer {
  void figure;
  throw new Error('not built yet');
}
