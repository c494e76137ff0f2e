import type { TemplateContent } from './types';

/**
 * Keep / start / leave behind, after Kerteminde's leadership paper (seeds/002): "Det skal vi
 * holde fast i… begynde på… lægge bag os". Three steps whose frames stand side by side as
 * tall columns, so the room reads the three answers against each other.
 */
export const keepStartLeave: TemplateContent = {
  layout: 'columns',
  gatherings: [
    {
      title: { da: 'Holde fast, begynde, lægge bag os', sv: 'Behålla, börja, lämna bakom oss', en: 'Keep, start, leave behind' },
      steps: [
        {
          minutes: 15,
          text: {
            da: {
              title: 'Det skal vi holde fast i',
              prompt: 'Hvad gør vi allerede godt, som vi skal holde fast i – fx det at finde løsninger sammen?',
            },
            sv: {
              title: 'Det här ska vi hålla fast vid',
              prompt: 'Vad gör vi redan bra som vi ska hålla fast vid – till exempel att hitta lösningar tillsammans?',
            },
            en: {
              title: 'What we keep',
              prompt: 'What do we already do well and must hold on to – finding solutions together, for instance?',
            },
          },
        },
        {
          minutes: 15,
          text: {
            da: {
              title: 'Det skal vi begynde på',
              prompt: 'Hvad skal vi begynde på – fx at fokusere på det, vi er sammen om, eller at turde give magten fra os?',
            },
            sv: {
              title: 'Det här ska vi börja med',
              prompt: 'Vad ska vi börja med – till exempel att fokusera på det vi gör tillsammans, eller att våga lämna ifrån oss makt?',
            },
            en: {
              title: 'What we start',
              prompt: 'What should we start doing – focusing on what we share, for instance, or daring to hand over power?',
            },
          },
        },
        {
          minutes: 15,
          text: {
            da: {
              title: 'Det skal vi lægge bag os',
              prompt: 'Hvad skal vi lægge bag os – fx holdningen "det er ikke min opgave"?',
            },
            sv: {
              title: 'Det här ska vi lämna bakom oss',
              prompt: 'Vad ska vi lämna bakom oss – till exempel inställningen "det är inte min uppgift"?',
            },
            en: {
              title: 'What we leave behind',
              prompt: 'What should we leave behind – the "that is not my job" attitude, for instance?',
            },
          },
        },
      ],
    },
  ],
};
