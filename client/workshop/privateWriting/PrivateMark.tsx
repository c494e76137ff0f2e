import { useTranslation } from 'react-i18next';
import type { PrivateStepState } from './privateStep';
import './privateWriting.css';

/**
 * The mark of a private step: private, or revealed. The agenda's is short; the step bar's
 * (`long`) says what is private.
 */
export function PrivateMark({ state, long = false }: { state: PrivateStepState; long?: boolean }) {
  const { t } = useTranslation();
  if (state !== 'writing' && state !== 'revealed') return null;
  const key = state === 'writing' ? (long ? 'privateWriting.bar.privateStep' : 'privateWriting.mark.private') : long ? 'privateWriting.bar.revealedStep' : 'privateWriting.mark.revealed';
  return <span className={`private-mark private-mark-${state}`}>{t(key)}</span>;
}
