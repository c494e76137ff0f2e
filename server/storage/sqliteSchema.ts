/**
 * Tables of the embedded storage. The document of a workshop is an append-only log of Yjs
 * updates (`updates`) that the server compacts into one `snapshots` row in the background.
 * Tokens are stored only as SHA-256 hashes.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  name TEXT,
  grp TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_workshop ON participants (workshop_id);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  role TEXT NOT NULL,
  participant_id TEXT
);
CREATE INDEX IF NOT EXISTS tokens_workshop ON tokens (workshop_id);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workshop_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_workshop ON updates (workshop_id, seq);
CREATE TABLE IF NOT EXISTS client_owners (
  workshop_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (workshop_id, client_id)
);
CREATE TABLE IF NOT EXISTS snapshots (
  workshop_id TEXT PRIMARY KEY,
  data BLOB NOT NULL
);
`;
