import { useValue } from 'tldraw';
import { selectedNoteIds } from '../../canvas/selectedNotes';
import { useWorkshop } from '../WorkshopContext';

/** The notes selected on the canvas now, in the order they were selected (none without a canvas). */
export function useCanvasSelection(): string[] {
  const { editor } = useWorkshop();
  return useValue('notes selected on the canvas', () => (editor ? selectedNoteIds(editor) : []), [editor]);
}
