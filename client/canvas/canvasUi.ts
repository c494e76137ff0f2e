import type { Editor, TLComponents, TLUiActionsContextType, TLUiOverrides, TLUiToolsContextType } from 'tldraw';
import type { Role } from '../../shared/domain/roles';
import { AddToThread } from './AddToThread';
import { FletContextMenu } from './FletContextMenu';
import { FletMainMenu } from './FletMainMenu';
import { FletPageMenu } from './FletPageMenu';
import { FletStylePanel } from './FletStylePanel';
import { StrandsAndVoteDots } from './VoteDots';

/**
 * tldraw's interface per role, at module scope so tldraw never sees new objects. What the
 * canvas rules keep from a person is not offered to them; the editor's side effects stop
 * the rest (see guard.ts). Every role sees the threads' strands under the shapes; who works
 * on the board adds selected notes to threads from a button over the canvas or the context menu.
 */

/**
 * Actions nobody is offered: embeds would load other hosts' pages into the board (and the
 * page asks no other host for anything), and pages are made with gatherings, each named after
 * its gathering, never as tldraw's "Page 1".
 */
const REMOVED_ACTIONS: readonly string[] = ['insert-embed', 'convert-to-embed', 'move-to-new-page'];

/** Actions a participant may not use: locking is the facilitator's; white is no group's colour. */
const FACILITATOR_ACTIONS: readonly string[] = ['toggle-lock', 'unlock-all', 'select-white-color'];

/** The embed tool opens the embed dialog; it goes with the action. */
const REMOVED_TOOLS: readonly string[] = ['embed'];

function without<T extends object>(items: T, ids: readonly string[]): T {
  const kept = { ...items };
  for (const id of ids) delete kept[id as keyof T];
  return kept;
}

/**
 * tldraw's "next page" (Alt+→) makes a new page after the last one; here it only goes to the
 * next page, as pages come with gatherings.
 */
function nextPageOnly(actions: TLUiActionsContextType, editor: Editor): TLUiActionsContextType {
  const next = actions['change-page-next'];
  if (!next) return actions;
  return {
    ...actions,
    'change-page-next': {
      ...next,
      onSelect(source) {
        const pages = editor.getPages();
        const at = pages.findIndex((page) => page.id === editor.getCurrentPageId());
        if (at >= 0 && at < pages.length - 1) return next.onSelect(source);
      },
    },
  };
}

const tools = (_editor: Editor, all: TLUiToolsContextType): TLUiToolsContextType => without(all, REMOVED_TOOLS);

const participantOverrides: TLUiOverrides = {
  actions: (editor, actions) => nextPageOnly(without(actions, [...REMOVED_ACTIONS, ...FACILITATOR_ACTIONS]), editor),
  tools,
};

const facilitatorOverrides: TLUiOverrides = {
  actions: (editor, actions) => nextPageOnly(without(actions, REMOVED_ACTIONS), editor),
  tools,
};

const workingComponents: TLComponents = {
  MainMenu: FletMainMenu,
  PageMenu: FletPageMenu,
  StylePanel: FletStylePanel,
  ContextMenu: FletContextMenu,
  OnTheCanvas: StrandsAndVoteDots,
  InFrontOfTheCanvas: AddToThread,
};
const projectorComponents: TLComponents = { StylePanel: FletStylePanel, OnTheCanvas: StrandsAndVoteDots };
const noOverrides: TLUiOverrides = {};

/** The components and overrides of tldraw's interface for a role. */
export function canvasUiFor(role: Role): { components: TLComponents; overrides: TLUiOverrides } {
  if (role === 'participant') return { components: workingComponents, overrides: participantOverrides };
  if (role === 'projector') return { components: projectorComponents, overrides: noOverrides };
  return { components: workingComponents, overrides: facilitatorOverrides };
}
