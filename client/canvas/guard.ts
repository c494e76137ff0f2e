import { DefaultColorStyle, isPageId, type Editor, type TLRecord, type TLShape } from 'tldraw';
import { GROUP_STYLES } from '../../shared/domain/groups';
import type { Identity } from '../../shared/domain/identity';
import { editorCannotLose } from '../sync/binding';
import { stamped } from './authorship';
import { refusalOf, setIdentityIn } from './permissions';

/** The record types that live in the shared document; the rest is this browser's own view. */
const DOCUMENT_TYPES = ['shape', 'asset', 'binding', 'page', 'document'] as const satisfies ReadonlyArray<TLRecord['typeName']>;

/** The gathering whose page `pageId` is, or null (a page outside the gatherings). */
export type GatheringOfPage = (pageId: string) => string | null;

/** The page a shape is being made on: it is not in the store yet, its parent is. */
function pageOfNewShape(editor: Editor, shape: TLShape): string | null {
  if (isPageId(shape.parentId)) return shape.parentId;
  return editor.getAncestorPageId(shape.parentId) ?? null;
}

/**
 * Run the canvas rules in the editor itself, before a change is made: this person's new
 * shapes and assets carry their authorship; a creation the rules forbid is taken back at
 * once, a forbidden change keeps the record as it was, and a forbidden deletion does not
 * happen. Only this person's own changes ('user') are checked: remote ones were accepted by
 * the server already. A new shape carries the gathering of the page it is made on
 * (`gatheringOf`). Returns the disposer.
 */
export function guardCanvas(editor: Editor, identity: Identity, gatheringOf: GatheringOfPage = () => null): () => void {
  const disposers: Array<() => void> = [setIdentityIn(editor, identity)];
  const { sideEffects } = editor;
  // tldraw cannot decline a creation before it happens; it is removed right after, in the
  // same operation, so neither the document nor the undo history ever hold it.
  const refusedCreations = new Set<string>();
  let takingBack = false;

  if (identity.group) {
    editor.setStyleForNextShapes(DefaultColorStyle, GROUP_STYLES[identity.group].canvasColor, { history: 'ignore' });
  }

  const refuseCreation = <R extends TLRecord>(record: R): R => {
    // What tldraw makes for itself on a board without it stays (the binding keeps it local).
    if (refusalOf(identity, null, record) && !editorCannotLose(editor.store, record)) refusedCreations.add(record.id);
    return record;
  };
  disposers.push(
    sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user') return shape;
      const pageId = pageOfNewShape(editor, shape);
      return refuseCreation(stamped(shape, identity, pageId ? gatheringOf(pageId) : null));
    }),
    sideEffects.registerBeforeCreateHandler('asset', (asset, source) => (source === 'user' ? refuseCreation(stamped(asset, identity)) : asset)),
  );
  for (const typeName of DOCUMENT_TYPES) {
    if (typeName !== 'shape' && typeName !== 'asset') {
      disposers.push(sideEffects.registerBeforeCreateHandler(typeName, (record, source) => (source === 'user' ? refuseCreation(record) : record)));
    }
    disposers.push(
      sideEffects.registerAfterCreateHandler(typeName, (record) => {
        if (!refusedCreations.delete(record.id)) return;
        takingBack = true;
        try {
          editor.store.remove([record.id]);
        } finally {
          takingBack = false;
        }
      }),
      sideEffects.registerBeforeChangeHandler(typeName, (previous, next, source) =>
        source === 'user' && refusalOf(identity, previous, next) ? previous : next,
      ),
      sideEffects.registerBeforeDeleteHandler(typeName, (record, source) => {
        if (source === 'user' && !takingBack && refusalOf(identity, record, null)) return false;
      }),
    );
  }
  return () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
}
