/** Strings of the myNotes views, under `myNotes.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const myNotes = {
  da: {},
  sv: {},
  en: {},
};
