import type { TemplateContent } from './types';

/**
 * Vision gathering, after Kommuneqarfik Sermersooq's vision process (seeds/000): at each
 * gathering the people of the place say what is special about it and where the municipality
 * should go, and propose trial actions (prøvehandlinger) that can start at once, each of
 * which can become a thread between the gatherings.
 */
export const visionGathering: TemplateContent = {
  layout: 'row',
  gatherings: [
    {
      title: { da: 'Visionssamling', sv: 'Visionsträff', en: 'Vision gathering' },
      steps: [
        {
          minutes: 15,
          text: {
            da: {
              title: 'Det særlige ved stedet',
              prompt: 'Hvad er særligt ved netop dette sted – for dem, der bor, arbejder og driver virksomhed her?',
            },
            sv: {
              title: 'Det särskilda med platsen',
              prompt: 'Vad är särskilt med just den här platsen – för dem som bor, arbetar och driver företag här?',
            },
            en: {
              title: 'What is special about this place',
              prompt: 'What is special about this very place – for the people who live, work and run a business here?',
            },
          },
        },
        {
          minutes: 20,
          text: {
            da: {
              title: 'Hvor skal vi hen?',
              prompt: 'I hvilken retning skal kommunen udvikle sig? Beskriv det fælles billede, du gerne vil se om ti år.',
            },
            sv: {
              title: 'Vart ska vi?',
              prompt: 'I vilken riktning ska kommunen utvecklas? Beskriv den gemensamma bild du vill se om tio år.',
            },
            en: {
              title: 'Where should we go?',
              prompt: 'Which direction should the municipality take? Describe the shared picture you would like to see in ten years.',
            },
          },
        },
        {
          minutes: 20,
          text: {
            da: {
              title: 'Prøvehandlinger vi kan starte nu',
              prompt: 'Hvilke konkrete prøvehandlinger kan vi sætte i gang allerede nu, så alle kan se visionens retning? Én handling pr. seddel – hver kan blive en tråd.',
            },
            sv: {
              title: 'Provhandlingar vi kan starta nu',
              prompt: 'Vilka konkreta provhandlingar kan vi sätta igång redan nu, så att alla ser visionens riktning? En handling per lapp – var och en kan bli en tråd.',
            },
            en: {
              title: 'Trial actions we can start now',
              prompt: 'Which concrete trial actions can we start right away, so that everyone can see where the vision is heading? One action per note – each can become a thread.',
            },
          },
        },
      ],
    },
  ],
};
