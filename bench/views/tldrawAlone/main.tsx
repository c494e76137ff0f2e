import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { createRoot } from 'react-dom/client';
import { Tldraw, type Editor, type TLStoreSnapshot } from 'tldraw';
import 'tldraw/tldraw.css';

/**
 * tldraw alone, the benchmark's yardstick for Flet's board: a bare <Tldraw> of the same
 * version, opened on the same notes as a store snapshot. Its fonts and icons are bundled as
 * Flet's are, so neither page waits for another host.
 */
declare global {
  interface Window {
    __benchEditor?: Editor;
  }
}

const assetUrls = getAssetUrlsByImport();

async function main(): Promise<void> {
  const snapshot = (await (await fetch('./snapshot.json')).json()) as TLStoreSnapshot;
  createRoot(document.getElementById('root')!).render(
    <Tldraw
      snapshot={snapshot}
      assetUrls={assetUrls}
      onMount={(editor) => {
        window.__benchEditor = editor;
      }}
    />,
  );
}

void main();
