import * as Y from 'yjs';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * True when the structs of one update depend on each other in a circle (client 8's struct
 * points at client 9's, which points back at client 8's). Yjs cannot integrate such structs;
 * they stay pending, and the server would have to rebuild the document from storage.
 *
 * A struct depends on its author's previous struct and on the structs its origin, right
 * origin and parent name; only dependencies inside this update matter (the rest the document
 * holds, or checkUpdate refused the update already). Depth-first search without recursion,
 * so a long chain cannot overflow the stack: O(n log n) for n structs.
 */
export function hasReferenceCycle(doc: Y.Doc, structs: Struct[]): boolean {
  const byClient = new Map<number, number[]>();
  structs.forEach((struct, index) => {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(index);
    byClient.set(struct.id.client, list);
  });
  for (const list of byClient.values()) list.sort((a, b) => structs[a].id.clock - structs[b].id.clock);

  /** The index of the update's struct holding `id`, or -1 when the document holds it. */
  const find = (id: Y.ID): number => {
    if (id.clock < Y.getState(doc.store, id.client)) return -1;
    const list = byClient.get(id.client);
    if (!list) return -1;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const struct = structs[list[middle]];
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return list[middle];
    }
    return -1;
  };
  const previous = new Map<number, number>();
  for (const list of byClient.values()) for (let i = 1; i < list.length; i++) previous.set(list[i], list[i - 1]);

  const dependencies = (index: number): number[] => {
    const struct = structs[index];
    const found: number[] = [];
    const before = previous.get(index);
    if (before !== undefined) found.push(before);
    if (struct instanceof Y.Item) {
      const parent: unknown = struct.parent;
      for (const id of [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null]) {
        if (id === null || id.client === struct.id.client) continue;
        const target = find(id);
        if (target >= 0) found.push(target);
      }
    }
    return found;
  };

  const IN_PROGRESS = 1;
  const DONE = 2;
  const state = new Uint8Array(structs.length);
  for (let root = 0; root < structs.length; root++) {
    if (state[root] === DONE) continue;
    const stack: Array<{ index: number; next: number[] }> = [{ index: root, next: dependencies(root) }];
    state[root] = IN_PROGRESS;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const child = top.next.pop();
      if (child === undefined) {
        state[top.index] = DONE;
        stack.pop();
        continue;
      }
      if (state[child] === IN_PROGRESS) return true;
      if (state[child] === DONE) continue;
      state[child] = IN_PROGRESS;
      stack.push({ index: child, next: dependencies(child) });
    }
  }
  return false;
}
