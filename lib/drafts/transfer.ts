import * as Y from 'yjs';
import { z } from 'zod';
import { Base64Schema, base64ToBytes, bytesToBase64 } from '../collab/base64';
import { parseDocName } from '../collab/doc-names';
import { entriesMap } from '../collab/page-doc';
import { readDraftEntries, readPageMeta } from '../collab/read-entry';
import type { DraftIndex } from '../store/draft-index';
import { DraftRecordSchema } from '../store/records';
import { draftRecordId } from './draft-record';
import type { DraftHub } from './hub';

/**
 * Exporting every draft to one JSON file and importing it back (dashboard). The file holds the drafts
 * index records and the whole Yjs state of each page document. An import is checked completely before
 * anything is written, so an invalid file changes nothing and says which record is wrong and how; a
 * valid one is merged (Yjs states merge; a record replaces ours only when it is newer), so importing
 * the same file twice is importing it once.
 */
export const DRAFTS_FILE_FORMAT = 'project-desk-drafts';

export const ExportedDocSchema = z.object({
  name: z.string().min(1),
  wiki: z.url(),
  page: z.string().min(1),
  /** Y.encodeStateAsUpdate of the document, base64. */
  state: Base64Schema,
});

export const DraftsFileSchema = z.object({
  format: z.literal(DRAFTS_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  drafts: z.array(DraftRecordSchema),
  docs: z.array(ExportedDocSchema),
});
export type DraftsFile = z.infer<typeof DraftsFileSchema>;

export interface DraftStores {
  hub: DraftHub;
  index: DraftIndex;
}

export async function exportDrafts(stores: DraftStores, now: Date = new Date()): Promise<DraftsFile> {
  const { records } = await stores.index.list();
  const names = [...new Set([...records.map((record) => record.docName), ...stores.hub.openDocNames()])]
    .filter((name) => parseDocName(name)?.kind === 'drafts')
    .sort();
  const docs = [];
  for (const name of names) {
    const ref = parseDocName(name);
    if (!ref) continue;
    const state = await stores.hub.encodeState(name);
    docs.push({ name, wiki: ref.wiki, page: ref.page, state: bytesToBase64(state) });
  }
  return { format: DRAFTS_FILE_FORMAT, version: 1, exportedAt: now.toISOString(), drafts: records, docs };
}

export type CheckedFile =
  | { ok: true; file: DraftsFile; states: Map<string, Uint8Array> }
  | { ok: false; reason: string };

const refused = (reason: string): CheckedFile => ({ ok: false, reason });

/** Checks everything in a file (already parsed from JSON) without writing anything. */
export function checkDraftsFile(raw: unknown): CheckedFile {
  const parsed = DraftsFileSchema.safeParse(raw);
  if (!parsed.success) return refused(`This is not a valid drafts file: ${z.prettifyError(parsed.error)}`);
  const file = parsed.data;
  const states = new Map<string, Uint8Array>();
  const entriesByDoc = new Map<string, Set<string>>();
  for (const [index, doc] of file.docs.entries()) {
    const where = `docs[${index}] (${doc.name})`;
    const ref = parseDocName(doc.name);
    if (ref?.kind !== 'drafts') return refused(`${where}: not the name of a page's drafts document.`);
    if (ref.wiki !== new URL(doc.wiki).origin || ref.page !== doc.page) {
      return refused(`${where}: its name does not match its wiki and page.`);
    }
    if (states.has(doc.name)) return refused(`${where}: the document is in the file twice.`);
    const state = base64ToBytes(doc.state);
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, state);
    } catch (error) {
      return refused(`${where}: the state is not a Yjs document (${String(error)}).`);
    }
    const { problems } = readDraftEntries(scratch);
    if (problems[0]) return refused(`${where}: ${problems[0].reason}`);
    const meta = readPageMeta(scratch);
    if (entriesMap(scratch).size > 0 && !meta.ok) return refused(`${where}: ${meta.reason}`);
    states.set(doc.name, state);
    entriesByDoc.set(doc.name, new Set(entriesMap(scratch).keys()));
    scratch.destroy();
  }
  const ids = new Set<string>();
  for (const [index, record] of file.drafts.entries()) {
    const where = `drafts[${index}] (${record.id})`;
    if (ids.has(record.id)) return refused(`${where}: the draft is in the file twice.`);
    ids.add(record.id);
    if (record.id !== draftRecordId(record.docName, record.entryId)) {
      return refused(`${where}: its id does not match its document and entry.`);
    }
    const entries = entriesByDoc.get(record.docName);
    if (!entries) return refused(`${where}: its document ${record.docName} is not in the file.`);
    if (!entries.has(record.entryId))
      return refused(`${where}: its document has no entry ${record.entryId}.`);
  }
  return { ok: true, file, states };
}

/** Checks a file's text (JSON) without writing anything. */
export function checkDraftsFileText(text: string): CheckedFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refused(`This file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checkDraftsFile(raw);
}

export type ImportResult = { ok: true; drafts: number; docs: number } | { ok: false; reason: string };

/** Imports a checked file: the records first (a newer one wins), then each document's state, merged. */
export async function importDrafts(stores: DraftStores, raw: unknown): Promise<ImportResult> {
  const checked = typeof raw === 'string' ? checkDraftsFileText(raw) : checkDraftsFile(raw);
  if (!checked.ok) return checked;
  for (const record of checked.file.drafts) {
    const existing = await stores.index.get(record.id);
    if (!existing || record.updatedAt > existing.updatedAt) await stores.index.put(record);
  }
  for (const [name, state] of checked.states) await stores.hub.merge(name, state);
  return { ok: true, drafts: checked.file.drafts.length, docs: checked.states.size };
}
