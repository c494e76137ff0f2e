import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useValue, type TLPageId } from 'tldraw';

/**
 * The pages of the board, to go from page to page. Adding, renaming, deleting and reordering
 * pages is done with gatherings (the facilitator's gatherings panel), so none of it is here;
 * nor is a board of one page, whose name is the workshop's title in the top bar.
 */
export function ParticipantPageMenu() {
  const { t } = useTranslation();
  const editor = useEditor();
  const id = useId();
  const pages = useValue('pages', () => editor.getPages().map((page) => ({ id: page.id, name: page.name })), [editor]);
  const current = useValue('current page', () => editor.getCurrentPageId(), [editor]);
  if (pages.length < 2) return null;
  return (
    <div className="page-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('board.page')}
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          editor.setCurrentPage(event.target.value as TLPageId);
        }}
      >
        {pages.map((page) => (
          <option key={page.id} value={page.id}>
            {page.name}
          </option>
        ))}
      </select>
    </div>
  );
}
