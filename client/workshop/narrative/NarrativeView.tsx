import { EditorContent } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { narrativeMeter, notWovenOf } from '../../../shared/domain/meters';
import { readNarrative, reviewTrayOf } from '../../../shared/domain/narrative';
import { mayEditNarrative } from '../../../shared/domain/rights';
import { ExportButtons } from '../exporting/ExportButtons';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { LengthAndVoices } from './LengthAndVoices';
import { NarrativeEditors } from './NarrativeEditors';
import { NarrativeToolbar } from './NarrativeToolbar';
import { NotWovenList } from './NotWovenList';
import { ReviewTray } from './ReviewTray';
import { useNarrativeEditor } from './useNarrativeEditor';
import { useSettledDocValue } from './useSettledDocValue';
import { WeaveDialog } from './WeaveDialog';
import './narrative.css';

/**
 * The narrative: the shared text, woven from the threads, with each passage's sources in its
 * margin; beside it the review tray, the meter of length and voices, what is not yet woven,
 * and (for the facilitator) who may edit. The facilitator and the working group edit;
 * everyone else reads.
 */
export function NarrativeView() {
  const { t } = useTranslation();
  const { doc, identity, selectedThreadId, passageToShow, passageShown } = useWorkshop();
  const editable = useDocValue(doc, (current) => mayEditNarrative(identity, current), [identity]) ?? false;
  const editor = useNarrativeEditor(editable);
  const facts = useSettledDocValue(doc, (current) => {
    const reading = readNarrative(current);
    return { meter: narrativeMeter(current, reading), tray: reviewTrayOf(current, reading), notWoven: notWovenOf(current, reading) };
  });
  const [weaving, setWeaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const weaveButtonFocus = useRef(false);

  // Told in words when the right to edit comes or goes while the view is open.
  const wasEditable = useRef(editable);
  useEffect(() => {
    if (wasEditable.current !== editable) setAnnouncement(t(editable ? 'narrative.role.nowEditor' : 'narrative.role.nowReader'));
    wasEditable.current = editable;
  }, [editable, t]);

  // Opened at a passage ("where did my note go"): bring it into view once the text is drawn.
  useEffect(() => {
    if (!passageToShow || !editor) return;
    const frame = requestAnimationFrame(() => {
      const passage = document.querySelector<HTMLElement>(`.narrative-passage[data-passage-id="${CSS.escape(passageToShow)}"]`);
      if (!passage) return;
      passage.scrollIntoView({ block: 'center' });
      passage.classList.add('narrative-passage-shown');
      window.setTimeout(() => passage.classList.remove('narrative-passage-shown'), 4_000);
      passageShown();
    });
    return () => cancelAnimationFrame(frame);
  }, [passageToShow, editor, passageShown]);

  const closeDialog = (): void => {
    setWeaving(false);
    weaveButtonFocus.current = true;
  };
  useEffect(() => {
    if (!weaving && weaveButtonFocus.current) {
      weaveButtonFocus.current = false;
      document.querySelector<HTMLButtonElement>('.narrative-tool-weave')?.focus();
    }
  }, [weaving]);

  return (
    <section className="narrative" aria-labelledby="narrative-heading">
      <div className="narrative-grid">
        <div className="narrative-document">
          <header className="narrative-header">
            <h2 id="narrative-heading">{t('narrative.title')}</h2>
            <p className="narrative-role">{t(editable ? 'narrative.role.editor' : 'narrative.role.reader')}</p>
            <ExportButtons />
          </header>
          {editable && editor && <NarrativeToolbar editor={editor} onWeave={() => setWeaving(true)} />}
          <div className="narrative-page">
            {!editable && facts.meter.characters === 0 && <p className="hint">{t('narrative.empty')}</p>}
            <EditorContent editor={editor} />
          </div>
        </div>
        <div className="narrative-side">
          <ReviewTray items={facts.tray} editor={editable ? editor : null} onDone={setAnnouncement} />
          <LengthAndVoices meter={facts.meter} />
          <NotWovenList notWoven={facts.notWoven} />
          {identity.role === 'facilitator' && <NarrativeEditors />}
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {weaving && editable && editor && (
        <WeaveDialog editor={editor} threadId={selectedThreadId} onClose={closeDialog} onWoven={setAnnouncement} />
      )}
    </section>
  );
}
