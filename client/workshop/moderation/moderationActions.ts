import { useValue, type Editor } from 'tldraw';
import type * as Y from 'yjs';
import { isHiddenRecord, setHidden, setLocked } from '../../../shared/domain/moderation';

/** A moderation the facilitator can apply to what is selected on the board. */
export interface ModerationAction {
  id: 'lock' | 'unlock' | 'hide' | 'show';
  /** Key of its label under `facilitator.moderation`. */
  label: 'lock' | 'unlock' | 'hide' | 'show';
  /** Key of what is announced once it is done. */
  told: 'lockedTold' | 'unlockedTold' | 'hiddenTold' | 'shownTold';
  run(): void;
}

interface SelectedShape {
  id: string;
  type: string;
  locked: boolean;
  hidden: boolean;
}

/** The selected notes and frames, with whether each is locked and hidden. */
function selectedModerated(editor: Editor | null): SelectedShape[] {
  if (!editor) return [];
  return editor
    .getSelectedShapes()
    .filter((shape) => shape.type === 'note' || shape.type === 'frame')
    .map((shape) => ({ id: shape.id, type: shape.type, locked: shape.isLocked, hidden: isHiddenRecord(shape) }));
}

/**
 * What the facilitator can do with the notes and frames selected on the board: lock or
 * unlock them (frames and notes), hide a note or bring it back. Written through the
 * document's moderation functions, the same the server's gate checks.
 */
export function useModerationActions(editor: Editor | null, doc: Y.Doc | null): { count: number; actions: ModerationAction[] } {
  const selected = useValue('moderated selection', () => selectedModerated(editor), [editor]);
  if (!doc || selected.length === 0) return { count: 0, actions: [] };
  const notes = selected.filter((shape) => shape.type === 'note');
  const actions: ModerationAction[] = [];
  const each = (shapes: SelectedShape[], apply: (id: string) => void) => () => doc.transact(() => shapes.forEach((shape) => apply(shape.id)));
  const unlocked = selected.filter((shape) => !shape.locked);
  const locked = selected.filter((shape) => shape.locked);
  const shown = notes.filter((shape) => !shape.hidden);
  const hidden = notes.filter((shape) => shape.hidden);
  if (unlocked.length > 0) actions.push({ id: 'lock', label: 'lock', told: 'lockedTold', run: each(unlocked, (id) => setLocked(doc, id, true)) });
  if (locked.length > 0) actions.push({ id: 'unlock', label: 'unlock', told: 'unlockedTold', run: each(locked, (id) => setLocked(doc, id, false)) });
  if (shown.length > 0) actions.push({ id: 'hide', label: 'hide', told: 'hiddenTold', run: each(shown, (id) => setHidden(doc, id, true)) });
  if (hidden.length > 0) actions.push({ id: 'show', label: 'show', told: 'shownTold', run: each(hidden, (id) => setHidden(doc, id, false)) });
  return { count: selected.length, actions };
}
