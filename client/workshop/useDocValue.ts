import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

/**
 * A value read from the workshop document, read again after every change to it (at most once
 * a frame, so a burst of remote edits costs one read). `read` must be a pure function of the
 * document; `deps` are what else it reads.
 */
export function useDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, deps: readonly unknown[] = []): T | undefined {
  const readRef = useRef(read);
  readRef.current = read;
  const [value, setValue] = useState<T | undefined>(() => (doc ? read(doc) : undefined));
  useEffect(() => {
    if (!doc) {
      setValue(undefined);
      return;
    }
    setValue(readRef.current(doc));
    let frame: number | null = null;
    const onUpdate = (): void => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        setValue(readRef.current(doc));
      });
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (frame !== null) cancelAnimationFrame(frame);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, ...deps]);
  return value;
}
