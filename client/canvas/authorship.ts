import { DefaultColorStyle, type Editor, type TLShape } from 'tldraw';
import { GROUP_STYLES, type Group } from '../../shared/domain/groups';

/** Who adds shapes from this browser. */
export interface Author {
  group: Group | null;
  participantId: string | null;
}

/** The meta every shape made on the board carries. */
export interface ShapeAuthorship {
  group: Group | null;
  participantId: string | null;
  gatheringId: string | null;
}

/**
 * Make this person's new shapes theirs: notes take the colour of their group (yellow for the
 * facilitator), and every new
 * shape carries `meta: {group, participantId, gatheringId}`. Shapes pasted with an author
 * already keep it. Returns the disposer.
 */
export function stampAuthorship(editor: Editor, author: Author): () => void {
  // The facilitator draws in black and writes on yellow notes; a participant uses the group's colour.
  const color = author.group ? GROUP_STYLES[author.group].canvasColor : null;
  if (color) editor.setStyleForNextShapes(DefaultColorStyle, color, { history: 'ignore' });
  const noteColor = color ?? 'yellow';
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) => {
    if (source !== 'user' || 'participantId' in shape.meta) return shape;
    const meta: ShapeAuthorship = { group: author.group, participantId: author.participantId, gatheringId: null };
    const stamped = { ...shape, meta: { ...shape.meta, ...meta } };
    if (shape.type === 'note') {
      return { ...stamped, props: { ...shape.props, color: noteColor } } as TLShape;
    }
    return stamped;
  });
}
