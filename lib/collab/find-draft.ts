import type * as Y from 'yjs';
import type { EntryIdentity } from '../model/entry';
import type { DraftEntry } from './draft-entry';
import { readDraftEntries } from './read-entry';

/**
 * The open draft of an entry the page shows now, if the document holds one. A draft keeps the identity
 * of the revision it was based on, so after the wiki page changed the same entry is found by its
 * unchanged text first, then by its title. Published and discarded drafts are not offered again (a
 * discarded one can still be restored from the dashboard).
 */
export function findOpenDraft(doc: Y.Doc, current: EntryIdentity): DraftEntry | undefined {
  const open = readDraftEntries(doc).entries.filter(
    (entry) =>
      entry.meta.identity !== null && (entry.meta.status === 'draft' || entry.meta.status === 'conflict'),
  );
  const newestFirst = open.sort((a, b) => b.meta.baseRevision - a.meta.baseRevision);
  return (
    newestFirst.find((entry) => entry.meta.identity?.baseWikitext === current.baseWikitext) ??
    newestFirst.find((entry) => current.title !== '' && entry.meta.identity?.title === current.title)
  );
}

/** Whether the wiki page has changed since the revision a draft was based on. */
export function isBehindPage(entry: DraftEntry, currentRevision: number): boolean {
  return entry.meta.baseRevision < currentRevision;
}
