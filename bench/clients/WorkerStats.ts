import { monitorEventLoopDelay } from 'node:perf_hooks';
import { newHistogram, record } from '../histogram';
import type { Timeline, WorkerResult } from './protocol';

/** What every client of one worker thread adds to; sent to the main thread at the end. */
export class WorkerStats {
  readonly editHist = newHistogram();
  readonly cursorHist = newHistogram();
  editReceived = 0;
  editsSent = 0;
  cursorReceived = 0;
  cursorsSent = 0;
  echoesSent = 0;
  disconnects = 0;
  readonly disconnectReasons: string[] = [];
  maxBufferedBytes = 0;
  timeline: Timeline | null = null;
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loopDelay.enable();
  }

  /** True when a payload sent at `sendUs` belongs to the measured window. */
  inWindow(sendUs: number): boolean {
    const t = this.timeline;
    return t !== null && sendUs >= t.measureStartUs && sendUs < t.measureEndUs;
  }

  edit(latencyUs: number): void {
    this.editReceived++;
    record(this.editHist, latencyUs);
  }

  cursor(latencyUs: number): void {
    this.cursorReceived++;
    record(this.cursorHist, latencyUs);
  }

  disconnected(reason: string): void {
    this.disconnects++;
    if (this.disconnectReasons.length < 5) this.disconnectReasons.push(reason);
  }

  toResult(): WorkerResult {
    return {
      editHist: this.editHist,
      editReceived: this.editReceived,
      editsSent: this.editsSent,
      cursorHist: this.cursorHist,
      cursorReceived: this.cursorReceived,
      cursorsSent: this.cursorsSent,
      echoesSent: this.echoesSent,
      disconnects: this.disconnects,
      disconnectReasons: this.disconnectReasons,
      maxBufferedBytes: this.maxBufferedBytes,
      loopDelayP99Ms: this.loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: this.loopDelay.max / 1e6,
    };
  }
}
