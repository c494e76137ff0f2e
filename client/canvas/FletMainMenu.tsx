import {
  AccessibilityMenu,
  ColorSchemeMenu,
  DefaultMainMenu,
  EditSubmenu,
  ExportFileContentSubMenu,
  ExtrasGroup,
  InputModeMenu,
  KeyboardShortcutsMenuItem,
  TldrawUiMenuGroup,
  TldrawUiMenuSubmenu,
  ToggleDebugModeItem,
  ToggleDynamicSizeModeItem,
  ToggleEdgeScrollingItem,
  ToggleFocusModeItem,
  ToggleGridItem,
  TogglePasteAtCursorItem,
  ToggleSnapModeItem,
  ToggleToolLockItem,
  ToggleWrapModeItem,
  ViewSubmenu,
} from 'tldraw';

/**
 * tldraw's main menu without its language menu: Flet's own language switcher in the top bar
 * sets the language of the whole page, tldraw's included, and a second one in the canvas
 * would set tldraw's alone. The embed item is gone with its action (see canvasUi.ts).
 */
export function FletMainMenu() {
  return (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="basic">
        <EditSubmenu />
        <ViewSubmenu />
        <ExportFileContentSubMenu />
        <ExtrasGroup />
      </TldrawUiMenuGroup>
      <TldrawUiMenuGroup id="preferences">
        <TldrawUiMenuSubmenu id="preferences" label="menu.preferences">
          <TldrawUiMenuGroup id="preferences-actions">
            <ToggleSnapModeItem />
            <ToggleToolLockItem />
            <ToggleGridItem />
            <ToggleWrapModeItem />
            <ToggleFocusModeItem />
            <ToggleEdgeScrollingItem />
            <ToggleDynamicSizeModeItem />
            <TogglePasteAtCursorItem />
            <ToggleDebugModeItem />
          </TldrawUiMenuGroup>
          <TldrawUiMenuGroup id="user-interface-submenus">
            <AccessibilityMenu />
            <InputModeMenu />
            <ColorSchemeMenu />
          </TldrawUiMenuGroup>
        </TldrawUiMenuSubmenu>
        <KeyboardShortcutsMenuItem />
      </TldrawUiMenuGroup>
    </DefaultMainMenu>
  );
}
