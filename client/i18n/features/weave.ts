/** Strings of the weave views, under `weave.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const weave = {
  da: {},
  sv: {},
  en: {},
};
