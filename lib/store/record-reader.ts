import type { IndexableType, Table } from 'dexie';
import { z } from 'zod';
import type { ProjectDeskDb } from './database';
import type { StoredTable } from './records';

/**
 * Parsing what comes back from storage. A record that does not parse (written by a buggy build, or
 * damaged) is moved to the quarantine table with the reason and reported; the rest of the list is
 * returned as usual. Nothing is dropped silently and one bad record never breaks a list.
 */
export interface QuarantineNotice {
  table: StoredTable;
  /** The record's primary key, as JSON. */
  key: string;
  reason: string;
}

export interface Parsed<T> {
  records: T[];
  quarantined: QuarantineNotice[];
}

export interface StoredRow {
  key: IndexableType;
  raw: unknown;
}

export type QuarantineListener = (notice: QuarantineNotice) => void;

export async function rowsOf(collection: ReturnType<Table['toCollection']>): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  await collection.each((raw, cursor) => {
    rows.push({ key: cursor.primaryKey, raw });
  });
  return rows;
}

export class RecordReader {
  constructor(
    private readonly db: ProjectDeskDb,
    private readonly onQuarantine: QuarantineListener = () => {},
  ) {}

  async parse<T>(table: StoredTable, schema: z.ZodType<T>, rows: readonly StoredRow[]): Promise<Parsed<T>> {
    const records: T[] = [];
    const quarantined: QuarantineNotice[] = [];
    for (const row of rows) {
      const parsed = schema.safeParse(row.raw);
      if (parsed.success) {
        records.push(parsed.data);
        continue;
      }
      const notice = await this.quarantine(table, schema, row.key, z.prettifyError(parsed.error));
      if (notice) quarantined.push(notice);
    }
    return { records, quarantined };
  }

  /** Moves a record aside, unless it was rewritten meanwhile with a valid one. */
  private async quarantine<T>(
    table: StoredTable,
    schema: z.ZodType<T>,
    key: IndexableType,
    reason: string,
  ): Promise<QuarantineNotice | null> {
    const source = this.db.table(table);
    const notice: QuarantineNotice = { table, key: JSON.stringify(key) ?? String(key), reason };
    const moved = await this.db.transaction('rw', source, this.db.quarantine, async () => {
      const raw: unknown = await source.get(key);
      if (raw === undefined || schema.safeParse(raw).success) return false;
      await this.db.quarantine.add({ ...notice, raw, quarantinedAt: Date.now() } as never);
      await source.delete(key);
      return true;
    });
    if (!moved) return null;
    this.onQuarantine(notice);
    return notice;
  }
}
