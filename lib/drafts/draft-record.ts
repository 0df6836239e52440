import type { DraftEntry, PageMeta } from '../collab/draft-entry';
import { entryTitle } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import type { DraftRecord } from '../store/records';

/** The drafts index record of a draft entry: everything the dashboard lists, derived from the document. */
export const draftRecordId = (docName: string, entryId: string): string => `${docName}#${entryId}`;

export function draftRecordOf(
  docName: string,
  page: Pick<PageMeta, 'wiki' | 'page'>,
  entry: DraftEntry,
  profile: SiteProfile,
  updatedAt: number,
): DraftRecord {
  return {
    id: draftRecordId(docName, entry.id),
    wiki: page.wiki,
    page: page.page,
    docName,
    entryId: entry.id,
    identity: entry.meta.identity,
    baseRevision: entry.meta.baseRevision,
    status: entry.meta.status,
    isNew: entry.meta.isNew,
    section: entry.meta.section,
    title: entryTitle(profile, entry.values),
    updatedAt,
  };
}

/** JSON with object keys sorted, so that key order (schema order vs. literal order) does not matter. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Whether two records differ in anything but their time. */
export function sameDraftRecord(a: DraftRecord, b: DraftRecord): boolean {
  return canonical({ ...a, updatedAt: 0 }) === canonical({ ...b, updatedAt: 0 });
}
