import * as Y from 'yjs';
import { z } from 'zod';
import type { SiteProfile } from '../model/profile';
import { type ValidationProblem, validateEntry } from '../model/validation';
import { type DraftEntry, DraftEntrySchema, type PageMeta, PageMetaSchema } from './draft-entry';
import { entriesMap, entryMetaMap, pageMetaMap } from './page-doc';

/**
 * Reading a document back as plain values. A document comes from other replicas and, later, from a
 * sync server: its shape is parsed, never trusted, and an entry that does not parse is reported with
 * the reason instead of breaking the list.
 */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface EntryShapeProblem {
  entryId: string;
  reason: string;
}

export function readPageMeta(doc: Y.Doc): ReadResult<PageMeta> {
  const parsed = PageMetaSchema.safeParse(pageMetaMap(doc).toJSON());
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: `page meta: ${z.prettifyError(parsed.error)}` };
}

export function readDraftEntry(doc: Y.Doc, entryId: string): ReadResult<DraftEntry> {
  const fields = entriesMap(doc).get(entryId);
  if (!(fields instanceof Y.Map)) return { ok: false, reason: `entry ${entryId}: no fields map` };
  const values: [string, string][] = [];
  for (const [param, value] of fields.entries()) {
    if (typeof value === 'string') values.push([param, value]);
    else if (value instanceof Y.Text) values.push([param, value.toString()]);
    else return { ok: false, reason: `entry ${entryId}: field "${param}" is neither text nor a string` };
  }
  const meta = entryMetaMap(doc).get(entryId);
  if (!(meta instanceof Y.Map)) return { ok: false, reason: `entry ${entryId}: no meta map` };
  const parsed = DraftEntrySchema.safeParse({
    id: entryId,
    meta: meta.toJSON(),
    values: Object.fromEntries(values),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: `entry ${entryId}: ${z.prettifyError(parsed.error)}` };
}

/** Every entry that reads back, and a reason for each one that does not. */
export function readDraftEntries(doc: Y.Doc): { entries: DraftEntry[]; problems: EntryShapeProblem[] } {
  const entries: DraftEntry[] = [];
  const problems: EntryShapeProblem[] = [];
  const ids = new Set([...entriesMap(doc).keys(), ...entryMetaMap(doc).keys()]);
  for (const entryId of [...ids].sort()) {
    const read = readDraftEntry(doc, entryId);
    if (read.ok) entries.push(read.value);
    else problems.push({ entryId, reason: read.reason });
  }
  return { entries, problems };
}

/** The model's problems with a draft's current values (errors block publishing, warnings advise). */
export function validateDraftEntry(profile: SiteProfile, entry: DraftEntry): ValidationProblem[] {
  return validateEntry(profile, entry.values);
}
