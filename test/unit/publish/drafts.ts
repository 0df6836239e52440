// Drafts for the publish tests, made the way the extension makes them: seeded into a page document
// from the wiki text (lib/collab), edited, and read back.
import fs from 'node:fs';
import * as Y from 'yjs';
import { addNewEntry, readDraftEntry, seedEntry } from '../../../lib/collab';
import type { DraftEntry } from '../../../lib/collab/draft-entry';
import { XEN_PROFILE } from '../../../lib/model';
import type { PublishDraft, WikiPage } from '../../../lib/publish';
import { findTransclusions } from '../../../lib/wikitext';

/** The seed page as the wiki stores it (MediaWiki strips trailing blanks when saving). */
export const SEED = fs
  .readFileSync(new URL('../../fixtures/pages/seed-2014.wikitext', import.meta.url), 'utf8')
  .replace(/\s+$/, '');

export const TITLE = 'Archived/2014 GSoC and OPW Round 8 Projects';
export const BASE_REVISION = 100;

export const page = (wikitext: string, revisionId = BASE_REVISION): WikiPage => ({
  title: TITLE,
  revisionId,
  wikitext,
});

function read(doc: Y.Doc, entryId: string): DraftEntry {
  const read = readDraftEntry(doc, entryId);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

/** A draft of entry `ordinal` of `text` (the base revision's), with some values changed. */
export function draftOf(
  text: string,
  ordinal: number,
  changes: Record<string, string> = {},
  options: { baseRevision?: number; intent?: 'edit' | 'delete' } = {},
): PublishDraft {
  const doc = new Y.Doc();
  const transclusion = findTransclusions(text, XEN_PROFILE.template).transclusions[ordinal - 1];
  if (!transclusion) throw new Error(`no entry ${ordinal}`);
  const baseRevision = options.baseRevision ?? BASE_REVISION;
  const entryId = seedEntry(doc, {
    page: { wiki: 'http://127.0.0.1:8182', page: TITLE, baseRevision },
    pageText: text,
    transclusion,
    ordinal,
    profile: XEN_PROFILE,
  });
  const draft = read(doc, entryId);
  return { ...draft, values: { ...draft.values, ...changes }, intent: options.intent ?? 'edit' };
}

/** A new entry drafted in a section ("New project in <section>"). */
export function newDraft(
  section: string[],
  values: Record<string, string>,
  baseRevision = BASE_REVISION,
): PublishDraft {
  const doc = new Y.Doc();
  const entryId = addNewEntry(doc, {
    page: { wiki: 'http://127.0.0.1:8182', page: TITLE, baseRevision },
    section,
    profile: XEN_PROFILE,
    values,
  });
  return { ...read(doc, entryId), intent: 'edit' };
}

/** The source text of entry `ordinal` of a page. */
export function entryText(text: string, ordinal: number): string {
  const t = findTransclusions(text, XEN_PROFILE.template).transclusions[ordinal - 1]!;
  return text.slice(t.start, t.end);
}

/** `text` with the first occurrence of `from` (which must be there) replaced: the expected pages. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in the text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
