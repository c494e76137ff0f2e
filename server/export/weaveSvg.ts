import type { WeaveFigure } from '../../shared/export/exportDocument';

/** The weave figure as a standalone SVG document (every user word escaped). */
export function weaveSvg(figure: WeaveFigure): string {
  void figure;
  // Placeholder until the figure is drawn: a valid, empty SVG.
  return '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="200" viewBox="0 0 800 200"></svg>';
}
