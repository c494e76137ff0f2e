/** Strings of the template chooser on the start page, under `templates.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const templates = {
  da: {
    legend: 'Skabelon',
    lead: 'Skabelonen lægger samlinger, trin, spørgsmål og rammer ud på tavlen på workshoppens sprog. Du kan ændre det hele bagefter.',
    blank: { label: 'Tom tavle', description: 'Ingen samlinger eller trin – du lægger selv det hele til.' },
    visionGathering: {
      label: 'Visionssamling',
      description: 'Det særlige ved stedet, hvor vi skal hen, og prøvehandlinger vi kan starte nu (Sermersooq).',
    },
    keepStartLeave: {
      label: 'Holde fast, begynde, lægge bag os',
      description: 'Tre kolonner side om side: det vi holder fast i, begynder på og lægger bag os (Kerteminde).',
    },
    rolesAndBoundaries: {
      label: 'Roller og grænsedragning',
      description: 'Ni drøftelsespunkter for folkevalgte og ledere og fire mål til rapporten (Nynäshamn).',
    },
    crossCutting: {
      label: 'Tværgående opgaver',
      description: 'Klima, erhverv, sundhed, unge og bosætning på tværs af forvaltningerne (Norddjurs).',
    },
  },
  sv: {
    legend: 'Mall',
    lead: 'Mallen lägger ut träffar, steg, frågor och ramar på tavlan på workshopens språk. Du kan ändra allt efteråt.',
    blank: { label: 'Tom tavla', description: 'Inga träffar eller steg – du lägger själv till allt.' },
    visionGathering: {
      label: 'Visionsträff',
      description: 'Det särskilda med platsen, vart vi ska och provhandlingar vi kan starta nu (Sermersooq).',
    },
    keepStartLeave: {
      label: 'Behålla, börja, lämna bakom oss',
      description: 'Tre kolumner sida vid sida: det vi håller fast vid, börjar med och lämnar bakom oss (Kerteminde).',
    },
    rolesAndBoundaries: {
      label: 'Roller och gränsdragning',
      description: 'Nio diskussionspunkter för förtroendevalda och chefer och fyra mål för rapporten (Nynäshamn).',
    },
    crossCutting: {
      label: 'Tvärsektoriella uppgifter',
      description: 'Klimat, näringsliv, hälsa, unga och bosättning över förvaltningsgränserna (Norddjurs).',
    },
  },
  en: {
    legend: 'Template',
    lead: "The template lays out gatherings, steps, questions and frames on the board in the workshop's language. You can change all of it afterwards.",
    blank: { label: 'Blank board', description: 'No gatherings or steps – you add everything yourself.' },
    visionGathering: {
      label: 'Vision gathering',
      description: 'What is special about this place, where we should go, and trial actions to start now (Sermersooq).',
    },
    keepStartLeave: {
      label: 'Keep, start, leave behind',
      description: 'Three columns side by side: what we keep, what we start and what we leave behind (Kerteminde).',
    },
    rolesAndBoundaries: {
      label: 'Roles and boundaries',
      description: 'Nine discussion items for elected members and managers, and four goals for the report (Nynäshamn).',
    },
    crossCutting: {
      label: 'Cross-cutting tasks',
      description: 'Climate, business, health, youth and settlement across departments (Norddjurs).',
    },
  },
};
