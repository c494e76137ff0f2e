import type { TFunction } from 'i18next';
import { groupName } from '../../../shared/domain/groupNames';
import { isLanguage } from '../../../shared/domain/languages';
import type { ModeratedNote } from './moderationLists';

/** A note's group and gathering in words: "Citizen · Nuuk". */
export function noteFacts(t: TFunction, language: string, note: Pick<ModeratedNote, 'group' | 'gathering'>): string {
  const group = note.group ? groupName(note.group, isLanguage(language) ? language : 'da') : t('facilitator.moderation.noGroup');
  return `${group} · ${note.gathering ?? t('facilitator.moderation.noGathering')}`;
}

/** A note's text, or words for an empty one. */
export function noteText(t: TFunction, text: string): string {
  return text.trim() ? text : t('facilitator.moderation.emptyNote');
}
