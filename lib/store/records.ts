import { z } from 'zod';
import { DraftStatusSchema } from '../collab/draft-entry';
import { EntryIdentitySchema } from '../model/entry';

/**
 * The records of the extension's database, one schema per record kind and schema version. Everything
 * read back is parsed with these; the v1 shapes stay here because the v1→v2 upgrade reads them.
 */

const Timestamp = z.number().int().nonnegative();

/** v1 (the first shape): drafts of existing entries only. */
export const DraftRecordV1Schema = z.object({
  /** `${docName}#${entryId}`: unique across pages and wikis. */
  id: z.string().min(1),
  wiki: z.url(),
  page: z.string().min(1),
  /** The Yjs document holding the draft, and the entry's id in it. */
  docName: z.string().min(1),
  entryId: z.string().min(1),
  identity: EntryIdentitySchema,
  baseRevision: z.number().int().positive(),
  status: DraftStatusSchema,
  updatedAt: Timestamp,
});
export type DraftRecordV1 = z.infer<typeof DraftRecordV1Schema>;

/**
 * v2: drafts of new entries too ("New project in <section>"), which have no identity in a base
 * revision but a section to be added to; and the current title, so the dashboard can search and show
 * drafts without opening every page's document.
 */
export const DraftRecordSchema = DraftRecordV1Schema.extend({
  identity: EntryIdentitySchema.nullable(),
  isNew: z.boolean(),
  section: z.array(z.string()),
  title: z.string(),
});
export type DraftRecord = z.infer<typeof DraftRecordSchema>;

export const SettingRecordSchema = z.object({
  key: z.string().min(1),
  value: z.json(),
  updatedAt: Timestamp,
});
export type SettingRecord = z.infer<typeof SettingRecordSchema>;

/** v1: a publish waiting for the network (or the user's wiki session). */
export const OutboxRecordV1Schema = z.object({
  seq: z.number().int().positive(),
  draftId: z.string().min(1),
  summary: z.string(),
  createdAt: Timestamp,
});

/** v2: how often it was tried and why the last try failed, so the dashboard can say so. */
export const OutboxRecordSchema = OutboxRecordV1Schema.extend({
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;
export type NewOutboxRecord = Omit<OutboxRecord, 'seq'>;

export const StoredTableSchema = z.enum(['drafts', 'settings', 'outbox', 'quarantine', 'publishes']);
export type StoredTable = z.infer<typeof StoredTableSchema>;

/** A stored record that did not parse: set aside with the reason, never dropped, never in the way. */
export const QuarantineRecordSchema = z.object({
  id: z.number().int().positive(),
  table: StoredTableSchema,
  /** The record's primary key, as JSON. */
  key: z.string(),
  raw: z.unknown(),
  reason: z.string(),
  quarantinedAt: Timestamp,
});
export type QuarantineRecord = z.infer<typeof QuarantineRecordSchema>;
