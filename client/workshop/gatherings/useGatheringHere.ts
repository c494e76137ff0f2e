import type { Editor } from 'tldraw';
import { useValue } from 'tldraw';
import { currentGatheringId, gatheringOf, gatheringOfPage, type Gathering } from '../../../shared/domain/gatherings';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';

/** The canvas page this person looks at, or null before the canvas is up. */
export function usePageHere(editor: Editor | null): string | null {
  return useValue('page here', () => editor?.getCurrentPageId() ?? null, [editor]);
}

/**
 * The gathering this person is in: the one whose page their canvas shows (archived ones
 * too), or, before the canvas is up, the one everyone opens on. Undefined on a page that is
 * no gathering's.
 */
export function useGatheringHere(): Gathering | undefined {
  const { doc, editor } = useWorkshop();
  const pageId = usePageHere(editor);
  return useDocValue(
    doc,
    (d) => {
      if (pageId) return gatheringOfPage(d, pageId);
      const current = currentGatheringId(d);
      return current ? gatheringOf(d, current) : undefined;
    },
    [pageId],
  );
}

/** Shows a gathering's page on the canvas (when it is there). */
export function goToGathering(editor: Editor | null, gathering: Pick<Gathering, 'pageId'>): boolean {
  if (!editor) return false;
  const page = editor.getPages().find((candidate) => candidate.id === gathering.pageId);
  if (!page) return false;
  if (editor.getCurrentPageId() !== page.id) editor.setCurrentPage(page.id);
  return true;
}
