import { z } from 'zod';
import { type DraftStatus, DraftStatusSchema } from '../collab/draft-entry';
import type { DraftRecord } from '../store/records';

/**
 * Which drafts the dashboard shows, and in what order. `open` (the default) hides discarded drafts:
 * a discarded draft is thrown away as far as the user is concerned, but it stays in the index, listed
 * under `discarded`, from where it can be restored.
 */
export const StatusFilterSchema = z.union([z.enum(['open', 'all']), DraftStatusSchema]);
export type StatusFilter = z.infer<typeof StatusFilterSchema>;

export const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Not discarded' },
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Draft' },
  { value: 'conflict', label: 'Conflict' },
  { value: 'published', label: 'Published' },
  { value: 'discarded', label: 'Discarded' },
];

export const STATUS_LABELS: Record<DraftStatus, string> = {
  draft: 'Draft',
  conflict: 'Conflict',
  published: 'Published',
  discarded: 'Discarded',
};

export function matchesStatus(record: Pick<DraftRecord, 'status'>, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return record.status !== 'discarded';
  return record.status === filter;
}

/** Lower case without accents, so that "resume" finds "Résumé" and "İ" does not become two letters. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** What a search looks in: the title, the wiki's host, the page, the section headings, the status. */
export function searchableText(record: DraftRecord): string {
  let host = record.wiki;
  try {
    host = new URL(record.wiki).host;
  } catch {
    // A record's wiki is a parsed URL; keep the text as it is if it ever is not.
  }
  return foldForSearch(
    [record.title, host, record.page, ...record.section, STATUS_LABELS[record.status]].join('\n'),
  );
}

/** Every word of the query must occur somewhere (in any order); an empty query matches everything. */
export function matchesQuery(record: DraftRecord, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchableText(record);
  return words.every((word) => text.includes(word));
}

/** Most recently updated first; equal times by title, then id, so the order never flickers. */
export function byUpdatedTime(a: DraftRecord, b: DraftRecord): number {
  return (
    b.updatedAt - a.updatedAt || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface DraftSelection {
  query: string;
  status: StatusFilter;
}

export function selectDrafts(records: readonly DraftRecord[], selection: DraftSelection): DraftRecord[] {
  return records
    .filter((record) => matchesStatus(record, selection.status) && matchesQuery(record, selection.query))
    .sort(byUpdatedTime);
}
