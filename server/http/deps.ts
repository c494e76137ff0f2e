import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Config } from '../config';
import type { Reveals } from '../rooms/reveal';
import type { Storage } from '../storage/Storage';

/** What the HTTP layer needs from the rest of the server (joined in server/index.ts). */
export interface HttpDeps {
  config: Config;
  storage: Storage;
  logger: Logger;
  /** Base of links; known only once the server is bound (port 0 in tests). */
  publicUrl: () => string;
  /** Closes every open connection of a workshop and drops its room (before its rows are removed). */
  closeWorkshop: (workshopId: string) => Promise<void>;
  /** The server's own write to a workshop's document, stored before anyone receives it. */
  changeWorkshop: (workshopId: string, change: (doc: Y.Doc) => void) => Promise<void>;
  /** Reads a workshop's live document (its room is loaded if it is not), writing nothing. */
  readWorkshop: <T>(workshopId: string, read: (doc: Y.Doc) => T) => Promise<T>;
  /** The reveals of private steps and votes, which read the participants' private documents. */
  reveals: Reveals;
}
