/**
 * Strings of the board's own chrome around tldraw (the folded style panel),
 * under `boardChrome.*` (`board.*` is the board page's, in the language files), in Danish,
 * Swedish and English (Greenlandic falls back to Danish).
 */
export const boardChrome = {
  da: {
    style: {
      show: 'Farve og stil',
      hide: 'Skjul farve og stil',
    },
  },
  sv: {
    style: {
      show: 'Färg och stil',
      hide: 'Dölj färg och stil',
    },
  },
  en: {
    style: {
      show: 'Colour and style',
      hide: 'Hide colour and style',
    },
  },
};
