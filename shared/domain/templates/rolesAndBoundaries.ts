import type { TemplateContent } from './types';

/**
 * Roles and boundaries, after Nynäshamn's commission (seeds/003): a workshop with each
 * committee covering the nine discussion items in the paper's order, and a written result
 * against the commission's four goals (kept as the report's goals).
 */
export const rolesAndBoundaries: TemplateContent = {
  layout: 'grid',
  gatherings: [
    {
      title: { da: 'Roller og grænsedragning', sv: 'Roller och gränsdragning', en: 'Roles and boundaries' },
      steps: [
        {
          minutes: 20,
          text: {
            da: { title: 'Demokratibegrebet', prompt: 'Hvad betyder demokrati for os – i kommunalbestyrelsen, i udvalgene og i forvaltningen?' },
            sv: { title: 'Demokratibegreppet', prompt: 'Vad betyder demokrati för oss – i fullmäktige, i nämnden och i förvaltningen?' },
            en: { title: 'The idea of democracy', prompt: 'What does democracy mean to us – in the council, in the committee and in the administration?' },
          },
        },
        {
          minutes: 20,
          text: {
            da: { title: 'De folkevalgtes ansvar og opgave', prompt: 'Hvordan ser de folkevalgtes ansvar og opgave ud, og hvad indgår i dem?' },
            sv: { title: 'Förtroendevaldas ansvar och uppdrag', prompt: 'Hur ser de förtroendevaldas ansvar och uppdrag ut, och vad ingår?' },
            en: { title: "Elected members' responsibility", prompt: 'What are elected members responsible for, and what does their task include?' },
          },
        },
        {
          minutes: 20,
          text: {
            da: { title: 'Ledernes ansvar og opgave', prompt: 'Hvordan ser ledernes ansvar og opgave ud, og hvad indgår i dem?' },
            sv: { title: 'Chefers ansvar och uppdrag', prompt: 'Hur ser chefernas ansvar och uppdrag ut, och vad ingår?' },
            en: { title: "Managers' responsibility", prompt: 'What are managers responsible for, and what does their task include?' },
          },
        },
        {
          minutes: 20,
          text: {
            da: { title: 'Arbejdsgangen', prompt: 'Hvordan ser arbejdsgangen ud – fra en sag bliver rejst, til den er besluttet og ført ud i livet?' },
            sv: { title: 'Arbetsgången', prompt: 'Hur ser arbetsgången ut – från att ett ärende väcks tills det är beslutat och genomfört?' },
            en: { title: 'How the work flows', prompt: 'How does the work flow – from the moment a case is raised until it is decided and carried out?' },
          },
        },
        {
          minutes: 15,
          text: {
            da: { title: 'Kommunikationskanaler', prompt: 'Hvilke kommunikationskanaler findes der mellem folkevalgte og forvaltning – og hvornår bruger vi hvilken?' },
            sv: { title: 'Kommunikationskanaler', prompt: 'Vilka kommunikationskanaler finns mellan förtroendevalda och tjänstepersoner – och när använder vi vilken?' },
            en: { title: 'Which channels exist', prompt: 'Which channels exist between elected members and officials – and when do we use which?' },
          },
        },
        {
          minutes: 20,
          text: {
            da: { title: 'Det har de folkevalgte brug for fra lederne', prompt: 'Hvad har de folkevalgte brug for fra lederne, for at samarbejdet fungerer godt?' },
            sv: { title: 'Det förtroendevalda behöver av cheferna', prompt: 'Vad behöver förtroendevalda av cheferna för att samarbetet ska fungera bra?' },
            en: { title: 'What elected members need from managers', prompt: 'What do elected members need from managers for the cooperation to work well?' },
          },
        },
        {
          minutes: 20,
          text: {
            da: { title: 'Det har lederne brug for fra de folkevalgte', prompt: 'Hvad har lederne brug for fra de folkevalgte, for at samarbejdet fungerer godt?' },
            sv: { title: 'Det cheferna behöver av förtroendevalda', prompt: 'Vad behöver cheferna av förtroendevalda för att samarbetet ska fungera bra?' },
            en: { title: 'What managers need from elected members', prompt: 'What do managers need from elected members for the cooperation to work well?' },
          },
        },
        {
          minutes: 20,
          text: {
            da: { title: 'Det skal forbedres', prompt: 'Hvad skal forbedres?' },
            sv: { title: 'Det som behöver förbättras', prompt: 'Vad behöver förbättras?' },
            en: { title: 'What must improve', prompt: 'What needs to improve?' },
          },
        },
        {
          minutes: 15,
          text: {
            da: { title: 'Det skal samarbejdet bygge på', prompt: 'Hvad skal samarbejdet bygge på?' },
            sv: { title: 'Det samarbetet ska byggas på', prompt: 'Vad ska samarbetet byggas på?' },
            en: { title: 'What the cooperation rests on', prompt: 'What should our cooperation rest on?' },
          },
        },
      ],
    },
  ],
  reportGoals: {
    da: [
      'En tydelig beskrivelse og procestegning af sagsgangen og den generelle arbejdsgang',
      'Tydelige former for kommunikation og kommunikationskanaler i sagsgangens og arbejdsgangens faser og i forholdet mellem politikere og medarbejdere',
      'Tydelige forventninger og roller i sagsforberedelsen og sagsgangen',
      'En aftale om, hvordan afvigelser skal håndteres',
    ],
    sv: [
      'Tydlig beskrivning/processbild av ärendegång och generell arbetsgång',
      'Tydliggöra former för kommunikation och kommunikationskanaler under de olika faserna i ärendegången/arbetsgången och relationen politiker och tjänstepersoner',
      'Tydliggöra förväntningar och roller i ärendeberedning och ärendegång/arbetsgång',
      'Ta fram hur hantering av avvikelser ska göras',
    ],
    en: [
      'A clear description and process map of how cases are handled and how the work flows in general',
      'Clear forms of communication and channels in each phase of the case and work flow, and between politicians and officials',
      'Clear expectations and roles in preparing and handling cases',
      'An agreed way of handling deviations',
    ],
  },
};
