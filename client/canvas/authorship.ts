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
 * Make this person's new shapes theirs: notes take the colour of their group, and every new
 * shape carries `meta: {group, participantId, gatheringId}`. Shapes pasted with an author
 * already keep it. Returns the disposer.
 */
export function stampAuthorship(editor: Editor, author: Author): () => void {
  const color = author.group ? GROUP_STYLES[author.group].canvasColor : 'yellow';
  editor.setStyleForNextShapes(DefaultColorStyle, color, { history: 'ignore' });
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) => {
    if (source !== 'user' || 'participantId' in shape.meta) return shape;
    const meta: ShapeAuthorship = { group: author.group, participantId: author.participantId, gatheringId: null };
    const stamped = { ...shape, meta: { ...shape.meta, ...meta } };
    if (shape.type === 'note' && author.group) {
      return { ...stamped, props: { ...shape.props, color } } as TLShape;
    }
    return stamped;
  });
}
