import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../../lib/collab/base64';
import { pageDocName } from '../../../lib/collab/doc-names';
import type { DraftStatus, PageMeta } from '../../../lib/collab/draft-entry';
import { entriesMap, entryMetaMap, pageMetaMap } from '../../../lib/collab/page-doc';
import { readDraftEntries } from '../../../lib/collab/read-entry';
import { addNewEntry, seedEntry } from '../../../lib/collab/seed';
import { setEntryStatus, setField } from '../../../lib/collab/set-field';
import { draftRecordOf } from '../../../lib/drafts/draft-record';
import { DRAFTS_FILE_FORMAT, type DraftsFile } from '../../../lib/drafts/transfer';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import type { DraftRecord } from '../../../lib/store/records';
import { findTransclusions } from '../../../lib/wikitext';

/**
 * Drafts files as a user's export would hold them, built the way the panel builds drafts: entries
 * seeded from the seed page's wikitext, then typed into. The unit tests and the dashboard's e2e test
 * import these through the real import path.
 */
const SEED_TEXT = readFileSync(
  path.resolve(import.meta.dirname, '../../fixtures/pages/seed-2014.wikitext'),
  'utf8',
);

export interface PageDrafts {
  page: PageMeta;
  /** Entries of the seed page (by ordinal, from 1) to draft, with the fields typed into each. */
  entries: { ordinal: number; edits?: Record<string, string>; status?: DraftStatus }[];
  /** New entries ("New project in <section>"), with their values. */
  newEntries?: { section: string[]; values: Record<string, string> }[];
}

function entryInput(page: PageMeta, ordinal: number) {
  const transclusions = findTransclusions(SEED_TEXT, XEN_PROFILE.template).transclusions.filter(
    (item) => !item.nested,
  );
  const transclusion = transclusions[ordinal - 1];
  if (!transclusion) throw new Error(`the seed page has no entry ${ordinal}`);
  return { page, pageText: SEED_TEXT, transclusion, ordinal, profile: XEN_PROFILE };
}

function pageDoc(spec: PageDrafts): Y.Doc {
  const doc = new Y.Doc();
  for (const { ordinal, edits, status } of spec.entries) {
    const id = seedEntry(doc, entryInput(spec.page, ordinal));
    for (const [param, value] of Object.entries(edits ?? {})) setField(doc, id, param, value, XEN_PROFILE);
    if (status) setEntryStatus(doc, id, status);
  }
  for (const entry of spec.newEntries ?? []) {
    addNewEntry(doc, { page: spec.page, section: entry.section, profile: XEN_PROFILE, values: entry.values });
  }
  return doc;
}

/** A drafts file of these pages; each record's time is `updatedAt` plus its position in the file. */
export function draftsFile(pages: PageDrafts[], updatedAt = 1_700_000_000_000): DraftsFile {
  const drafts: DraftRecord[] = [];
  const docs: DraftsFile['docs'] = [];
  for (const spec of pages) {
    const name = pageDocName(spec.page);
    const doc = pageDoc(spec);
    for (const entry of readDraftEntries(doc).entries) {
      drafts.push(draftRecordOf(name, spec.page, entry, XEN_PROFILE, updatedAt + drafts.length * 60_000));
    }
    docs.push({
      name,
      wiki: new URL(spec.page.wiki).origin,
      page: spec.page.page,
      state: bytesToBase64(Y.encodeStateAsUpdate(doc)),
    });
    doc.destroy();
  }
  return { format: DRAFTS_FILE_FORMAT, version: 1, exportedAt: '2025-02-01T10:00:00.000Z', drafts, docs };
}

/** Map keys sorted, so that two documents with the same content compare equal whatever their history. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** What a drafts file holds, as comparable data: its records and each document's content. */
export function contentOf(file: DraftsFile) {
  return {
    drafts: [...file.drafts].sort((a, b) => a.id.localeCompare(b.id)),
    docs: file.docs.map((item) => {
      const doc = new Y.Doc();
      Y.applyUpdate(
        doc,
        Uint8Array.from(atob(item.state), (char) => char.charCodeAt(0)),
      );
      const content = sortedKeys({
        entries: entriesMap(doc).toJSON(),
        entryMeta: entryMetaMap(doc).toJSON(),
        meta: pageMetaMap(doc).toJSON(),
      });
      doc.destroy();
      return { name: item.name, wiki: item.wiki, page: item.page, content };
    }),
  };
}
