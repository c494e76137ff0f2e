import type { Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../../shared/domain/languages';
import { sectionsOf } from '../../../shared/domain/narrative';
import { mayEditThreadCard } from '../../../shared/domain/rights';
import { threadOf, threadsOf, updateThread } from '../../../shared/domain/threads';
import { draftPassage, recordWeave } from '../../../shared/domain/weaving';
import { workshopOf } from '../../../shared/schema';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { insertAtSectionEnd } from './narrativeCommands';
import { GroupChip, PlaceChip } from './PassageMargin';

/** The value of the "before the first heading" choice (a select's value is a string). */
const START = '';

interface WeaveDialogProps {
  editor: Editor;
  /** The thread to choose first, if any. */
  threadId: string | null;
  onClose(): void;
  /** Told what was woven where, in words. */
  onWoven(message: string): void;
}

/**
 * Weaving a thread into a section: choose both, see which notes the passage will quote,
 * and the drafted passage is inserted at the end of the section, the weave recorded, and
 * the thread marked woven when this person may change its card.
 */
export function WeaveDialog({ editor, threadId, onClose, onWoven }: WeaveDialogProps) {
  const { t, i18n } = useTranslation();
  const { doc, identity } = useWorkshop();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const choices = useDocValue(doc, (current) => ({ threads: threadsOf(current), sections: sectionsOf(current) })) ?? { threads: [], sections: [] };
  const [chosenThread, setChosenThread] = useState(threadId ?? '');
  const [chosenSection, setChosenSection] = useState<string | null>(null);
  const thread = choices.threads.find((candidate) => candidate.id === chosenThread) ?? choices.threads[0];
  const sectionOptions = choices.sections.length ? choices.sections : [{ id: null, heading: '' }];
  const section = sectionOptions.find((candidate) => (candidate.id ?? START) === chosenSection) ?? sectionOptions.at(-1);
  const stored = workshopOf(doc).get('language');
  const language: Language = isLanguage(stored) ? stored : isLanguage(i18n.language) ? i18n.language : 'da';
  const draft = useDocValue(doc, (current) => (thread ? draftPassage(current, thread.id, language) : undefined), [thread?.id, language]);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!thread || !section) return;
    const woven = draftPassage(doc, thread.id, language);
    if (!woven) return;
    if (!insertAtSectionEnd(editor, section.id, woven.content)) return;
    recordWeave(doc, { passageId: woven.passageId, threadId: thread.id, noteIds: woven.noteIds, sectionId: section.id, by: identity.participantId });
    const card = threadOf(doc, thread.id);
    if (card && card.status !== 'woven' && mayEditThreadCard(identity, card)) updateThread(doc, thread.id, { status: 'woven' });
    onWoven(t('narrative.weave.done', { thread: thread.title, section: section.heading || t('narrative.weave.start') }));
    onClose();
  };

  return (
    <dialog ref={dialog} className="narrative-dialog" aria-labelledby={titleId} onCancel={onClose}>
      <form onSubmit={submit}>
        <h2 id={titleId}>{t('narrative.weave.title')}</h2>
        {choices.threads.length === 0 ? (
          <p>{t('narrative.weave.noThreads')}</p>
        ) : (
          <>
            <label htmlFor={`${titleId}-thread`}>{t('narrative.weave.thread')}</label>
            <select id={`${titleId}-thread`} value={thread?.id ?? ''} onChange={(event) => setChosenThread(event.target.value)}>
              {choices.threads.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title || t('narrative.weave.untitled')} ({t(`narrative.status.${candidate.status}`)})
                </option>
              ))}
            </select>
            <label htmlFor={`${titleId}-section`}>{t('narrative.weave.section')}</label>
            <select id={`${titleId}-section`} value={section?.id ?? START} onChange={(event) => setChosenSection(event.target.value)}>
              {sectionOptions.map((candidate) => (
                <option key={candidate.id ?? START} value={candidate.id ?? START}>
                  {candidate.heading || t('narrative.weave.start')}
                </option>
              ))}
            </select>
            <div className="narrative-dialog-preview" aria-live="polite">
              {draft && draft.quotes.length > 0 ? (
                <>
                  <p>{t('narrative.weave.quotes', { count: draft.quotes.length })}</p>
                  <ul>
                    {draft.quotes.map((quote) => (
                      <li key={quote.noteId}>
                        {quote.text}{' '}
                        <span className="narrative-chips">
                          {quote.group && <GroupChip group={quote.group} />}
                          {quote.place && <PlaceChip place={quote.place} />}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="narrative-flag">{t('narrative.weave.noNotes')}</p>
              )}
            </div>
          </>
        )}
        <div className="narrative-dialog-actions">
          {choices.threads.length > 0 && (
            <button type="submit" className="button">
              {t('narrative.weave.submit')}
            </button>
          )}
          <button type="button" className="button-quiet" onClick={onClose}>
            {t('narrative.weave.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
