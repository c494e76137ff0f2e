import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../../shared/domain/languages';
import { dismissReview, type ReviewItem } from '../../../shared/domain/narrative';
import { processNoteOf } from '../../../shared/domain/notes';
import { threadOf } from '../../../shared/domain/threads';
import { attribution, quoteOf, quoteParagraph, shortQuote } from '../../../shared/domain/weaving';
import { workshopOf } from '../../../shared/schema';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { restoreQuote } from './narrativeCommands';
import { GroupChip } from './PassageMargin';

interface ReviewTrayProps {
  items: ReviewItem[];
  /** The editor, when this person may edit: then links can be put back or let go. */
  editor: Editor | null;
  onDone(message: string): void;
}

/**
 * Source links whose quoted text was deleted: never silently gone. An editor puts the quote
 * back into its passage, or lets the link go.
 */
export function ReviewTray({ items, editor, onDone }: ReviewTrayProps) {
  const { t } = useTranslation();
  const { doc, showNote } = useWorkshop();
  const facts = useDocValue(
    doc,
    (current) =>
      items.map((item) => {
        const note = processNoteOf(current, item.noteId);
        return { item, text: note ? shortQuote(note.text, 90) : null, group: note?.group ?? null, thread: threadOf(current, item.threadId)?.title ?? '' };
      }),
    [items],
  );
  const stored = workshopOf(doc).get('language');
  const language: Language = isLanguage(stored) ? stored : 'da';

  const restore = (item: ReviewItem): void => {
    const quote = quoteOf(doc, item.noteId);
    if (!editor || !quote) return;
    restoreQuote(editor, item.passageId, item.sectionId, quoteParagraph(quote, item.threadId, language), attribution(quote, language));
    onDone(t('narrative.review.restored'));
  };
  const dismiss = (item: ReviewItem): void => {
    dismissReview(doc, item.passageId, item.noteId);
    onDone(t('narrative.review.dismissed'));
  };

  return (
    <section className="narrative-box" aria-labelledby="narrative-review-heading">
      <h3 id="narrative-review-heading">{t('narrative.review.title')}</h3>
      {!facts || facts.length === 0 ? (
        <p className="hint">{t('narrative.review.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('narrative.review.explain', { count: facts.length })}</p>
          <ul className="narrative-list">
            {facts.map(({ item, text, group, thread }) => (
              <li key={`${item.passageId}/${item.noteId}`} className="narrative-review-item">
                <p>
                  {text ?? t('narrative.margin.noteGone')} {group && <GroupChip group={group} />}
                </p>
                <p className="hint">
                  {t(item.passagePresent ? 'narrative.review.fromPassage' : 'narrative.review.passageGone', { thread })}
                </p>
                <div className="narrative-actions">
                  {text && (
                    <button type="button" className="button-quiet" onClick={() => showNote(item.noteId)}>
                      {t('narrative.review.show')}
                    </button>
                  )}
                  {editor && text && (
                    <button type="button" className="button-quiet" onClick={() => restore(item)}>
                      {t('narrative.review.restore')}
                    </button>
                  )}
                  {editor && (
                    <button type="button" className="button-quiet" onClick={() => dismiss(item)}>
                      {t('narrative.review.dismiss')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
