import type { BoardPanResult, BoardSide } from './boardPan';

/** The board measurement as the benchmark reports it: the human table and latest.json's entry. */

/** tldraw's default cameraMovingTimeoutMs: a frame slower than this lets the camera state fall back to idle. */
export const SLOW_FRAME_MS = 64;

/** Flet ÷ tldraw alone, to two decimals. */
export function boardRatio(flet: number, tldraw: number): string {
  return tldraw === 0 ? '–' : `${(flet / tldraw).toFixed(2)}×`;
}

/** The human table of a board measurement. */
export function boardPanRows(result: BoardPanResult): string[][] {
  const { flet, tldraw } = result;
  const row = (label: string, f: number, t: number): string[] => [label, String(f), String(t), boardRatio(f, t)];
  return [
    row('open, every note drawn (ms)', flet.openMs, tldraw.openMs),
    row('pan frame p50 (ms)', flet.panFrameP50Ms, tldraw.panFrameP50Ms),
    row('pan frame p99 (ms)', flet.panFrameP99Ms, tldraw.panFrameP99Ms),
    row(`camera changes, ${result.frames} frames (ms)`, flet.cameraMs, tldraw.cameraMs),
    row('long tasks during the pan (ms)', flet.longTasksMs, tldraw.longTasksMs),
    row(`frames over ${SLOW_FRAME_MS} ms`, flet.slowFrames, tldraw.slowFrames),
    row('camera state changes (idle/moving)', flet.cameraStateChanges, tldraw.cameraStateChanges),
  ];
}

export const BOARD_PAN_HEADER = ['measure', 'Flet', 'tldraw alone', 'Flet/tldraw'];

/**
 * The board's entry in latest.json, shaped as the scenarios' are: `scenario`, `p50_ms` and
 * `p99_ms` (here the pan's frame times), the measure's own fields, and its reference (tldraw
 * alone) under `references`.
 */
export function boardPanEntry(result: BoardPanResult): Record<string, unknown> {
  const fields = (measured: BoardSide) => ({
    scenario: `board-${result.notes}-notes-chromium`,
    notes: result.notes,
    viewport: result.viewport,
    frames: result.frames,
    open_ms: measured.openMs,
    p50_ms: measured.panFrameP50Ms,
    p99_ms: measured.panFrameP99Ms,
    camera_ms: measured.cameraMs,
    long_tasks_ms: measured.longTasksMs,
  });
  const ratio = (flet: number, tldraw: number): number | null => (tldraw === 0 ? null : Number((flet / tldraw).toFixed(2)));
  const { flet, tldraw } = result;
  return {
    ...fields(flet),
    references: { 'tldraw-alone': fields(tldraw) },
    ratios: {
      open: ratio(flet.openMs, tldraw.openMs),
      p50: ratio(flet.panFrameP50Ms, tldraw.panFrameP50Ms),
      p99: ratio(flet.panFrameP99Ms, tldraw.panFrameP99Ms),
      camera: ratio(flet.cameraMs, tldraw.cameraMs),
    },
  };
}
