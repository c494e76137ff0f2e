import { useTranslation } from 'react-i18next';
import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  useEditor,
  useValue,
  type TLUiContextMenuProps,
} from 'tldraw';
import { mayWorkOnThreads } from '../../shared/domain/rights';
import { ModerationMenuGroup } from '../workshop/moderation/ModerationMenuGroup';
import { useOptionalWorkshop } from '../workshop/WorkshopContext';
import { selectedNoteIds } from './selectedNotes';
import { chooserOpen } from './threadChooser';

/** tldraw's context menu, with "Add to thread…" first while notes are selected. */
export function FletContextMenu(props: TLUiContextMenuProps) {
  const { t } = useTranslation();
  const editor = useEditor();
  const workshop = useOptionalWorkshop();
  const notes = useValue('selected notes count', () => selectedNoteIds(editor).length, [editor]);
  const offered = notes > 0 && workshop !== null && mayWorkOnThreads(workshop.identity);
  return (
    <DefaultContextMenu {...props}>
      {offered && (
        <TldrawUiMenuGroup id="flet-threads">
          <TldrawUiMenuItem id="flet-add-to-thread" label={t('threads.chooser.menu')} onSelect={() => {
              chooserOpen(editor).set(true);
            }}
          />
        </TldrawUiMenuGroup>
      )}
      <ModerationMenuGroup />
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  );
}
