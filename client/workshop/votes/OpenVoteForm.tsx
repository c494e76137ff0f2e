import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStep } from '../../../shared/domain/steps';
import { threadsOf } from '../../../shared/domain/threads';
import { MAX_VOTE_BUDGET, MAX_VOTE_TITLE_CHARS, MIN_VOTE_BUDGET, openVote } from '../../../shared/domain/votes';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { stepNoteIds, threadNoteIds } from './voteNotes';

const DEFAULT_BUDGET = 3;

interface Source {
  kind: 'step' | 'thread';
  id: string;
  title: string;
  noteIds: string[];
}

/** What a vote may be opened on now: the current step's notes and each thread's, as text. */
function sourcesText(doc: Parameters<typeof currentStep>[0]): string {
  const step = currentStep(doc);
  const sources: Source[] = [];
  if (step) sources.push({ kind: 'step', id: step.id, title: step.title, noteIds: stepNoteIds(doc, step) });
  for (const thread of threadsOf(doc)) sources.push({ kind: 'thread', id: thread.id, title: thread.title, noteIds: threadNoteIds(doc, thread.id) });
  return JSON.stringify(sources);
}

/**
 * The facilitator opens a dot vote on the current step's notes or on a thread's, with a
 * title, a budget of dots per person and whether several may go on one note. Hidden notes
 * are never put in a vote. The new vote is shown to the room at once.
 */
export function OpenVoteForm() {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const id = useId();
  const text = useDocValue(doc, sourcesText) ?? '[]';
  const sources = useMemo(() => JSON.parse(text) as Source[], [text]);
  const step = sources.find((source) => source.kind === 'step') ?? null;
  const threads = sources.filter((source) => source.kind === 'thread');
  const [picked, setKind] = useState<'step' | 'thread'>('step');
  // Without a current step, only a thread can be voted on.
  const kind = picked === 'step' && !step && threads.length > 0 ? 'thread' : picked;
  const [threadId, setThreadId] = useState('');
  const [title, setTitle] = useState('');
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET));
  const [several, setSeveral] = useState(false);
  const [problem, setProblem] = useState<'budget' | 'notes' | null>(null);
  // Said where the focus is (the form's button): the new vote itself is listed above the form.
  const [opened, setOpened] = useState('');
  const budgetInput = useRef<HTMLInputElement>(null);

  const chosen = kind === 'step' ? step : (threads.find((thread) => thread.id === threadId) ?? threads[0] ?? null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const dots = Number(budget);
    setOpened('');
    if (!Number.isInteger(dots) || dots < MIN_VOTE_BUDGET || dots > MAX_VOTE_BUDGET) {
      setProblem('budget');
      budgetInput.current?.focus();
      return;
    }
    if (!chosen || chosen.noteIds.length === 0) {
      setProblem('notes');
      return;
    }
    const name = title.trim() || chosen.title;
    openVote(
      doc,
      {
        title: name,
        noteIds: chosen.noteIds,
        budget: dots,
        several,
        stepId: chosen.kind === 'step' ? chosen.id : null,
        threadId: chosen.kind === 'thread' ? chosen.id : null,
      },
      Date.now(),
    );
    setOpened(t('votes.open.opened', { title: name }));
    setTitle('');
    setProblem(null);
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <form className="vote-form" onSubmit={submit} noValidate>
        <h3 id={`${id}-heading`}>{t('votes.open.heading')}</h3>
        <fieldset>
          <legend>{t('votes.open.source')}</legend>
          <label className="vote-form-choice">
            <input type="radio" name={`${id}-source`} checked={kind === 'step'} disabled={!step} onChange={() => setKind('step')} />
            {step ? t('votes.open.step', { title: step.title, count: step.noteIds.length }) : t('votes.open.noStep')}
          </label>
          <label className="vote-form-choice">
            <input type="radio" name={`${id}-source`} checked={kind === 'thread'} disabled={threads.length === 0} onChange={() => setKind('thread')} />
            {threads.length > 0 ? t('votes.open.thread') : `${t('votes.open.thread')} (${t('votes.open.noThreads')})`}
          </label>
          {kind === 'thread' && threads.length > 0 && (
            <>
              <label htmlFor={`${id}-thread`}>{t('votes.open.threadChoice')}</label>
              <select id={`${id}-thread`} value={chosen?.id ?? ''} onChange={(event) => setThreadId(event.target.value)}>
                {threads.map((thread) => (
                  <option key={thread.id} value={thread.id}>
                    {t('votes.open.threadOption', { title: thread.title, count: thread.noteIds.length })}
                  </option>
                ))}
              </select>
            </>
          )}
        </fieldset>
        <label htmlFor={`${id}-title`}>{t('votes.open.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={MAX_VOTE_TITLE_CHARS}
          autoComplete="off"
          aria-describedby={`${id}-title-hint`}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p id={`${id}-title-hint`} className="hint">
          {t('votes.open.titleHint')}
        </p>
        <label htmlFor={`${id}-budget`}>{t('votes.open.budget')}</label>
        <input
          ref={budgetInput}
          id={`${id}-budget`}
          type="number"
          inputMode="numeric"
          min={MIN_VOTE_BUDGET}
          max={MAX_VOTE_BUDGET}
          step={1}
          value={budget}
          aria-invalid={problem === 'budget' || undefined}
          aria-describedby={problem === 'budget' ? `${id}-budget-problem` : undefined}
          onChange={(event) => {
            setBudget(event.target.value);
            setProblem(null);
          }}
        />
        {problem === 'budget' && (
          <p id={`${id}-budget-problem`} className="error">
            {t('votes.open.budgetProblem')}
          </p>
        )}
        <label className="vote-form-choice">
          <input type="checkbox" checked={several} onChange={(event) => setSeveral(event.target.checked)} />
          {t('votes.open.several')}
        </label>
        {problem === 'notes' && (
          <p className="error" role="alert">
            {t('votes.open.noNotes')}
          </p>
        )}
        <button type="submit" className="button">
          {t('votes.open.submit')}
        </button>
        <p role="status" className="vote-form-told">
          {opened}
        </p>
      </form>
    </section>
  );
}
