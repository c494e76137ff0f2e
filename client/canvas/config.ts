import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { defaultBindingUtils, defaultShapeUtils, type TldrawOptions } from 'tldraw';

/**
 * tldraw configuration, at module scope so React never sees a new object.
 *
 * Fonts, icons and translations are imported as files of our own build (Vite copies them
 * into dist/client/assets), so the page asks no other host for anything.
 */
export const assetUrls = getAssetUrlsByImport();

/** The shapes and bindings the board knows; the store's schema is made from the same lists. */
export const shapeUtils = defaultShapeUtils;
export const bindingUtils = defaultBindingUtils;

/**
 * The tldraw licence key, from TLDRAW_LICENSE_KEY at build time (see vite.config.ts).
 * Without it tldraw runs on localhost and plain HTTP; HTTPS production domains need it.
 */
export const licenseKey: string | undefined = __TLDRAW_LICENSE_KEY__ || undefined;

/** Editor options: no external links or embeds that would reach other hosts. */
export const editorOptions: Partial<TldrawOptions> = {
  maxPages: 20,
};
