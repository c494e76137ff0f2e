/** Strings of the narrative views, under `narrative.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const narrative = {
  da: {},
  sv: {},
  en: {},
};
