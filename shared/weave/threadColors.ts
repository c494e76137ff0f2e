/**
 * The colours of threads on the canvas and in the threads panel, by the thread's place among
 * all threads (oldest first), so a strand and its card share one colour. Dark, saturated
 * tones: each reads at over 4.5:1 on white (the panel's swatches and text) and stands out
 * from the pale note colours behind it on a projector. The ninth thread starts again.
 */
export const THREAD_COLORS = ['#c2255c', '#1c5fa8', '#2b7a0b', '#b34700', '#6741d9', '#0b7285', '#862e9c', '#5c5f66'] as const;

/** The colour of the thread at `index` among all threads, oldest first. */
export function threadColor(index: number): string {
  const count = THREAD_COLORS.length;
  return THREAD_COLORS[((index % count) + count) % count];
}
