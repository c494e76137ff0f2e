import {
  DefaultColorStyle,
  DefaultStylePanel,
  getColorStyleItems,
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
  useEditor,
  useStylePanelContext,
  useTranslation,
  useValue,
  type TLUiStylePanelProps,
} from 'tldraw';
import { noteColorOf } from './authorship';
import { useCanvasIdentity } from './CanvasIdentity';

/** tldraw's style panel, with the colour picker of {@link FletColorPicker}. */
export function FletStylePanel(props: TLUiStylePanelProps) {
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
 * tldraw's colour picker. A participant's notes are in the group's colour, so while notes
 * are selected (or the note tool is in hand) a participant is offered that colour only:
 * no choice recolours a note to another group's colour.
 */
function FletColorPicker() {
  const editor = useEditor();
  const identity = useCanvasIdentity();
  const { styles } = useStylePanelContext();
  const msg = useTranslation();
  const color = styles.get(DefaultColorStyle);
  const notesInPlay = useValue(
    'notes in play',
    () =>
      editor.getCurrentToolId() === 'note' ||
      [...editor.getShapeAndDescendantIds(editor.getSelectedShapeIds())].some((id) => editor.getShape(id)?.type === 'note'),
    [editor],
  );
  const items = useValue('colour items', () => getColorStyleItems(editor.getCurrentTheme().colors[editor.getColorMode()]), [editor]);
  if (color === undefined) return null;
  const own = identity.role === 'participant' && notesInPlay ? noteColorOf(identity) : null;
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
