/** NarrativeView: not built yet. */
export function NarrativeView() {
  return null;
}
