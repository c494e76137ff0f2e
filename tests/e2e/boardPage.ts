import type { Page } from 'playwright-core';

/** A note as the board's editor holds it. */
export interface NoteSeen {
  id: string;
  text: string;
  color: string;
  meta: Record<string, unknown>;
  pageId: string;
}

/** Wait for the canvas of a board to be up. */
export async function waitForCanvas(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__fletEditor), undefined, { timeout: 30_000 });
  await page.locator('.tl-canvas').first().waitFor({ timeout: 30_000 });
}

/** Every note of every page, read from the page's editor. */
export function notesOn(page: Page): Promise<NoteSeen[]> {
  return page.evaluate(() => {
    const editor = window.__fletEditor;
    if (!editor) return [];
    const textOf = (node: unknown): string => {
      if (!node || typeof node !== 'object') return '';
      const n = node as { text?: string; content?: unknown[] };
      return (n.text ?? '') + (n.content ?? []).map(textOf).join('');
    };
    return editor.store
      .allRecords()
      .filter((r) => r.typeName === 'shape' && r.type === 'note')
      .map((r) => {
        const shape = r as unknown as { id: string; props: { richText: unknown; color: string }; meta: Record<string, unknown>; parentId: string };
        return { id: shape.id, text: textOf(shape.props.richText), color: shape.props.color, meta: shape.meta, pageId: shape.parentId };
      });
  });
}

/** Count of document records (shapes, pages…) in a page's store. */
export function documentSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const editor = window.__fletEditor;
    if (!editor) return '';
    const records = editor.store
      .allRecords()
      .filter((r) => ['shape', 'page', 'binding', 'asset', 'document'].includes(r.typeName))
      .sort((a, b) => a.id.localeCompare(b.id));
    return JSON.stringify(records);
  });
}
