import type { ServerConfig } from '../config';
import { openSqliteStore } from './sqlite';
import type { DocumentStore } from './types';

/** SQLite in the data directory unless a PostgreSQL URL is configured. */
export async function openStore(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>,
): Promise<DocumentStore> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./postgres');
    return openPostgresStore(config.databaseUrl);
  }
  return openSqliteStore(config.dataDir);
}
