import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { defaultBindingUtils, type TldrawOptions } from 'tldraw';
import { guardedShapeUtils } from './guardedShapes';

/**
 * tldraw configuration, at module scope so React never sees a new object.
 *
 * Fonts, icons and translations are imported as files of our own build (Vite copies them
 * into dist/client/assets), so the page asks no other host for anything.
 */
export const assetUrls = getAssetUrlsByImport();

/**
 * The shapes and bindings the board knows; the store's schema is made from the same lists.
 * They are tldraw's own, with editing of text guarded by the canvas rules.
 */
export const shapeUtils = guardedShapeUtils;
export const bindingUtils = defaultBindingUtils;

/**
 * The tldraw licence key, from TLDRAW_LICENSE_KEY at build time (see vite.config.ts).
 * Without it tldraw runs on localhost and plain HTTP, with its own English badge ("Get a
 * license for production") in the canvas's corner; HTTPS production domains need it. The
 * badge goes only with a valid key: tldraw checks a key on any host in development
 * (localhost, plain HTTP) and then shows no badge (unless the licence is one with a
 * watermark). Its licence forbids hiding, altering or covering the badge, and interfering
 * with the key check, so the board leaves it as tldraw draws it.
 */
export const licenseKey: string | undefined = __TLDRAW_LICENSE_KEY__ || undefined;

/** Editor options: no external links or embeds that would reach other hosts. */
export const editorOptions: Partial<TldrawOptions> = {
  maxPages: 20,
};

/**
 * Images are kept inside the workshop document as data until assets get a store of their
 * own, and the server refuses frames over 1 MiB (closing the socket for good). So an image
 * must stay well below that, even with the base64 overhead and other offline changes in the
 * same frame; a larger one is refused with tldraw's own message. Videos are not accepted.
 */
export const externalContent = {
  maxImageDimension: 1600,
  maxAssetSize: 384 * 1024,
  acceptedVideoMimeTypes: [] as readonly string[],
} as const;
