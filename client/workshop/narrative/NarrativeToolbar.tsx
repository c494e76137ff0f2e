import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_HEADING_LEVEL } from '../../../shared/domain/narrativeFormat';

interface ToolbarProps {
  editor: Editor;
  onWeave(): void;
}

/**
 * The editors' toolbar: section heading, bold, italic, bullet list, and weaving a thread.
 * Arrow keys move between its buttons; each says whether it is on.
 */
export function NarrativeToolbar({ editor, onWeave }: ToolbarProps) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      heading: current?.isActive('heading', { level: SECTION_HEADING_LEVEL }) ?? false,
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
    }),
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = [...(bar.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };
  const toggles = [
    { name: 'heading', run: () => editor.chain().focus().toggleHeading({ level: SECTION_HEADING_LEVEL }).run() },
    { name: 'bold', run: () => editor.chain().focus().toggleBold().run() },
    { name: 'italic', run: () => editor.chain().focus().toggleItalic().run() },
    { name: 'bulletList', run: () => editor.chain().focus().toggleBulletList().run() },
  ] as const;
  return (
    <div ref={bar} className="narrative-toolbar" role="toolbar" aria-label={t('narrative.toolbar.label')} onKeyDown={onKeyDown}>
      {toggles.map((toggle) => (
        <button
          key={toggle.name}
          type="button"
          className={`narrative-tool narrative-tool-${toggle.name}`}
          aria-pressed={active[toggle.name]}
          // Keeps the text's selection when clicked with a pointer.
          onMouseDown={(event) => event.preventDefault()}
          onClick={toggle.run}
        >
          {t(`narrative.toolbar.${toggle.name}`)}
        </button>
      ))}
      <button type="button" className="narrative-tool narrative-tool-weave" onClick={onWeave}>
        {t('narrative.toolbar.weave')}
      </button>
    </div>
  );
}
