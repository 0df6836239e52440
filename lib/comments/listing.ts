import type * as Y from 'yjs';
import { createEntryMatcher, type EntryCandidate } from '../anchoring/entry-match';
import { resolveAnchor } from '../anchoring/live-anchor';
import { type PreparedText, prepareText } from '../anchoring/prepared-text';
import { type AnchorScope, detached, type Resolution } from '../anchoring/schema';
import type { PageRef } from '../collab/doc-names';
import type { CommentThread, Person } from './schema';

/**
 * Threads as lists: each entry's threads with where they land in its text now (for highlights, the
 * panel and the count badge), the threads whose entry is gone (never dropped: detached, 'no-entry'),
 * and the dashboard's inbox across pages.
 */

export interface PlacedThread {
  thread: CommentThread;
  anchoring: Resolution;
}

/** The current text of one entry's scope: a field's value (with its Y.Text in a draft) or its rendered text. */
export interface ScopeText {
  text: string;
  ytext?: Y.Text;
}

export interface PlacedThreads {
  /** By index into the entries given; attached threads by position, detached ones after them. */
  byEntry: Map<number, PlacedThread[]>;
  /** Threads whose entry is not on the page any more. */
  orphans: PlacedThread[];
}

const scopeKey = (scope: AnchorScope): string =>
  scope.kind === 'field' ? `field:${scope.param}` : 'rendered';

const order = (a: PlacedThread, b: PlacedThread): number => {
  const aStart = a.anchoring.start ?? Number.POSITIVE_INFINITY;
  const bStart = b.anchoring.start ?? Number.POSITIVE_INFINITY;
  return (
    scopeKey(a.thread.anchor.target.scope).localeCompare(scopeKey(b.thread.anchor.target.scope)) ||
    aStart - bStart ||
    Date.parse(a.thread.createdAt ?? '') - Date.parse(b.thread.createdAt ?? '')
  );
};

/**
 * Puts every thread on its entry and resolves its anchor against the text of its scope now.
 * `textOf(index, scope)` gives that text, or null when the entry has no such field (then the thread
 * is detached, 'no-text'). Each scope's text is prepared once, however many threads point into it.
 */
export function placeThreads(
  threads: readonly CommentThread[],
  entries: readonly EntryCandidate[],
  textOf: (entryIndex: number, scope: AnchorScope) => ScopeText | null,
): PlacedThreads {
  const byEntry = new Map<number, PlacedThread[]>();
  const orphans: PlacedThread[] = [];
  const prepared = new Map<string, { text: PreparedText; ytext?: Y.Text } | null>();
  const matchEntry = createEntryMatcher(entries);
  for (const thread of threads) {
    const { entry, scope } = thread.anchor.target;
    const index = matchEntry(entry);
    if (index < 0) {
      orphans.push({ thread, anchoring: detached('no-entry') });
      continue;
    }
    const key = `${index}|${scopeKey(scope)}`;
    if (!prepared.has(key)) {
      const scopeText = textOf(index, scope);
      prepared.set(key, scopeText && { text: prepareText(scopeText.text), ytext: scopeText.ytext });
    }
    const current = prepared.get(key);
    const anchoring = current
      ? resolveAnchor(thread.anchor, current.text, current.ytext)
      : detached('no-text');
    const list = byEntry.get(index) ?? [];
    list.push({ thread, anchoring });
    byEntry.set(index, list);
  }
  for (const list of byEntry.values()) list.sort(order);
  return { byEntry, orphans };
}

/** What an entry's badge counts: its open threads, attached or not. */
export const openCount = (placed: readonly PlacedThread[]): number =>
  placed.filter((item) => !item.thread.resolved).length;

export type InboxView = 'open' | 'mine' | 'mentions';

export interface InboxItem {
  page: PageRef;
  thread: CommentThread;
}

/**
 * The dashboard's comments inbox over several pages' threads, newest activity first:
 * - open: every open thread;
 * - mine: open threads I started or wrote in;
 * - mentions: open threads with a message that mentions me.
 * `includeResolved` shows resolved ones too.
 */
export function queryInbox(
  sources: ReadonlyArray<{ page: PageRef; threads: readonly CommentThread[] }>,
  {
    me,
    view,
    includeResolved = false,
  }: { me: Pick<Person, 'id'>; view: InboxView; includeResolved?: boolean },
): InboxItem[] {
  const wanted = (thread: CommentThread): boolean => {
    if (thread.resolved && !includeResolved) return false;
    if (view === 'mine')
      return (
        thread.createdBy.id === me.id || thread.messages.some((m) => m.author.id === me.id && !m.fromWiki)
      );
    if (view === 'mentions') return thread.mentions.includes(me.id);
    return true;
  };
  const items = sources.flatMap(({ page, threads }) =>
    threads.filter(wanted).map((thread) => ({ page, thread })),
  );
  const time = (item: InboxItem) => Date.parse(item.thread.lastActivity ?? '') || 0;
  return items.sort((a, b) => time(b) - time(a) || (a.thread.id < b.thread.id ? -1 : 1));
}
