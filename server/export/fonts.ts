import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts the server draws exported documents and figures with: DejaVu, which covers every
 * letter of Danish, Swedish and Greenlandic (ĸ included) and more. Read from the package once,
 * by our own fixed paths: no path in a document ever names a file.
 */
const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: join(fontDirectory, 'DejaVuSans.ttf'),
  bold: join(fontDirectory, 'DejaVuSans-Bold.ttf'),
  italic: join(fontDirectory, 'DejaVuSans-Oblique.ttf'),
} as const;

/** The family name the fonts carry, as SVG text asks for it. */
export const FONT_FAMILY = 'DejaVu Sans';

let loaded: Record<keyof typeof FONT_FILES, Buffer> | null = null;

/** The font files' bytes, read once. */
export function fontBytes(): Record<keyof typeof FONT_FILES, Buffer> {
  loaded ??= {
    regular: readFileSync(FONT_FILES.regular),
    bold: readFileSync(FONT_FILES.bold),
    italic: readFileSync(FONT_FILES.italic),
  };
  return loaded;
}
