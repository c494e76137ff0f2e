import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

/**
 * A value read from the document at most every `interval` milliseconds while it changes:
 * for summaries over every note (the meter, what is not woven), which need not follow each
 * keystroke of a busy board.
 */
export function useSettledDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, interval = 300): T {
  const readRef = useRef(read);
  readRef.current = read;
  const [value, setValue] = useState<T>(() => read(doc));
  useEffect(() => {
    setValue(readRef.current(doc));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        setValue(readRef.current(doc));
      }, interval);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc, interval]);
  return value;
}
