/** The four load scenarios of the benchmark (issue 2, "Benchmark"). */
export interface Scenario {
  id: number;
  /** Stable name used in the results. */
  name: string;
  clients: number;
  writers: number;
  /** Edits per second per writer. */
  rate: number;
  /** Cursor moves per second per client; 0 when clients send no cursors. */
  cursorHz: number;
  /** Clients re-send every awareness change they receive, as the stock WebsocketProvider does. */
  echo: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { id: 1, name: '1-edits-50', clients: 50, writers: 5, rate: 10, cursorHz: 0, echo: false },
  { id: 2, name: '2-edits-200', clients: 200, writers: 10, rate: 5, cursorHz: 0, echo: false },
  { id: 3, name: '3-cursors-200', clients: 200, writers: 5, rate: 2, cursorHz: 10, echo: false },
  { id: 4, name: '4-cursors-echo-200', clients: 200, writers: 5, rate: 2, cursorHz: 10, echo: true },
];
