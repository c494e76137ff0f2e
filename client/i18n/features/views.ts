/** Strings of the board's view switcher, under `views.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const views = {
  da: {
    label: 'Visninger',
    board: 'Tavle',
    weave: 'Fletningen',
    narrative: 'Grundfortælling',
    panels: { threads: 'Tråde', myNotes: 'Hvor blev min seddel af?', gatherings: 'Samlinger', steps: 'Dagsorden' },
  },
  sv: {
    label: 'Vyer',
    board: 'Tavla',
    weave: 'Flätningen',
    narrative: 'Berättelse',
    panels: { threads: 'Trådar', myNotes: 'Vart tog min lapp vägen?', gatherings: 'Träffar', steps: 'Dagordning' },
  },
  en: {
    label: 'Views',
    board: 'Board',
    weave: 'Weave',
    narrative: 'Narrative',
    panels: { threads: 'Threads', myNotes: 'Where did my note go?', gatherings: 'Gatherings', steps: 'Agenda' },
  },
};
