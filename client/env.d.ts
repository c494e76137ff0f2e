/** Set by vite.config.ts from TLDRAW_LICENSE_KEY at build time ('' when unset). */
declare const __TLDRAW_LICENSE_KEY__: string;
