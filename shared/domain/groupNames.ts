import type { Group } from './groups';
import type { Language } from './languages';

/**
 * What each stakeholder group is called, per language (DOMAIN.md, "The people"). Part of the
 * domain rather than of one view: the board's legend and pickers show them, and the server
 * names an anonymous participant's presence by them. Greenlandic has none of its own yet and
 * falls back to Danish, as the rest of the interface does.
 */
export const GROUP_NAMES: Record<Exclude<Language, 'kl'>, Record<Group, string>> = {
  da: {
    politician: 'Politiker',
    manager: 'Leder',
    employee: 'Medarbejder',
    citizen: 'Borger',
    business: 'Virksomhed',
    association: 'Forening',
    other: 'Andet'
  },
  sv: {
    politician: 'Förtroendevald',
    manager: 'Chef',
    employee: 'Tjänsteperson',
    citizen: 'Medborgare',
    business: 'Näringsliv',
    association: 'Förening',
    other: 'Annat'
  },
  en: {
    politician: 'Politician',
    manager: 'Manager',
    employee: 'Employee',
    citizen: 'Citizen',
    business: 'Business',
    association: 'Association',
    other: 'Other'
  }
};

/** The name of `group` in `language` (Greenlandic falls back to Danish). */
export function groupName(group: Group, language: Language): string {
  return GROUP_NAMES[language === 'kl' ? 'da' : language][group];
}
