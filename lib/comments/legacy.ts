import type * as Y from 'yjs';
import { type EntryRef, MAX_QUOTE_LENGTH } from '../anchoring/schema';
import { createAnchor } from '../anchoring/text-anchor';
import { trimLikeMediaWiki } from '../model/entry';
import { readLegacyRemarks } from '../wikitext/remarks';
import type { Transclusion } from '../wikitext/types';
import { readThreadRecord } from './comments-doc';
import { writeThreadRecord } from './operations';
import { remarkPlainText } from './remark-edits';
import { capCommentText } from './safe-text';
import type { CommentThread, LegacyLink, Person, ThreadRecord } from './schema';

/**
 * `{{Comment|signature}} text` remarks in an entry's wikitext, as threads: the remark is the first
 * message (author and time from its signature), anchored on the remark in its field's text. They
 * are read from the wikitext every time, not copied into the comments document; only when someone
 * replies to one or resolves it does it get a record there (adoptLegacyThread), under an id made from
 * the remark itself, so that every collaborator's copy of the page names it alike.
 */

/** The longest remark read as a thread (LegacyLinkSchema's bound on its source). */
const MAX_REMARK_SOURCE = 20_000;

/** FNV-1a, twice (two offsets), as 16 hex digits: a stable name for a remark's text. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The id of a remark's thread: from its parameter, source and which copy of that source it is. */
export const legacyThreadId = (param: string, source: string, occurrence: number): string =>
  `legacy-${hash(`${param}\u0000${source}`)}${occurrence > 0 ? `-${occurrence}` : ''}`;

/** Wiki users are not Project Desk collaborators: their id says which wiki name it is. */
const wikiPerson = (author: string): Person => ({
  id: `wiki-user:${author || 'unknown'}`,
  name: author.trim() || 'Unknown wiki user',
});

export interface EntryWikitext {
  /** The page's wikitext, and the entry's transclusion in it. */
  wikitext: string;
  transclusion: Transclusion;
  /** The entry as threads name it. */
  entry: EntryRef;
}

/** The entry's remarks as threads (not yet merged with what the comments document holds about them). */
export function legacyThreadsOfEntry({ wikitext, transclusion, entry }: EntryWikitext): CommentThread[] {
  const threads: CommentThread[] = [];
  const seen = new Map<string, number>();
  for (const param of transclusion.params) {
    if (param.positional) continue;
    const value = trimLikeMediaWiki(param.value);
    const valueStart = param.valueStart + param.value.indexOf(value);
    for (const remark of readLegacyRemarks(wikitext, param.valueStart, param.valueEnd)) {
      const source = wikitext.slice(remark.start, remark.end);
      if (source.length > MAX_REMARK_SOURCE) continue; // not a reviewer's remark: a page pasted after one
      const key = `${param.name}\u0000${source}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const author = wikiPerson(remark.author);
      const link: LegacyLink = {
        param: param.name,
        start: remark.start,
        end: remark.end,
        source,
        author: remark.author,
        timestamp: remark.timestamp,
      };
      threads.push({
        id: legacyThreadId(param.name, source, occurrence),
        anchor: createAnchor(
          { entry, scope: { kind: 'field', param: param.name } },
          value,
          remark.start - valueStart,
          Math.min(remark.end, remark.start + MAX_QUOTE_LENGTH) - valueStart,
        ),
        createdBy: author,
        createdAt: remark.isoTime,
        resolution: null,
        resolved: false,
        messages: [
          {
            id: 'remark',
            author,
            createdAt: remark.isoTime,
            ...capCommentText(remarkPlainText(remark.text)),
            mentions: [],
            edited: false,
            deleted: false,
            fromWiki: true,
          },
        ],
        mentions: [],
        lastActivity: remark.isoTime,
        legacy: { ...link, inWikitext: true },
        keepRemark: false,
        publishAsRemark: null,
      });
    }
  }
  return threads;
}

/**
 * The document's threads with the remarks read from the wikitext: a remark someone answered or
 * resolved takes its replies and state from its record; a record whose remark is no longer in the
 * wikitext (removed at a publish, or edited on the wiki) stays listed, with inWikitext false.
 */
export function mergeLegacyThreads(
  stored: readonly CommentThread[],
  remarks: readonly CommentThread[],
): CommentThread[] {
  const byId = new Map(stored.map((thread) => [thread.id, thread]));
  const merged = remarks.map((remark) => {
    const record = byId.get(remark.id);
    if (!record) return remark;
    byId.delete(remark.id);
    const messages = [...remark.messages, ...record.messages];
    return {
      ...remark,
      resolution: record.resolution,
      resolved: record.resolved,
      messages,
      mentions: record.mentions,
      keepRemark: record.keepRemark,
      lastActivity: record.lastActivity ?? remark.lastActivity,
    };
  });
  return [...merged, ...byId.values()];
}

/** Gives a remark's thread its record in the document (once; later calls change nothing). */
export function adoptLegacyThread(doc: Y.Doc, thread: CommentThread): string {
  if (!thread.legacy || readThreadRecord(doc, thread.id)) return thread.id;
  const { inWikitext: _, ...link } = thread.legacy;
  const record: ThreadRecord = {
    id: thread.id,
    anchor: thread.anchor,
    createdBy: thread.createdBy,
    // A remark without a time in its signature: the record needs one; the epoch sorts it first.
    createdAt: thread.createdAt ?? new Date(0).toISOString(),
    legacy: link,
  };
  doc.transact(() => writeThreadRecord(doc, record));
  return thread.id;
}
