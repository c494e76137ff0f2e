import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addDraft, draftsOf, MAX_DRAFT_CHARS, MAX_DRAFTS, removeDraft, updateDraft, type DraftEntry } from '../../../shared/domain/drafts';
import type { Step } from '../../../shared/domain/steps';
import { useDocValue } from '../useDocValue';
import { DraftItem } from './DraftItem';
import { privateStepState } from './privateStep';
import './privateWriting.css';

/** Props of {@link DraftsBox}: all it reads is given, so the board and the phone view both use it. */
export interface DraftsBoxProps {
  /** The workshop's shared document: whether the step is still open for private writing. */
  shared: Y.Doc;
  /** This participant's private document; null while it opens. */
  privateDoc: Y.Doc | null;
  /** The private step the drafts belong to. */
  step: Step;
  /** A sentence to say first (why the box opened), shown above the field and read out. */
  notice?: string | null;
  /** Take the focus to the field when the box opens, and again whenever `noticeKey` changes. */
  focusField?: boolean;
  noticeKey?: number;
}

/**
 * A participant's private writing in a private step: a field to write a note that only they
 * see, and the list of the notes they wrote in the step (change, delete). Everything is
 * written to their private document, which no other device receives; at the reveal the
 * server moves the notes onto the board.
 */
export function DraftsBox({ shared, privateDoc, step, notice = null, focusField = false, noticeKey }: DraftsBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const state = useDocValue(shared, (doc) => privateStepState(doc, step.id), [step.id]) ?? 'writing';
  // Read as text, so an unrelated change (a ballot) renders nothing here.
  const draftsText = useDocValue(privateDoc, (doc) => JSON.stringify(draftsOf(doc, step.id)), [step.id]) ?? '[]';
  const drafts = JSON.parse(draftsText) as DraftEntry[];
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [told, setTold] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const writing = state === 'writing';

  useEffect(() => {
    if (focusField && writing && privateDoc) field.current?.focus();
  }, [focusField, writing, privateDoc, noticeKey]);

  const add = (event: FormEvent): void => {
    event.preventDefault();
    if (!privateDoc) return;
    const trimmed = text.trim();
    let found: string | null = null;
    if (!trimmed) found = t('privateWriting.box.empty');
    else if (trimmed.length > MAX_DRAFT_CHARS) found = t('privateWriting.box.tooLong', { max: MAX_DRAFT_CHARS });
    else if (draftsOf(privateDoc).length >= MAX_DRAFTS) found = t('privateWriting.box.tooMany', { max: MAX_DRAFTS });
    setProblem(found);
    if (found) {
      field.current?.focus();
      return;
    }
    addDraft(privateDoc, step.id, trimmed, Date.now());
    setText('');
    setTold(t('privateWriting.box.addedTold'));
    field.current?.focus();
  };

  const headingId = `${id}-heading`;
  return (
    <section className="drafts" aria-labelledby={headingId}>
      <h2 id={headingId} className="drafts-heading">
        {t('privateWriting.box.heading')}
      </h2>
      <p className="drafts-explain">{t('privateWriting.box.explain')}</p>
      {notice && writing && (
        <p id={`${id}-notice`} className="drafts-notice">
          {notice}
        </p>
      )}
      <p className="drafts-told" role="status">
        {told}
      </p>
      {state === 'revealed' && <p className="drafts-state">{t('privateWriting.box.revealed')}</p>}
      {(state === 'public' || state === 'gone') && <p className="drafts-state">{t('privateWriting.box.notPrivate')}</p>}
      {writing && !privateDoc && <p className="drafts-state">{t('privateWriting.box.opening')}</p>}
      {writing && privateDoc && (
        <form className="drafts-form" onSubmit={add} noValidate>
          <label htmlFor={`${id}-text`} className="drafts-label">
            {t('privateWriting.box.label')}
          </label>
          <textarea
            ref={field}
            id={`${id}-text`}
            rows={4}
            maxLength={MAX_DRAFT_CHARS}
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={[notice ? `${id}-notice` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) add(event);
            }}
          />
          {problem && (
            <p id={`${id}-problem`} className="error">
              {problem}
            </p>
          )}
          <button type="submit" className="button drafts-add">
            {t('privateWriting.box.add')}
          </button>
        </form>
      )}
      {privateDoc && (
        <>
          <h3 className="drafts-list-heading">{t('privateWriting.box.listHeading')}</h3>
          {drafts.length === 0 ? (
            <p className="hint">{t('privateWriting.box.none')}</p>
          ) : (
            <ul className="drafts-list">
              {drafts.map((draft) => (
                <DraftItem
                  key={draft.id}
                  draft={draft}
                  editable={writing}
                  onSave={(next) => {
                    updateDraft(privateDoc, draft.id, next);
                    setTold(t('privateWriting.box.savedTold'));
                  }}
                  onRemove={() => {
                    removeDraft(privateDoc, draft.id);
                    setTold(t('privateWriting.box.removedTold'));
                    field.current?.focus();
                  }}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
