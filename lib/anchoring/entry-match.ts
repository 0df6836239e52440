import type { EntryRef } from './schema';

/**
 * Finding a comment's entry again after the page changed. Entries are found by what identifies them
 * to people, never by list position alone: an entry added above shifts every ordinal, and a comment
 * moved to the next entry down would be on the wrong text.
 */
export interface EntryCandidate {
  title: string;
  /** 1-based position among the page's entries now; null for a draft-only (new) entry. */
  ordinal: number | null;
  /** The drafts document's entry id, when the entry has a draft. */
  draftId?: string | null;
}

/** Titles compared as MediaWiki shows them: underscores as spaces, runs of white space as one. */
export const titleKey = (title: string): string => title.replace(/[\s_]+/g, ' ').trim();

export type EntryMatcher = (ref: EntryRef) => number;

/**
 * A matcher over the page's entries: the index in `entries` of a comment's entry, or -1. The same
 * draft first (a draft keeps its id while its title is edited), then the same title (among several
 * entries of that title, the one nearest the old ordinal). An entry whose title changed on the wiki is
 * not guessed at: its comments are listed as detached (reason 'no-entry') and can be moved by hand.
 * Build it once per page: it indexes titles, so that placing hundreds of threads stays linear.
 */
export function createEntryMatcher(entries: readonly EntryCandidate[]): EntryMatcher {
  const byDraft = new Map<string, number>();
  const byTitle = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    if (entry.draftId && !byDraft.has(entry.draftId)) byDraft.set(entry.draftId, index);
    const key = titleKey(entry.title);
    if (key === '') return;
    const list = byTitle.get(key);
    if (list) list.push(index);
    else byTitle.set(key, [index]);
  });
  return (ref) => {
    const draft = ref.draftId === null ? undefined : byDraft.get(ref.draftId);
    if (draft !== undefined) return draft;
    const same = byTitle.get(titleKey(ref.title));
    if (!same) return -1;
    let best = same[0]!;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const index of same) {
      const ordinal = entries[index]!.ordinal;
      const distance = ref.ordinal !== null && ordinal !== null ? Math.abs(ordinal - ref.ordinal) : 0;
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    }
    return best;
  };
}

/** One look-up with createEntryMatcher (for many, build the matcher once). */
export const matchEntry = (ref: EntryRef, entries: readonly EntryCandidate[]): number =>
  createEntryMatcher(entries)(ref);
