import { GROUPS, type Group } from '../domain/groups';
import { LANGUAGES, type Language } from '../domain/languages';
import { TEMPLATES, type Template } from '../domain/roles';

/** Longest workshop title. */
export const MAX_TITLE_LENGTH = 200;
/** Longest participant name. */
export const MAX_NAME_LENGTH = 80;
/** Longest join code accepted as input (spaces and dashes allowed around 6–8 characters). */
export const MAX_JOIN_CODE_INPUT = 16;

/** Body of `POST /api/workshops`. */
export interface CreateWorkshopBody {
  title: string;
  language?: Language;
  template?: Template;
}

/** Body of `POST /api/join`. */
export interface JoinBody {
  joinCode: string;
  name?: string;
  group: Group;
}

/** JSON schema of `POST /api/workshops` (the title must hold more than blanks). */
export const createWorkshopSchema = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: MAX_TITLE_LENGTH, pattern: '\\S' },
    language: { type: 'string', enum: [...LANGUAGES] },
    template: { type: 'string', enum: [...TEMPLATES] },
  },
} as const;

/** JSON schema of `POST /api/join`. */
export const joinSchema = {
  type: 'object',
  required: ['joinCode', 'group'],
  additionalProperties: false,
  properties: {
    joinCode: { type: 'string', minLength: 1, maxLength: MAX_JOIN_CODE_INPUT },
    name: { type: 'string', maxLength: MAX_NAME_LENGTH },
    group: { type: 'string', enum: [...GROUPS] },
  },
} as const;
