import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DefaultShapeWrapper, type TLComponents, type TLShapeWrapperProps } from 'tldraw';
import { isHiddenRecord } from '../../../shared/domain/moderation';
import { useOptionalWorkshop } from '../WorkshopContext';
import './moderation.css';

/** The label over a hidden note: "Hidden" for the facilitator, "Hidden by the facilitator" for its author. */
function HiddenMark() {
  const { t } = useTranslation();
  const facilitator = useOptionalWorkshop()?.identity.role === 'facilitator';
  return <span className="flet-hidden-mark">{t(facilitator ? 'facilitator.moderation.hiddenMark' : 'facilitator.moderation.hiddenMarkAuthor')}</span>;
}

/**
 * tldraw's shape wrapper, marking a hidden shape (dimmed, with a label) for those who still
 * see it. No hooks here: it wraps every shape on the board, and only hidden ones pay.
 */
export const HiddenMarkShapeWrapper = forwardRef<HTMLDivElement, TLShapeWrapperProps>(function HiddenMarkShapeWrapper(props, ref) {
  const hidden = !props.isBackground && isHiddenRecord(props.shape);
  if (!hidden) return <DefaultShapeWrapper ref={ref} {...props} />;
  return (
    <DefaultShapeWrapper ref={ref} {...props} data-flet-hidden="true">
      {props.children}
      <HiddenMark />
    </DefaultShapeWrapper>
  );
});

/** A role's canvas components with hidden shapes marked. */
export function withHiddenMarks(components: TLComponents): TLComponents {
  return { ...components, ShapeWrapper: HiddenMarkShapeWrapper };
}
