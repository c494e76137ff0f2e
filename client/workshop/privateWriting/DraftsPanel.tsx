import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStep, type Step } from '../../../shared/domain/steps';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { clearDraftsNotice, useDraftsNotice } from './draftsNotice';
import { DraftsBox } from './DraftsBox';

/** The side panel of the board with this participant's drafts of the current step. */
export function DraftsPanel() {
  const { t } = useTranslation();
  const { doc, privateDoc } = useWorkshop();
  const stepText = useDocValue(doc, (d) => JSON.stringify(currentStep(d))) ?? 'null';
  const step = useMemo(() => JSON.parse(stepText) as Step | null, [stepText]);
  const notice = useDraftsNotice();
  // What the canvas said belongs to the step it was said in.
  useEffect(() => () => clearDraftsNotice(), [step?.id]);
  if (!step) {
    return (
      <section className="drafts">
        <h2 className="drafts-heading">{t('privateWriting.box.heading')}</h2>
        <p>{t('privateWriting.box.notPrivate')}</p>
      </section>
    );
  }
  return (
    <DraftsBox
      shared={doc}
      privateDoc={privateDoc}
      step={step}
      notice={notice ? t(notice.kind === 'kept' ? 'privateWriting.box.keptFromCanvas' : 'privateWriting.box.fromCanvas') : null}
      focusField={notice !== null}
      noticeKey={notice?.serial}
    />
  );
}
