/** MyNotesPanel: not built yet. */
export function MyNotesPanel() {
  return null;
}
