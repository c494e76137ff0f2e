import { useTranslation } from 'react-i18next';
import type { PrivateStepState } from './privateStep';
import './privateWriting.css';

/** The mark of a private step in the agenda and the step bar: private, or revealed. */
export function PrivateMark({ state }: { state: PrivateStepState }) {
  const { t } = useTranslation();
  if (state !== 'writing' && state !== 'revealed') return null;
  return (
    <span className={`private-mark private-mark-${state}`}>{t(state === 'writing' ? 'privateWriting.mark.private' : 'privateWriting.mark.revealed')}</span>
  );
}
