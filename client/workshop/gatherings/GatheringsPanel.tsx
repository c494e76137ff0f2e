/** GatheringsPanel: not built yet. */
export function GatheringsPanel() {
  return null;
}
