import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../sync/connection';

/** The connection, in words and colour, announced politely to screen readers. */
export function StatusIndicator({ status, compact = false }: { status: ConnectionStatus; compact?: boolean }) {
  const { t } = useTranslation();
  const key = status === 'denied' || status === 'refused' ? 'offline' : status;
  const text = t(`board.status.${status}`);
  return (
    <div className={`status status-${key}${compact ? ' status-compact' : ''}`} role="status" aria-live="polite" data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">{text}</span>
    </div>
  );
}
