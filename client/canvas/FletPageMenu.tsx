import { DefaultPageMenu } from 'tldraw';
import { gatheringsOf } from '../../shared/domain/gatherings';
import { useDocValue } from '../workshop/useDocValue';
import { useOptionalWorkshop } from '../workshop/WorkshopContext';
import { useCanvasIdentity } from './CanvasIdentity';
import { ParticipantPageMenu } from './ParticipantPageMenu';

/**
 * tldraw's page menu until the workshop has gatherings; from then on the gathering bar is the
 * way between pages, and pages are made with gatherings (the facilitator's gatherings panel),
 * so the canvas offers no menu of its own. A participant never gets tldraw's, which makes pages.
 */
export function FletPageMenu() {
  const identity = useCanvasIdentity();
  const doc = useOptionalWorkshop()?.doc ?? null;
  const hasGatherings = useDocValue(doc, (d) => gatheringsOf(d).length > 0) ?? false;
  if (hasGatherings) return null;
  return identity.role === 'facilitator' ? <DefaultPageMenu /> : <ParticipantPageMenu />;
}
