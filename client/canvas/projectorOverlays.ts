import { CollaboratorCursorOverlayUtil } from 'tldraw';

/**
 * The projector's overlays: others' cursor names drawn large enough to read on a 1920×1080
 * screen from the back of a room (tldraw draws them at 12 px).
 */
export const projectorOverlayUtils = [CollaboratorCursorOverlayUtil.configure({ fontSize: 26, nameMaxWidth: 360, chatMaxWidth: 480 })];
