import type { TLComponents, TLUiOverrides } from 'tldraw';
import type { Role } from '../../shared/domain/roles';
import { AddToThread } from './AddToThread';
import { FletContextMenu } from './FletContextMenu';
import { FletPageMenu } from './FletPageMenu';
import { FletStylePanel } from './FletStylePanel';
import { ThreadStrands } from './ThreadStrands';

/**
 * tldraw's interface per role, at module scope so tldraw never sees new objects. What the
 * canvas rules keep from a person is not offered to them; the editor's side effects stop
 * the rest (see guard.ts). Every role sees the threads' strands under the shapes; who works
 * on the board adds selected notes to threads from a button over the canvas or the context menu.
 */

/** Actions a participant may not use: locking is the facilitator's, and so are pages. */
const FACILITATOR_ACTIONS: readonly string[] = ['toggle-lock', 'unlock-all', 'move-to-new-page'];

const participantOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    const allowed = { ...actions };
    for (const id of FACILITATOR_ACTIONS) delete allowed[id];
    return allowed;
  },
};

/** The facilitator's pages are made with gatherings, each page one gathering's. */
const facilitatorOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    const allowed = { ...actions };
    delete allowed['move-to-new-page'];
    return allowed;
  },
};

const workingComponents: TLComponents = {
  PageMenu: FletPageMenu,
  StylePanel: FletStylePanel,
  ContextMenu: FletContextMenu,
  OnTheCanvas: ThreadStrands,
  InFrontOfTheCanvas: AddToThread,
};
const projectorComponents: TLComponents = { StylePanel: FletStylePanel, OnTheCanvas: ThreadStrands };
const noOverrides: TLUiOverrides = {};

/** The components and overrides of tldraw's interface for a role. */
export function canvasUiFor(role: Role): { components: TLComponents; overrides: TLUiOverrides } {
  if (role === 'participant') return { components: workingComponents, overrides: participantOverrides };
  if (role === 'projector') return { components: projectorComponents, overrides: noOverrides };
  return { components: workingComponents, overrides: facilitatorOverrides };
}
