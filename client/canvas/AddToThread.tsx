import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useValue } from 'tldraw';
import { mayWorkOnThreads } from '../../shared/domain/rights';
import { useOptionalWorkshop } from '../workshop/WorkshopContext';
import { selectedNoteIds } from './selectedNotes';
import { ThreadChooser, type ChooserOutcome } from './ThreadChooser';
import { chooserOpen } from './threadChooser';
import { useKeysKeptFromCanvas } from './useKeysKeptFromCanvas';
import './canvas.css';

/**
 * "Add to thread" over the canvas: while notes are selected, a labelled button opens the
 * chooser (as the canvas's context menu does); what was done is said in a sentence, with a
 * way to open the thread's card.
 */
export function AddToThread() {
  const { t } = useTranslation();
  const editor = useEditor();
  const workshop = useOptionalWorkshop();
  const noteIds = useValue('selected notes', () => selectedNoteIds(editor), [editor]);
  const open = useValue(chooserOpen(editor));
  const [outcome, setOutcome] = useState<ChooserOutcome | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useKeysKeptFromCanvas(editor, root);

  const selection = noteIds.join(' ');
  useEffect(() => {
    // A new selection is a new errand: the last sentence no longer applies.
    setOutcome(null);
  }, [selection]);
  useEffect(() => {
    if (noteIds.length === 0 && open) chooserOpen(editor).set(false);
  }, [editor, noteIds.length, open]);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!workshop || !mayWorkOnThreads(workshop.identity)) return null;
  const close = (): void => {
    chooserOpen(editor).set(false);
  };
  const done = (result: ChooserOutcome): void => {
    workshop.selectThread(result.threadId);
    setOutcome(result);
    close();
  };
  const told = outcome
    ? outcome.started
      ? t('threads.chooser.started', { count: outcome.linked, title: outcome.title || t('threads.untitled') })
      : t('threads.chooser.linked', { count: outcome.linked, title: outcome.title || t('threads.untitled') })
    : '';

  return (
    <div className="flet-add-to-thread" ref={root}>
      {noteIds.length > 0 && !open && (
        <button ref={button} type="button" className="flet-canvas-button" aria-haspopup="dialog" onClick={() => chooserOpen(editor).set(true)}>
          {t('threads.chooser.open', { count: noteIds.length })}
        </button>
      )}
      {noteIds.length > 0 && open && <ThreadChooser workshop={workshop} noteIds={noteIds} onDone={done} onCancel={close} />}
      <div className="flet-add-to-thread-told" role="status">
        {told && (
          <>
            <span>{told}</span>
            <button type="button" className="button-quiet" onClick={() => outcome && workshop.openThread(outcome.threadId)}>
              {t('threads.chooser.openThread')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
