import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isThreadStatus, MAX_THREAD_TEXT_CHARS, MAX_THREAD_TITLE_CHARS, THREAD_STATUSES, updateThread, type Thread } from '../../../shared/domain/threads';
import { useWorkshop } from '../WorkshopContext';
import { useOwners } from './useOwners';

interface Draft {
  title: string;
  purpose: string;
  goal: string;
}

function draftOf(thread: Thread): Draft {
  return { title: thread.title, purpose: thread.purpose, goal: thread.goal };
}

/**
 * A thread's card for its owner and the facilitator. Status and owner take effect when
 * chosen; the texts when saved. What others change meanwhile shows up here unless this
 * person is in the middle of changing the texts.
 */
export function ThreadCardForm({ thread, tell }: { thread: Thread; tell(sentence: string): void }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const { choices, labelOf } = useOwners();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(thread));
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState(false);
  useEffect(() => {
    if (!dirty) setDraft(draftOf(thread));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [thread.id, thread.title, thread.purpose, thread.goal, dirty]);

  const change = (patch: Partial<Draft>): void => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setDirty(true);
    setProblem(false);
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!draft.title.trim()) {
      setProblem(true);
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    updateThread(doc, thread.id, draft);
    setDirty(false);
    tell(t('threads.card.savedTold', { title: draft.title.trim() }));
  };

  return (
    <form className="thread-card-form" onSubmit={save} noValidate>
      <div className="thread-field-row">
        <div className="thread-field">
          <label htmlFor={`${id}-status`}>{t('threads.card.status')}</label>
          <select
            id={`${id}-status`}
            value={thread.status}
            onChange={(event) => {
              if (!isThreadStatus(event.target.value)) return;
              updateThread(doc, thread.id, { status: event.target.value });
              tell(t('threads.card.statusTold', { status: t(`threads.status.${event.target.value}`) }));
            }}
          >
            {THREAD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`threads.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="thread-field">
          <label htmlFor={`${id}-owner`}>{t('threads.card.owner')}</label>
          <select
            id={`${id}-owner`}
            value={thread.owner ?? ''}
            onChange={(event) => {
              const owner = event.target.value || null;
              updateThread(doc, thread.id, { owner });
              tell(t('threads.card.ownerTold', { owner: labelOf(owner) }));
            }}
          >
            <option value="">{t('threads.card.facilitator')}</option>
            {choices.map((choice) => (
              <option key={choice.participantId} value={choice.participantId}>
                {choice.label}
              </option>
            ))}
            {thread.owner !== null && !choices.some((choice) => choice.participantId === thread.owner) && (
              <option value={thread.owner}>{t('threads.card.unknownOwner')}</option>
            )}
          </select>
        </div>
      </div>
      <div className="thread-field">
        <label htmlFor={`${id}-title`}>{t('threads.card.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={draft.title}
          maxLength={MAX_THREAD_TITLE_CHARS}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => change({ title: event.target.value })}
        />
        {problem && (
          <p id={`${id}-problem`} className="error">
            {t('threads.titleRequired')}
          </p>
        )}
      </div>
      <div className="thread-field">
        <label htmlFor={`${id}-purpose`}>{t('threads.card.purpose')}</label>
        <textarea id={`${id}-purpose`} rows={3} value={draft.purpose} maxLength={MAX_THREAD_TEXT_CHARS} onChange={(event) => change({ purpose: event.target.value })} />
      </div>
      <div className="thread-field">
        <label htmlFor={`${id}-goal`}>{t('threads.card.goal')}</label>
        <textarea id={`${id}-goal`} rows={3} value={draft.goal} maxLength={MAX_THREAD_TEXT_CHARS} onChange={(event) => change({ goal: event.target.value })} />
      </div>
      <div className="thread-actions">
        <button type="submit" className="button">
          {t('threads.card.save')}
        </button>
        {dirty && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setDirty(false);
              setDraft(draftOf(thread));
            }}
          >
            {t('threads.card.undo')}
          </button>
        )}
      </div>
    </form>
  );
}
