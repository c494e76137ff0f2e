/** GatheringBar: not built yet. */
export function GatheringBar() {
  return null;
}
