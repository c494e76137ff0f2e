import { useId, useState } from 'react';
import { useTranslation as useFletTranslation } from 'react-i18next';
import {
  DefaultColorStyle,
  DefaultStylePanel,
  getColorStyleItems,
  getColorValue,
  StylePanelArrowheadPicker,
  StylePanelArrowKindPicker,
  StylePanelButtonPicker,
  StylePanelDashPicker,
  StylePanelFillPicker,
  StylePanelFontPicker,
  StylePanelGeoShapePicker,
  StylePanelLabelAlignPicker,
  StylePanelOpacityPicker,
  StylePanelSection,
  StylePanelSizePicker,
  StylePanelSplinePicker,
  StylePanelTextAlignPicker,
  TldrawUiButton,
  TldrawUiButtonIcon,
  TldrawUiButtonLabel,
  useEditor,
  useRelevantStyles,
  useStylePanelContext,
  useTranslation,
  useValue,
  type TLDefaultColorStyle,
  type TLUiStylePanelProps,
} from 'tldraw';
import { noteColorOf } from './authorship';
import { useCanvasIdentity } from './CanvasIdentity';
import './canvas.css';

/**
 * tldraw's style panel, foldable to one button on a laptop or larger screen: always open, it
 * would cover a strip of the board up to the height of the screen. On a phone tldraw already
 * keeps it behind a button of its own (`isMobile`), so there it is the panel itself.
 */
export function FletStylePanel(props: TLUiStylePanelProps) {
  if (props.isMobile) return <FletStylePanelContent {...props} />;
  return <FoldedStylePanel {...props} />;
}

function FoldedStylePanel(props: TLUiStylePanelProps) {
  const { t } = useFletTranslation();
  const editor = useEditor();
  // Until the person opens or folds it, it opens while shapes are selected or a drawing tool
  // is in hand, when styles are what they work on, and is folded otherwise.
  const [choice, setChoice] = useState<'open' | 'folded' | null>(null);
  const styling = useValue(
    'styling',
    () => editor.getSelectedShapeIds().length > 0 || !editor.isInAny('select', 'hand', 'zoom', 'eraser', 'laser'),
    [editor],
  );
  const open = choice === 'open' || (choice === null && styling);
  const panelId = useId();
  const styles = useRelevantStyles();
  const color = styles?.get(DefaultColorStyle);
  const shown = useValue(
    'style button colour',
    () => {
      const colors = editor.getCurrentTheme().colors[editor.getColorMode()];
      return getColorValue(colors, color?.type === 'shared' ? (color.value as TLDefaultColorStyle) : 'black', 'solid');
    },
    [editor, color],
  );
  if (!styles) return null;
  return (
    <div className="flet-style-panel">
      <TldrawUiButton
        type="normal"
        className="flet-style-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setChoice(open ? 'folded' : 'open')}
      >
        <span className="flet-style-colour" style={{ color: shown }} aria-hidden="true">
          <TldrawUiButtonIcon icon={color?.type === 'mixed' ? 'mixed' : 'blob'} />
        </span>
        <TldrawUiButtonLabel>{open ? t('boardChrome.style.hide') : t('boardChrome.style.show')}</TldrawUiButtonLabel>
      </TldrawUiButton>
      <div id={panelId} hidden={!open}>
        {open && <FletStylePanelContent {...props} />}
      </div>
    </div>
  );
}

function FletStylePanelContent(props: TLUiStylePanelProps) {
  return (
    <DefaultStylePanel {...props}>
      <StylePanelSection>
        <FletColorPicker />
        <StylePanelOpacityPicker />
      </StylePanelSection>
      <StylePanelSection>
        <StylePanelFillPicker />
        <StylePanelDashPicker />
        <StylePanelSizePicker />
      </StylePanelSection>
      <StylePanelSection>
        <StylePanelFontPicker />
        <StylePanelTextAlignPicker />
        <StylePanelLabelAlignPicker />
      </StylePanelSection>
      <StylePanelSection>
        <StylePanelGeoShapePicker />
        <StylePanelArrowKindPicker />
        <StylePanelArrowheadPicker />
        <StylePanelSplinePicker />
      </StylePanelSection>
    </DefaultStylePanel>
  );
}

/**
 * tldraw's colour picker. A participant's notes are in the group's colour, and the colours
 * stand for the groups on the whole board, so a participant is offered the group's colour
 * alone, whatever is selected: no choice recolours anything to another group's colour (the
 * rules refuse such a note anyway).
 */
function FletColorPicker() {
  const editor = useEditor();
  const identity = useCanvasIdentity();
  const { styles } = useStylePanelContext();
  const msg = useTranslation();
  const color = styles.get(DefaultColorStyle);
  const items = useValue('colour items', () => getColorStyleItems(editor.getCurrentTheme().colors[editor.getColorMode()]), [editor]);
  if (color === undefined) return null;
  const own = identity.role === 'participant' ? noteColorOf(identity) : null;
  return (
    <StylePanelButtonPicker
      title={msg('style-panel.color')}
      uiType="color"
      style={DefaultColorStyle}
      items={own ? items.filter((item) => item.value === own) : items}
      value={color}
    />
  );
}
