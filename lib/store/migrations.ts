import type { Transaction } from 'dexie';
import { z } from 'zod';
import {
  type DraftRecord,
  DraftRecordV1Schema,
  type OutboxRecord,
  OutboxRecordV1Schema,
  type StoredTable,
} from './records';

/**
 * Schema upgrades, as pure record conversions plus the Dexie step that applies them. A record that
 * does not parse as the old shape is not converted by guesswork and not dropped: it goes to the
 * quarantine table with the reason, where the dashboard can show it.
 */
export type Converted<T> = { ok: true; record: T } | { ok: false; reason: string };

export function draftV1ToV2(raw: unknown): Converted<DraftRecord> {
  const parsed = DraftRecordV1Schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  // A v1 draft is always of an existing entry; v1 did not record its section, so none is known.
  return {
    ok: true,
    record: { ...parsed.data, isNew: false, section: [], title: parsed.data.identity.title },
  };
}

export function outboxV1ToV2(raw: unknown): Converted<OutboxRecord> {
  const parsed = OutboxRecordV1Schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  return { ok: true, record: { ...parsed.data, attempts: 0, lastError: null } };
}

async function convertTable<T>(
  transaction: Transaction,
  table: StoredTable,
  convert: (raw: unknown) => Converted<T>,
): Promise<void> {
  const rows: { key: unknown; raw: unknown }[] = [];
  await transaction
    .table(table)
    .toCollection()
    .each((raw, cursor) => {
      rows.push({ key: cursor.primaryKey, raw });
    });
  const converted: T[] = [];
  const rejected: { key: unknown; raw: unknown; reason: string }[] = [];
  for (const row of rows) {
    const result = convert(row.raw);
    if (result.ok) converted.push(result.record);
    else rejected.push({ ...row, reason: `upgrade to v2: ${result.reason}` });
  }
  await transaction.table(table).bulkPut(converted);
  if (rejected.length === 0) return;
  await transaction.table(table).bulkDelete(rejected.map((row) => row.key));
  const quarantinedAt = Date.now();
  await transaction.table('quarantine').bulkAdd(
    rejected.map((row) => ({
      table,
      key: JSON.stringify(row.key) ?? String(row.key),
      raw: row.raw,
      reason: row.reason,
      quarantinedAt,
    })),
  );
}

export async function upgradeToV2(transaction: Transaction): Promise<void> {
  await convertTable(transaction, 'drafts', draftV1ToV2);
  await convertTable(transaction, 'outbox', outboxV1ToV2);
}
