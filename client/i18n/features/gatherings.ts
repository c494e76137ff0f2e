/** Strings of the gatherings views, under `gatherings.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const gatherings = {
  da: {},
  sv: {},
  en: {},
};
