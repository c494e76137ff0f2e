import { useTranslation } from 'react-i18next';
import { TldrawUiMenuGroup, TldrawUiMenuItem, useEditor } from 'tldraw';
import { useOptionalWorkshop } from '../WorkshopContext';
import { useModerationActions } from './moderationActions';

const MENU_LABELS = { lock: 'menuLock', unlock: 'menuUnlock', hide: 'menuHide', show: 'menuShow' } as const;

/**
 * The facilitator's moderation in the canvas's context menu, near the top where it is seen
 * (tldraw's own lock sits deep in its Edit submenu): lock or unlock, hide or bring back.
 */
export function ModerationMenuGroup() {
  const { t } = useTranslation();
  const editor = useEditor();
  const workshop = useOptionalWorkshop();
  const facilitator = workshop?.identity.role === 'facilitator';
  const { actions } = useModerationActions(facilitator ? editor : null, facilitator ? (workshop?.doc ?? null) : null);
  if (actions.length === 0) return null;
  return (
    <TldrawUiMenuGroup id="flet-moderation">
      {actions.map((action) => (
        <TldrawUiMenuItem key={action.id} id={`flet-moderation-${action.id}`} label={t(`facilitator.moderation.${MENU_LABELS[action.id]}`)} onSelect={action.run} />
      ))}
    </TldrawUiMenuGroup>
  );
}
