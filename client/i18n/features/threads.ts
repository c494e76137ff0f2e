/** Strings of the threads views, under `threads.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const threads = {
  da: {},
  sv: {},
  en: {},
};
