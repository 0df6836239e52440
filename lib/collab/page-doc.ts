import type * as Y from 'yjs';

/**
 * The shape of one wiki page's drafts document:
 *
 *   entries    Y.Map  entry id → Y.Map of fields (param → string for short fields, Y.Text for long ones)
 *   entryMeta  Y.Map  entry id → Y.Map { identity, baseRevision, isNew, section, status }
 *   meta       Y.Map  { wiki, page, baseRevision }  (the revision the document was first seeded from)
 *
 * Fields and meta are kept in separate maps so that no parameter name (a template may well have a
 * "status" parameter) can collide with a meta key. Short fields are plain strings: a concurrent write
 * is decided by Yjs (by client id) and reported by watchLostOverwrites; long wikitext fields are Y.Text
 * so that concurrent typing merges.
 */
export const ENTRIES_KEY = 'entries';
export const ENTRY_META_KEY = 'entryMeta';
export const PAGE_META_KEY = 'meta';

export type FieldValue = string | Y.Text;
export type FieldsMap = Y.Map<FieldValue>;

export function entriesMap(doc: Y.Doc): Y.Map<FieldsMap> {
  return doc.getMap<FieldsMap>(ENTRIES_KEY);
}

export function entryMetaMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ENTRY_META_KEY);
}

export function pageMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PAGE_META_KEY);
}

/** The entry ids present in the document, in no particular order. */
export function entryIds(doc: Y.Doc): string[] {
  return [...entriesMap(doc).keys()];
}
