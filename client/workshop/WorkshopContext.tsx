import { createContext, useContext } from 'react';
import type { Editor } from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Identity } from '../../shared/domain/identity';

/** The views of a board: the canvas, the weave view and the narrative. */
export type BoardView = 'board' | 'weave' | 'narrative';

/** The side panels beside the canvas. */
export type SidePanel = 'threads' | 'myNotes' | 'gatherings' | 'steps' | 'moderation' | 'representation' | 'votes' | 'drafts' | null;

/** The facilitator's own panels, named in the facilitator's strings. */
const FACILITATOR_PANELS: ReadonlySet<SidePanel> = new Set<SidePanel>(['moderation', 'representation']);

/** The translation key of a side panel's name. */
export function panelLabelKey(panel: Exclude<SidePanel, null>): string {
  if (panel === 'votes') return 'votes.panel';
  if (panel === 'drafts') return 'privateWriting.panel';
  return FACILITATOR_PANELS.has(panel) ? `facilitator.panels.${panel}` : `views.panels.${panel}`;
}

/**
 * What every view of an open workshop reads: its document, who this person is, the canvas
 * editor (null until it is mounted, and always on the projector's own), and the moves that
 * cross views (show a note on the canvas, open a thread).
 */
export interface Workshop {
  workshopId: string;
  doc: Y.Doc;
  identity: Identity;
  /**
   * This participant's private document (drafts of private steps, ballots of votes): only
   * they and the server hold it. Null for the facilitator and the projector, and until it opens.
   */
  privateDoc: Y.Doc | null;
  /** Others' cursors in the narrative travel here; null on the projector. */
  awareness: Awareness | null;
  /** The name and colour others see for this person. */
  displayName: string;
  color: string;
  editor: Editor | null;
  view: BoardView;
  setView(view: BoardView): void;
  panel: SidePanel;
  setPanel(panel: SidePanel): void;
  /** The thread opened in the threads panel (its strand and notes stand out on the canvas). */
  selectedThreadId: string | null;
  selectThread(threadId: string | null): void;
  /** Open the thread's card in the threads panel, from any view. */
  openThread(threadId: string): void;
  /** Show a note on the canvas: its gathering's page, selected, in view. */
  showNote(noteId: string): void;
  /** The passage the narrative should bring into view when it opens, if any. */
  passageToShow: string | null;
  /** Open the narrative at a passage. */
  showPassage(passageId: string): void;
  /** The narrative has shown the passage. */
  passageShown(): void;
}

const WorkshopContext = createContext<Workshop | null>(null);

export const WorkshopProvider = WorkshopContext.Provider;

/** The open workshop; only inside a board. */
export function useWorkshop(): Workshop {
  const workshop = useContext(WorkshopContext);
  if (!workshop) throw new Error('useWorkshop outside a workshop board');
  return workshop;
}

/** The open workshop, or null outside a board (the canvas's own components on other pages). */
export function useOptionalWorkshop(): Workshop | null {
  return useContext(WorkshopContext);
}
