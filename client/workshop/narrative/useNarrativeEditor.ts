import Collaboration from '@tiptap/extension-collaboration';
import { ReactNodeViewRenderer, useEditor, type Editor, type JSONContent } from '@tiptap/react';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { isLanguage } from '../../../shared/domain/languages';
import { narrativeOf, workshopOf } from '../../../shared/schema';
import { useWorkshop } from '../WorkshopContext';
import { CaretKeeper } from './caretKeeper';
import { newSection } from './narrativeCommands';
import { OthersCursors, SectionIdKeeper } from './narrativeEditing';
import { narrativeSchemaExtensions, PassageNode } from './narrativeSchema';
import { PassageView } from './PassageView';

/** The passage node with its margin, of the same schema as the plain one. */
const PassageWithMargin = PassageNode.extend({
  addNodeView() {
    return ReactNodeViewRenderer(PassageView);
  },
});

/** The narrative as ProseMirror JSON, read without writing (readers never write to it). */
function readerContent(fragment: Y.XmlFragment): JSONContent {
  const json = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
  return json.content?.length ? json : { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * The narrative's editor. An editor's is bound to the document through the Yjs
 * collaboration extension, with the others' cursors. A reader's is not bound at all: it
 * shows the text again after each change, so nothing a reader's browser does to it (a
 * selection, a normalisation) can ever be sent as a change the server would refuse. When
 * the right to edit comes or goes, the editor is made anew.
 */
export function useNarrativeEditor(editable: boolean): Editor | null {
  const { t } = useTranslation();
  const { doc, awareness, identity, displayName, color } = useWorkshop();
  const fragment = narrativeOf(doc);
  const label = t('narrative.editor.label');
  const firstHeading = t('narrative.editor.firstHeading');
  // The text is in the workshop's language, whichever language this person reads Flet in.
  const stored = workshopOf(doc).get('language');
  const lang = isLanguage(stored) ? stored : 'da';

  const editor = useEditor(
    {
      extensions: editable
        ? [...narrativeSchemaExtensions(PassageWithMargin), Collaboration.configure({ fragment }), OthersCursors.configure({ awareness }), SectionIdKeeper, CaretKeeper]
        : narrativeSchemaExtensions(PassageWithMargin),
      editable,
      content: editable ? undefined : readerContent(fragment),
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: editable
          ? { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'narrative-text', lang }
          : { role: 'article', 'aria-label': label, class: 'narrative-text', lang },
      },
      onCreate: ({ editor: created }) => {
        // The facilitator's first look at an empty narrative starts it with a section; never over content.
        if (editable && identity.role === 'facilitator' && fragment.length === 0) created.commands.setContent(newSection(firstHeading));
      },
    },
    [editable, fragment, awareness, label, lang],
  );

  // A reader's copy follows the document.
  useEffect(() => {
    if (editable || !editor) return;
    let frame: number | null = null;
    const refresh = (): void => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        if (!editor.isDestroyed) editor.commands.setContent(readerContent(fragment), { emitUpdate: false });
      });
    };
    fragment.observeDeep(refresh);
    return () => {
      fragment.unobserveDeep(refresh);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editable, editor, fragment]);

  // Others see this editor's cursor under this person's name and colour; it goes when they leave.
  useEffect(() => {
    if (!editable || !awareness) return;
    awareness.setLocalStateField('user', { name: displayName, color });
    return () => {
      if (awareness.getLocalState()) awareness.setLocalStateField('cursor', null);
    };
  }, [editable, awareness, displayName, color]);

  return editor;
}
