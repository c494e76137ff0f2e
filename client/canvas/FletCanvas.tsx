import { useCallback, useEffect, useMemo, useRef } from 'react';
import { atom, Tldraw, useTldrawCurrentUser, type Editor, type TLStore, type TLUserPreferences } from 'tldraw';
import 'tldraw/tldraw.css';
import { gatheringOf, gatheringOfPage } from '../../shared/domain/gatherings';
import { currentStep } from '../../shared/domain/steps';
import { identityKey, type Identity } from '../../shared/domain/identity';
import { tldrawLocale } from '../i18n';
import { withHiddenMarks } from '../workshop/moderation/HiddenMarkShapeWrapper';
import { shapeVisibilityFor } from '../workshop/moderation/shapeVisibility';
import { useOptionalWorkshop } from '../workshop/WorkshopContext';
import { CanvasIdentityProvider } from './CanvasIdentity';
import { canvasUiFor } from './canvasUi';
import { assetUrls, editorOptions, externalContent, licenseKey, shapeUtils } from './config';
import { followFacilitator } from './follow';
import { guardCanvas } from './guard';
import { openOnContent } from './openOnContent';
import { keepNotesOffBoardInPrivateStep } from './privateNotes';
import { privateWritingOf } from '../workshop/privateWriting/canvasDrafts';
import { projectorOverlayUtils } from './projectorOverlays';
import { landNotesInStepFrame } from './stepFrame';

/** Props of {@link FletCanvas}. */
export interface FletCanvasProps {
  store: TLStore;
  /** The editor's user id; the same id goes into this browser's presence. */
  userId: string;
  name: string;
  color: string;
  language: string;
  /** The projector: read-only, no tool chrome, follows the facilitator. */
  projector: boolean;
  /** Who works on the canvas: the canvas rules are checked for this person before any change. */
  identity: Identity;
  onEditor?: (editor: Editor | null) => void;
}

declare global {
  interface Window {
    /** The board's editor, for checks from the browser console and the end-to-end tests. */
    __fletEditor?: Editor;
  }
}

/** The tldraw canvas of a workshop board. */
export function FletCanvas({ store, userId, name, color, language, projector, identity, onEditor }: FletCanvasProps) {
  const preferences = useMemo(
    () =>
      atom<TLUserPreferences>('flet user preferences', {
        id: userId,
        name,
        color,
        locale: tldrawLocale(language),
        colorScheme: 'light',
      }),
    // The user is fixed for the life of the board; name, colour and locale are updated below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [userId],
  );
  useEffect(() => {
    preferences.update((p) => ({ ...p, name, color, locale: tldrawLocale(language) }));
  }, [preferences, name, color, language]);
  // A new function here would make a new user, and tldraw would build a new editor.
  const setUserPreferences = useCallback(
    (next: TLUserPreferences) => preferences.set({ ...next, id: userId }),
    [preferences, userId],
  );
  const user = useTldrawCurrentUser({ userPreferences: preferences, setUserPreferences });
  const personKey = `${identityKey(identity)}:${identity.group ?? ''}`;
  const { components, overrides } = canvasUiFor(identity.role);
  // Hidden notes are left out for all but the facilitator and their authors, who see them marked.
  const markedComponents = useMemo(() => withHiddenMarks(components), [components]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const getShapeVisibility = useMemo(() => shapeVisibilityFor(identity), [personKey]);
  // The editor is set up once; the document it reads gatherings from is read when needed.
  const workshop = useOptionalWorkshop();
  const doc = workshop?.doc ?? null;
  const docRef = useRef(doc);
  docRef.current = doc;
  const workshopRef = useRef(workshop);
  workshopRef.current = workshop;

  const onMount = useMemo(
    () =>
      (editor: Editor): (() => void) => {
        const disposers: Array<() => void> = [];
        window.__fletEditor = editor;
        onEditor?.(editor);
        if (projector) {
          editor.updateInstanceState({ isReadonly: true });
          disposers.push(followFacilitator(editor));
        } else {
          disposers.push(
            guardCanvas(editor, identity, (pageId) => (docRef.current ? (gatheringOfPage(docRef.current, pageId)?.id ?? null) : null)),
            landNotesInStepFrame(editor, () => {
              const step = docRef.current ? currentStep(docRef.current) : null;
              const pageId = step && docRef.current ? gatheringOf(docRef.current, step.gatheringId)?.pageId : undefined;
              return step?.frameId && pageId ? { frameId: step.frameId, pageId } : null;
            }),
          );
          disposers.push(openOnContent(editor));
          if (identity.role === 'participant') disposers.push(keepNotesOffBoardInPrivateStep(editor, privateWritingOf(() => workshopRef.current)));
        }
        return () => {
          for (const dispose of disposers.splice(0).reverse()) dispose();
          if (window.__fletEditor === editor) delete window.__fletEditor;
          onEditor?.(null);
        };
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [projector, personKey],
  );

  return (
    <CanvasIdentityProvider identity={identity}>
      <Tldraw
        store={store}
        user={user}
        shapeUtils={shapeUtils}
        assetUrls={assetUrls}
        licenseKey={licenseKey}
        options={editorOptions}
        {...externalContent}
        components={markedComponents}
        getShapeVisibility={getShapeVisibility}
        overrides={overrides}
        hideUi={projector}
        overlayUtils={projector ? projectorOverlayUtils : undefined}
        onMount={onMount}
      />
    </CanvasIdentityProvider>
  );
}
