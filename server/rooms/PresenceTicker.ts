/** At most one merged presence frame per room per this many milliseconds. */
export const PRESENCE_TICK_MS = 20;

/**
 * Paces a room's presence frames. Cursors are the heaviest traffic, so changes that arrive
 * within one tick go out as one frame; but a quiet room sends at once, since a cursor should
 * not wait a whole tick for company.
 */
export class PresenceTicker {
  private timer: NodeJS.Timeout | null = null;
  private sentAt = -Infinity;
  private stopped = false;

  /** `send` builds and sends the merged frame; it returns false when nothing had changed. */
  constructor(private readonly send: () => boolean) {}

  /** Asks for a frame: now if the last one is a tick old, else at the end of its tick. */
  schedule(): void {
    if (this.timer || this.stopped) return;
    const wait = Math.max(0, this.sentAt + PRESENCE_TICK_MS - performance.now());
    this.timer = setTimeout(this.fire, wait);
  }

  /** Sends nothing more. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly fire = (): void => {
    this.timer = null;
    if (this.send()) this.sentAt = performance.now();
  };
}
