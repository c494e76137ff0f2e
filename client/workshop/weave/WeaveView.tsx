/** WeaveView: not built yet. */
export function WeaveView() {
  return null;
}
