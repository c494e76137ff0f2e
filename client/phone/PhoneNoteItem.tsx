import { useTranslation } from 'react-i18next';
import { EditableTextItem, itemStrings, type EditableTextItemLook } from '../workshop/EditableTextItem';
import type { PhoneNote } from './phoneFacts';

/** How much of a note names its buttons to a screen reader. */
const NAME_CHARS = 40;

function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > NAME_CHARS ? `${line.slice(0, NAME_CHARS - 1)}…` : line;
}

const PHONE_LOOK: EditableTextItemLook = {
  item: 'phone-note',
  text: 'phone-note-text',
  label: 'phone-label',
  field: 'phone-textarea',
  actions: 'phone-actions',
  button: 'phone-button',
  mainButton: 'phone-button phone-button-main',
  dangerButton: 'phone-button phone-button-danger',
  confirm: 'phone-confirm',
};

/** One of this person's notes on the phone, with the step it was written in; deleting asks once, since a thumb slips. */
export function PhoneNoteItem({ note, onSave, onRemove }: { note: PhoneNote; onSave(id: string, text: string): void; onRemove(id: string): void }) {
  const { t } = useTranslation();
  const name = shortened(note.text) || t('phone.notes.empty');
  return (
    <EditableTextItem
      text={note.text}
      look={PHONE_LOOK}
      strings={{
        ...itemStrings(t, 'phone.notes', name),
        emptyText: t('phone.notes.empty'),
        confirmRemove: { question: t('phone.notes.confirmRemove'), yes: t('phone.notes.confirmYes'), keep: t('phone.notes.keep') },
      }}
      details={note.stepTitle && <p className="phone-note-place">{t('phone.notes.inStep', { title: note.stepTitle })}</p>}
      onSave={(text) => onSave(note.id, text)}
      onRemove={() => onRemove(note.id)}
    />
  );
}
