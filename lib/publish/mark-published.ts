import type * as Y from 'yjs';
import { entryMetaMap } from '../collab/page-doc';
import type { PublishedEntry } from './verify';

/**
 * After a verified publish: each published draft is marked `published` in the page's document (so
 * every replica, and collaborators once it syncs, see it) and its base moves to the new revision and
 * the entry's text there, so a later edit of it is planned against what the wiki now holds.
 */
export function markPublished(doc: Y.Doc, entries: readonly PublishedEntry[], revisionId: number): void {
  doc.transact(() => {
    for (const entry of entries) {
      const meta = entryMetaMap(doc).get(entry.entryId);
      if (!meta) continue;
      meta.set('status', 'published');
      meta.set('baseRevision', revisionId);
      if (entry.identity) {
        meta.set('identity', entry.identity);
        // An added entry is an existing one from now on.
        meta.set('isNew', false);
      }
    }
  });
}
