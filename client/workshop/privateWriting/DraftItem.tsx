import { useTranslation } from 'react-i18next';
import type { DraftEntry } from '../../../shared/domain/drafts';
import { MAX_DRAFT_CHARS } from '../../../shared/domain/drafts';
import { EditableTextItem, itemStrings, type EditableTextItemLook } from '../EditableTextItem';

interface DraftItemProps {
  draft: DraftEntry;
  /** False once the step is revealed (or no longer private): the draft can only be read. */
  editable: boolean;
  onSave(text: string): void;
  onRemove(): void;
}

const DRAFT_LOOK: EditableTextItemLook = {
  item: 'draft',
  text: 'draft-text',
  form: 'draft-edit',
  actions: 'draft-actions',
  button: 'button-quiet',
  mainButton: 'button',
  problem: 'error',
};

/** One of this person's drafts: its text, and changing or deleting it (an empty draft is not saved). */
export function DraftItem({ draft, editable, onSave, onRemove }: DraftItemProps) {
  const { t } = useTranslation();
  const shown = draft.text.length > 60 ? `${draft.text.slice(0, 57)}…` : draft.text;
  return (
    <EditableTextItem
      text={draft.text}
      look={DRAFT_LOOK}
      editable={editable}
      maxLength={MAX_DRAFT_CHARS}
      keyboardShortcuts
      strings={{
        ...itemStrings(t, 'privateWriting.box', shown),
        emptyProblem: t('privateWriting.box.empty'),
      }}
      onSave={onSave}
      onRemove={onRemove}
    />
  );
}
