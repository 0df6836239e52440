import type * as Y from 'yjs';
import { wikitextToPlainText } from '../adapter/plain-text';
import { createEntryMatcher, type EntryCandidate } from '../anchoring/entry-match';
import type { AnchorScope, EntryRef } from '../anchoring/schema';
import { trimLikeMediaWiki } from '../model/entry';
import { findTransclusions } from '../wikitext';
import type { TemplateMatcher, Transclusion } from '../wikitext/types';
import { readThreadRecord, readThreads } from './comments-doc';
import { legacyThreadsOfEntry, mergeLegacyThreads } from './legacy';
import { type PlacedThread, placeThreads } from './listing';
import { type RemarkInsertion, type RemarkRemoval, remarkWikitext, removalOf } from './remark-edits';
import type { CommentProblem, CommentThread } from './schema';

/**
 * A page's threads as every view needs them: the comments document's threads together with the
 * wiki's own remarks read from the revision's wikitext, put on the page's entries. The background
 * counts them for the entries' badges; the comments frame shows one entry's.
 */

export interface PageEntrySource extends EntryCandidate {
  ordinal: number;
  transclusion: Transclusion;
}

export interface PageText {
  wikitext: string;
  extensionTags?: readonly string[];
}

/** The page's entries in wikitext order, titled as the page adapter titles them (plain text). */
export function pageEntrySources(
  page: PageText,
  profile: { template: TemplateMatcher; titleParam: string },
): PageEntrySource[] {
  const { transclusions } = findTransclusions(page.wikitext, profile.template, {
    extensionTags: page.extensionTags ? [...page.extensionTags] : undefined,
  });
  return transclusions.map((transclusion, index) => {
    const title = transclusion.params.findLast((param) => param.name === profile.titleParam);
    return {
      ordinal: index + 1,
      title: title ? wikitextToPlainText(title.value) : '',
      draftId: null,
      transclusion,
    };
  });
}

export const entryRefOf = (entry: PageEntrySource): EntryRef => ({
  title: entry.title,
  ordinal: entry.ordinal,
  draftId: null,
});

/** A named parameter's value as the template receives it (the last of that name), or null. */
export function fieldValue(transclusion: Transclusion, param: string): string | null {
  const found = transclusion.params.findLast((item) => !item.positional && item.name === param);
  return found ? trimLikeMediaWiki(found.value) : null;
}

/** Every thread of the page: the document's, and the remarks of every entry merged with their records. */
export function pageThreads(
  doc: Y.Doc,
  wikitext: string,
  entries: readonly PageEntrySource[],
): { threads: CommentThread[]; problems: CommentProblem[] } {
  const stored = readThreads(doc);
  const remarks = entries.flatMap((entry) =>
    legacyThreadsOfEntry({ wikitext, transclusion: entry.transclusion, entry: entryRefOf(entry) }),
  );
  return { threads: mergeLegacyThreads(stored.threads, remarks), problems: stored.problems };
}

/**
 * One entry's threads with where each lands now: field threads in the wiki's value of the field,
 * rendered ones in `renderedText` (what the page shows of the entry; null: not known, detached).
 */
export function placeEntryThreads(
  threads: readonly CommentThread[],
  entries: readonly PageEntrySource[],
  ordinal: number,
  renderedText: string | null,
): PlacedThread[] {
  const index = entries.findIndex((entry) => entry.ordinal === ordinal);
  if (index < 0) return [];
  const placed = placeThreads(threads, entries, (at, scope: AnchorScope) => {
    if (at !== index) return null;
    if (scope.kind === 'rendered') return renderedText === null ? null : { text: renderedText };
    const value = fieldValue(entries[at]!.transclusion, scope.param);
    return value === null ? null : { text: value };
  });
  return placed.byEntry.get(index) ?? [];
}

/** Each entry's threads by its ordinal (threads whose entry is gone are left out). */
export function threadsByOrdinal(
  threads: readonly CommentThread[],
  entries: readonly PageEntrySource[],
): Map<number, CommentThread[]> {
  const placed = placeThreads(threads, entries, () => null);
  const byOrdinal = new Map<number, CommentThread[]>();
  for (const [index, list] of placed.byEntry)
    byOrdinal.set(
      entries[index]!.ordinal,
      list.map((item) => item.thread),
    );
  return byOrdinal;
}

/** Open threads per entry ordinal (the badge's count), attached or not. */
export function openCountsByOrdinal(
  threads: readonly CommentThread[],
  entries: readonly PageEntrySource[],
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [ordinal, list] of threadsByOrdinal(threads, entries)) {
    const open = list.filter((thread) => !thread.resolved).length;
    if (open > 0) counts.set(ordinal, open);
  }
  return counts;
}

/**
 * For the publish flow: the wiki remarks of one entry that were resolved with "remove at the next
 * publish", as edits to plan against the wikitext about to be saved (planRemarkRemoval). A record
 * whose `keepRemark` is true was resolved but kept in the wikitext.
 */
export function remarkRemovalsForEntry(
  doc: Y.Doc,
  entry: EntryRef,
  entries: readonly EntryCandidate[],
): RemarkRemoval[] {
  const wanted = placeThreads(
    readThreads(doc).threads.filter((thread) => thread.legacy !== null),
    entries,
    () => null,
  );
  const index = createEntryMatcher(entries)(entry);
  const removals: RemarkRemoval[] = [];
  for (const { thread } of wanted.byEntry.get(index) ?? []) {
    const record = readThreadRecord(doc, thread.id);
    const removal = record ? removalOf(record) : null;
    if (removal) removals.push(removal);
  }
  return removals;
}

/** The parameter a published comment goes into: where the wiki's reviewers write their remarks. */
export const REMARK_PARAM = 'Desc';

/**
 * For the publish flow: the comments of one entry that were asked to be published as wiki remarks,
 * each as the remark's wikitext (signed by the wiki user who asked, timed by the comment) to append
 * to the entry's Desc (appendRemark). Open threads only, with a first message that was not deleted.
 */
export function remarkInsertionsForEntry(
  doc: Y.Doc,
  entry: EntryRef,
  entries: readonly EntryCandidate[],
): RemarkInsertion[] {
  const placed = placeThreads(
    readThreads(doc).threads.filter((thread) => thread.publishAsRemark !== null && !thread.resolved),
    entries,
    () => null,
  );
  const insertions: RemarkInsertion[] = [];
  for (const { thread } of placed.byEntry.get(createEntryMatcher(entries)(entry)) ?? []) {
    const first = thread.messages[0];
    const ask = thread.publishAsRemark;
    if (!first || first.deleted || !ask || first.createdAt === null) continue;
    try {
      const wikitext = remarkWikitext({ wikiUser: ask.wikiUser, at: first.createdAt, text: first.text });
      insertions.push({
        kind: 'add-remark',
        threadId: thread.id,
        entry: thread.anchor.target.entry,
        param: REMARK_PARAM,
        wikitext,
      });
    } catch {
      // Not a wiki user name a signature can hold: left out (the UI only asks with the page's own user).
    }
  }
  return insertions;
}
