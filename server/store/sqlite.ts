import path from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './sqlite-checkpointer';
import type { DocumentStore, StoredDocument } from './types';

/**
 * The default store: one SQLite file in the data directory (better-sqlite3 12; 13 crashes on Node 20).
 * WAL journal with synchronous=NORMAL: a committed append survives the server being killed at any
 * instant (the WAL is in the OS's hands); only a power cut may take the last few. Calls are synchronous,
 * so an append is committed before `append` even returns. Checkpoints run in a worker thread
 * (sqlite-checkpointer.ts), not inside a commit.
 */

export const SQLITE_FILE = 'documents.sqlite';
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    space TEXT NOT NULL,
    state BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS documents_by_space ON documents (space);
  CREATE TABLE IF NOT EXISTS updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    space TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, seq);
  CREATE INDEX IF NOT EXISTS updates_by_space ON updates (space);
`;

/** How often the checkpoint worker folds the WAL back into the database file. */
const CHECKPOINT_EVERY_MS = 1000;

export function openSqliteStore(dataDir: string, fileName = SQLITE_FILE): DocumentStore {
  const file = path.join(dataDir, fileName);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${fileName} was written by a newer server (schema ${version}); upgrade this one`);
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);

  const selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE name = ? ORDER BY seq',
  );
  const insertUpdate = db.prepare<[string, string, Uint8Array]>(
    'INSERT INTO updates (name, space, data) VALUES (?, ?, ?)',
  );
  const upsertState = db.prepare<[string, string, Uint8Array, number]>(
    `INSERT INTO documents (name, space, state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const deleteUpdates = db.prepare<[string, number]>('DELETE FROM updates WHERE name = ? AND seq <= ?');
  const namesOfSpace = db.prepare<[string, string], { name: string }>(
    'SELECT name FROM documents WHERE space = ? UNION SELECT name FROM updates WHERE space = ?',
  );
  const exists = db.prepare<[string, string], { found: number }>(
    `SELECT EXISTS (SELECT 1 FROM documents WHERE name = ?)
         OR EXISTS (SELECT 1 FROM updates WHERE name = ?) AS found`,
  );
  const compact = db.transaction((name: string, space: string, state: Uint8Array, upTo: number) => {
    upsertState.run(name, space, state, Date.now());
    deleteUpdates.run(name, upTo);
  });
  const load = db.transaction((name: string): StoredDocument | null => {
    const state = selectState.get(name)?.state;
    const rows = selectUpdates.all(name);
    if (!state && rows.length === 0) return null;
    const updates = rows.map((row) => row.data);
    return { chunks: state ? [state, ...updates] : updates, lastSequence: rows.at(-1)?.seq ?? 0 };
  });

  db.pragma('wal_autocheckpoint = 0');
  const checkpointer = startCheckpointer(file, CHECKPOINT_EVERY_MS, (reason) => {
    // Without the worker the WAL would grow without end: let SQLite checkpoint inline again.
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
    console.error(`sqlite: checkpoints back on the main thread: ${reason}`);
  });

  return {
    load: async (name) => load(name),
    append: async (name, space, update) => Number(insertUpdate.run(name, space, update).lastInsertRowid),
    compact: async (name, space, state, upTo) => compact(name, space, state, upTo),
    listNames: async (space) => namesOfSpace.all(space, space).map((row) => row.name),
    has: async (name) => exists.get(name, name)?.found === 1,
    close: async () => {
      await checkpointer.stop();
      if (db.open) db.close();
    },
  };
}
