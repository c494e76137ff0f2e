import type { TemplateContent } from './types';

/**
 * Cross-cutting tasks, after Norddjurs' development course (seeds/004): the tasks no single
 * department can solve – climate, business, health, youth, settlement – worked on by the
 * executive board and managers together with citizens, businesses and associations.
 */
export const crossCutting: TemplateContent = {
  layout: 'grid',
  gatherings: [
    {
      title: { da: 'Tværgående opgaver', sv: 'Tvärsektoriella uppgifter', en: 'Cross-cutting tasks' },
      steps: [
        {
          minutes: 15,
          text: {
            da: {
              title: 'Klima',
              prompt: 'Klimaplanen: hvad kan vi kun nå på tværs af forvaltningerne og sammen med borgere, virksomheder og foreninger – og hvem skal være med?',
            },
            sv: {
              title: 'Klimat',
              prompt: 'Klimatplanen: vad kan vi bara nå över förvaltningsgränserna och tillsammans med invånare, företag och föreningar – och vem behöver vara med?',
            },
            en: {
              title: 'Climate',
              prompt: 'The climate plan: what can we only achieve across departments and together with citizens, businesses and associations – and who must take part?',
            },
          },
        },
        {
          minutes: 15,
          text: {
            da: {
              title: 'Erhverv',
              prompt: 'Erhvervsudvikling: hvordan møder virksomhederne en sammenhængende kommune, og hvilke partnerskaber kan vi skabe?',
            },
            sv: {
              title: 'Näringsliv',
              prompt: 'Näringslivsutveckling: hur möter företagen en sammanhållen kommun, och vilka partnerskap kan vi skapa?',
            },
            en: {
              title: 'Business',
              prompt: 'Business development: how do businesses meet one coherent municipality, and which partnerships can we build?',
            },
          },
        },
        {
          minutes: 15,
          text: {
            da: {
              title: 'Sundhed',
              prompt: 'Sundhed: hvilke opgaver på sundhedsområdet kræver samarbejde på tværs, og hvem uden for rådhuset kan bidrage?',
            },
            sv: {
              title: 'Hälsa',
              prompt: 'Hälsa: vilka uppgifter inom hälsoområdet kräver samarbete över gränserna, och vem utanför kommunhuset kan bidra?',
            },
            en: {
              title: 'Health',
              prompt: 'Health: which health tasks need work across boundaries, and who outside the town hall can contribute?',
            },
          },
        },
        {
          minutes: 15,
          text: {
            da: {
              title: 'Unge',
              prompt: 'Unge: hvad skal der til for de unges trivsel og vej til uddannelse og arbejde – og hvem kan vi gøre det sammen med?',
            },
            sv: {
              title: 'Unga',
              prompt: 'Unga: vad krävs för ungas välmående och väg till utbildning och arbete – och vilka kan vi göra det tillsammans med?',
            },
            en: {
              title: 'Youth',
              prompt: "Youth: what does it take for young people to thrive and find their way to education and work – and who can we do it with?",
            },
          },
        },
        {
          minutes: 15,
          text: {
            da: {
              title: 'Bosætning',
              prompt: 'Bosætning: hvad får folk til at flytte hertil og blive, og hvordan kan lokalsamfund og foreninger være med?',
            },
            sv: {
              title: 'Bosättning',
              prompt: 'Bosättning: vad får människor att flytta hit och stanna, och hur kan lokalsamhällen och föreningar vara med?',
            },
            en: {
              title: 'Settlement',
              prompt: 'Settlement: what makes people move here and stay, and how can local communities and associations take part?',
            },
          },
        },
      ],
    },
  ],
};
