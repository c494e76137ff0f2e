import type { Editor, TLRecord, TLShape } from 'tldraw';
import { canvasRefusal, type CanvasRecord, type CanvasRefusal } from '../../shared/domain/canvasRules';
import type { Identity } from '../../shared/domain/identity';

/**
 * The board's side of the canvas rules: the very rules the server gates updates with
 * (shared/domain/canvasRules.ts), asked about tldraw records, so a person is stopped before
 * a change is made instead of meeting a refusal afterwards.
 */

/** tldraw records are plain JSON objects; the rules read them field by field. */
function plain(record: TLRecord | null): CanvasRecord | null {
  return record as unknown as CanvasRecord | null;
}

/** Why `identity` may not turn `before` into `after` (null: allowed). */
export function refusalOf(identity: Identity, before: TLRecord | null, after: TLRecord | null): CanvasRefusal | null {
  return canvasRefusal(identity, plain(before), plain(after));
}

/**
 * May `identity` change what a shape says (its text, colour, size), as opposed to where it
 * sits? Asked of the rules with a change of the shape's props, so the answer follows them.
 */
export function mayChangeContent(identity: Identity, shape: TLShape): boolean {
  const probe = { ...shape, props: { ...shape.props, text: '' } } as unknown as TLRecord;
  return refusalOf(identity, shape, probe) === null;
}

const identities = new WeakMap<Editor, Identity>();

/** Tell the shapes of this editor who is working in it (see {@link identityIn}). */
export function setIdentityIn(editor: Editor, identity: Identity): () => void {
  identities.set(editor, identity);
  return () => {
    if (identities.get(editor) === identity) identities.delete(editor);
  };
}

/** Who works in this editor, when the board has said so. */
export function identityIn(editor: Editor): Identity | undefined {
  return identities.get(editor);
}
