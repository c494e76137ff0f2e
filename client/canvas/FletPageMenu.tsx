import { gatheringsOf } from '../../shared/domain/gatherings';
import { useDocValue } from '../workshop/useDocValue';
import { useOptionalWorkshop } from '../workshop/WorkshopContext';
import { ParticipantPageMenu } from './ParticipantPageMenu';

/**
 * The canvas's own way between pages. Pages are made with gatherings (the facilitator's
 * gatherings panel), each named after its gathering, so tldraw's page menu, which makes pages
 * named "Page 1", "Page 2"…, is offered to nobody. Once the workshop has gatherings the
 * gathering bar is the way between pages and names the one shown; before that, a board of
 * several pages (made before pages came with gatherings) gets a plain chooser.
 */
export function FletPageMenu() {
  const doc = useOptionalWorkshop()?.doc ?? null;
  const hasGatherings = useDocValue(doc, (d) => gatheringsOf(d).length > 0) ?? false;
  if (hasGatherings) return null;
  return <ParticipantPageMenu />;
}
