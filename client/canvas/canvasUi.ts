import type { TLComponents, TLUiOverrides } from 'tldraw';
import type { Role } from '../../shared/domain/roles';
import { FletStylePanel } from './FletStylePanel';
import { ParticipantPageMenu } from './ParticipantPageMenu';

/**
 * tldraw's interface per role, at module scope so tldraw never sees new objects. What the
 * canvas rules keep from a person is not offered to them; the editor's side effects stop
 * the rest (see guard.ts).
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

const participantComponents: TLComponents = { PageMenu: ParticipantPageMenu, StylePanel: FletStylePanel };
const facilitatorComponents: TLComponents = { StylePanel: FletStylePanel };
const noOverrides: TLUiOverrides = {};

/** The components and overrides of tldraw's interface for a role. */
export function canvasUiFor(role: Role): { components: TLComponents; overrides: TLUiOverrides } {
  if (role === 'participant') return { components: participantComponents, overrides: participantOverrides };
  return { components: facilitatorComponents, overrides: noOverrides };
}
