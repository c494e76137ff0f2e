/** ThreadsPanel: not built yet. */
export function ThreadsPanel() {
  return null;
}
