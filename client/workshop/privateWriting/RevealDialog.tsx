import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step } from '../../../shared/domain/steps';
import { ApiError, revealStep } from '../../api';
import { keptToken } from '../../credentials';

interface RevealDialogProps {
  workshopId: string;
  step: Step;
  /** The server moved `count` notes onto the board. */
  onRevealed(count: number): void;
  onClose(): void;
}

/** The sentence for a reveal the server refused or could not be asked. */
function failureKey(error: unknown): { key: string; message?: string } {
  if (!(error instanceof ApiError)) return { key: 'privateWriting.bar.failed', message: error instanceof Error ? error.message : String(error) };
  if (error.code === 'already_revealed') return { key: 'privateWriting.bar.alreadyRevealed' };
  if (error.code === 'not_private') return { key: 'privateWriting.bar.notPrivate' };
  if (error.status === 404) return { key: 'privateWriting.bar.unknownStep' };
  if (error.code === 'network') return { key: 'privateWriting.bar.network' };
  return { key: 'privateWriting.bar.failed', message: error.message };
}

/**
 * Asks the facilitator before every participant's private notes of a step go on the board,
 * with or without their names, and says what came of it.
 */
export function RevealDialog({ workshopId, step, onRevealed, onClose }: RevealDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const reveal = async (): Promise<void> => {
    const token = keptToken(workshopId, 'board');
    if (!token) return;
    setBusy(true);
    setFailure(null);
    try {
      const { revealed } = await revealStep(workshopId, step.id, anonymous, token);
      onRevealed(revealed);
      dialog.current?.close();
    } catch (error) {
      const { key, message } = failureKey(error);
      setFailure(t(key, { message }));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="reveal-dialog"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-lead`}
      onClose={onClose}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      <h2 id={`${id}-heading`}>{t('privateWriting.bar.dialogHeading', { title: step.title })}</h2>
      <p id={`${id}-lead`}>{t('privateWriting.bar.dialogLead')}</p>
      <label className="reveal-anonymous">
        <input type="checkbox" checked={anonymous} disabled={busy} onChange={(event) => setAnonymous(event.target.checked)} />
        {t('privateWriting.bar.anonymous')}
      </label>
      <p role="status" className="reveal-progress">
        {busy ? t('privateWriting.bar.revealing') : ''}
      </p>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <div className="reveal-buttons">
        <button type="button" className="button-quiet" autoFocus disabled={busy} onClick={() => dialog.current?.close()}>
          {t('privateWriting.bar.cancel')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void reveal()}>
          {t('privateWriting.bar.confirm')}
        </button>
      </div>
    </dialog>
  );
}
