import { randomUUID } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import type { DocumentStore, StoredDocument } from './types';

/**
 * PostgreSQL, for a deployment shared by several server processes (with Hocuspocus's Redis extension
 * carrying live updates between them). The layout is the SQLite store's, with two differences that let
 * several writers share a document safely:
 * - each appended update names the process that appended it, and a process only drops its own
 *   updates when it compacts (another process may not have applied them yet);
 * - compaction merges its state into the stored one under a row lock instead of replacing it, so a
 *   process that has not yet heard of another's changes cannot erase them.
 */

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS project_desk_documents (
    name TEXT PRIMARY KEY,
    space TEXT NOT NULL,
    state BYTEA NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS project_desk_documents_by_space ON project_desk_documents (space);
  CREATE TABLE IF NOT EXISTS project_desk_updates (
    seq BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    space TEXT NOT NULL,
    instance TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS project_desk_updates_by_name ON project_desk_updates (name, seq);
  CREATE INDEX IF NOT EXISTS project_desk_updates_by_space ON project_desk_updates (space);
`;

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function openPostgresStore(url: string): Promise<DocumentStore> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle connection that PostgreSQL drops (a restart, a failover) must not crash the server: the pool
  // replaces it on the next query, and a query that fails closes only the connection that asked.
  pool.on('error', (error) => console.error(`postgres: idle connection lost: ${error.message}`));
  // A lock so that two processes starting together do not race on CREATE TABLE IF NOT EXISTS.
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(7411)');
    await client.query(SCHEMA);
  });
  const instance = randomUUID();

  const load = (name: string) =>
    inTransaction(pool, async (client): Promise<StoredDocument | null> => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const state = await client.query<{ state: Buffer }>(
        'SELECT state FROM project_desk_documents WHERE name = $1',
        [name],
      );
      const rows = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM project_desk_updates WHERE name = $1 ORDER BY seq',
        [name],
      );
      const stored = state.rows[0]?.state;
      if (!stored && rows.rows.length === 0) return null;
      const updates = rows.rows.map((row) => new Uint8Array(row.data));
      return {
        chunks: stored ? [new Uint8Array(stored), ...updates] : updates,
        lastSequence: Number(rows.rows.at(-1)?.seq ?? 0),
      };
    });

  return {
    load,
    append: async (name, space, update) => {
      const result = await pool.query<{ seq: string }>(
        'INSERT INTO project_desk_updates (name, space, instance, data) VALUES ($1, $2, $3, $4) RETURNING seq',
        [name, space, instance, Buffer.from(update)],
      );
      return Number(result.rows[0]!.seq);
    },
    compact: (name, space, state, upTo) =>
      inTransaction(pool, async (client) => {
        const current = await client.query<{ state: Buffer }>(
          'SELECT state FROM project_desk_documents WHERE name = $1 FOR UPDATE',
          [name],
        );
        const stored = current.rows[0]?.state;
        const merged = stored ? Y.mergeUpdates([new Uint8Array(stored), state]) : state;
        await client.query(
          `INSERT INTO project_desk_documents (name, space, state) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = now()`,
          [name, space, Buffer.from(merged)],
        );
        await client.query(
          'DELETE FROM project_desk_updates WHERE name = $1 AND seq <= $2 AND instance = $3',
          [name, upTo, instance],
        );
      }),
    listNames: async (space) => {
      const result = await pool.query<{ name: string }>(
        `SELECT name FROM project_desk_documents WHERE space = $1
         UNION SELECT name FROM project_desk_updates WHERE space = $1`,
        [space],
      );
      return result.rows.map((row) => row.name);
    },
    has: async (name) => {
      const result = await pool.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM project_desk_documents WHERE name = $1)
             OR EXISTS (SELECT 1 FROM project_desk_updates WHERE name = $1) AS found`,
        [name],
      );
      return result.rows[0]?.found === true;
    },
    close: () => pool.end(),
  };
}
