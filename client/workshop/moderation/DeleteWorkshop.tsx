import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workshopOf } from '../../../shared/schema';
import { ApiError, deleteWorkshop } from '../../api';
import { forgetWorkshop, keptToken } from '../../credentials';
import { navigate } from '../../router';
import { forgetCachedWorkshop } from '../../sync/connection';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { workshopContentsOf } from './moderationLists';

/** Asks before erasing, saying what goes: counts of notes, threads, participants, the narrative. */
function DeleteDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { doc, workshopId } = useWorkshop();
  const contents = useDocValue(doc, workshopContentsOf);
  const title = useDocValue(doc, (current) => workshopOf(current).get('title'));
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const erase = async () => {
    const token = keptToken(workshopId, 'board');
    if (!token) return;
    setBusy(true);
    setFailure(null);
    try {
      await deleteWorkshop(workshopId, token);
    } catch (error) {
      // Already gone is what was asked for.
      if (!(error instanceof ApiError && error.status === 404)) {
        setFailure(t('facilitator.deletion.failed', { message: error instanceof Error ? error.message : String(error) }));
        setBusy(false);
        return;
      }
    }
    forgetWorkshop(workshopId);
    navigate('/');
    void forgetCachedWorkshop(workshopId);
  };

  return (
    <dialog
      ref={dialog}
      className="delete-dialog"
      aria-labelledby="delete-dialog-heading"
      aria-describedby="delete-dialog-undo"
      onClose={onClose}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      <h2 id="delete-dialog-heading">{t('facilitator.deletion.dialogHeading', { title: typeof title === 'string' ? title : '' })}</h2>
      <p>{t('facilitator.deletion.erases')}</p>
      {contents && (
        <ul className="delete-dialog-list">
          <li>{t('facilitator.deletion.notes', { count: contents.notes })}</li>
          <li>{t('facilitator.deletion.threads', { count: contents.threads })}</li>
          <li>{t('facilitator.deletion.participants', { count: contents.participants })}</li>
          <li>{contents.narrative ? t('facilitator.deletion.narrative') : t('facilitator.deletion.narrativeEmpty')}</li>
          <li>{t('facilitator.deletion.everything')}</li>
        </ul>
      )}
      <p id="delete-dialog-undo" className="delete-dialog-undo">
        {t('facilitator.deletion.cannotUndo')}
      </p>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <div className="delete-dialog-buttons">
        <button type="button" className="button-quiet" autoFocus disabled={busy} onClick={() => dialog.current?.close()}>
          {t('facilitator.deletion.cancel')}
        </button>
        <button type="button" className="button delete-dialog-confirm" disabled={busy} onClick={() => void erase()}>
          {busy ? t('facilitator.deletion.deleting') : t('facilitator.deletion.confirm')}
        </button>
      </div>
    </dialog>
  );
}

/** The last section of the moderation panel: deleting the whole workshop, after asking. */
export function DeleteWorkshop() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <section className="moderation-section moderation-danger" aria-labelledby="moderation-delete-heading">
      <h3 id="moderation-delete-heading">{t('facilitator.deletion.heading')}</h3>
      <p className="hint">{t('facilitator.deletion.lead')}</p>
      <button ref={opener} type="button" className="button-quiet button-danger-quiet" onClick={() => setOpen(true)}>
        {t('facilitator.deletion.open')}
      </button>
      {open && (
        <DeleteDialog
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </section>
  );
}
