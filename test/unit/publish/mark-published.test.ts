import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNewEntry, readDraftEntry, seedEntry, setField } from '../../../lib/collab';
import { XEN_PROFILE } from '../../../lib/model';
import { markPublished } from '../../../lib/publish/mark-published';
import { findTransclusions } from '../../../lib/wikitext';
import { BASE_REVISION, entryText, SEED, TITLE } from './drafts';

const PAGE = { wiki: 'http://127.0.0.1:8182', page: TITLE, baseRevision: BASE_REVISION };

function read(doc: Y.Doc, entryId: string) {
  const entry = readDraftEntry(doc, entryId);
  if (!entry.ok) throw new Error(entry.reason);
  return entry.value;
}

describe('marking drafts published', () => {
  it('marks each draft published and moves its base to the new revision and the entry’s text there', () => {
    const doc = new Y.Doc();
    const transclusion = findTransclusions(SEED, XEN_PROFILE.template).transclusions[1]!;
    const existing = seedEntry(doc, {
      page: PAGE,
      pageText: SEED,
      transclusion,
      ordinal: 2,
      profile: XEN_PROFILE,
    });
    const added = addNewEntry(doc, { page: PAGE, section: ['Accepted Projects'], profile: XEN_PROFILE });
    const text = entryText(SEED, 2).replace('|Difficulty=Medium', '|Difficulty=Hard');
    markPublished(
      doc,
      [
        {
          entryId: existing,
          title: 'Lazy',
          action: 'update',
          identity: { ordinal: 2, title: 'Lazy', baseWikitext: text },
        },
        {
          entryId: added,
          title: 'New',
          action: 'add',
          identity: { ordinal: 9, title: 'New', baseWikitext: '{{project}}' },
        },
      ],
      101,
    );
    expect(read(doc, existing).meta).toMatchObject({
      status: 'published',
      baseRevision: 101,
      isNew: false,
      identity: { ordinal: 2, baseWikitext: text },
    });
    expect(read(doc, added).meta).toMatchObject({ status: 'published', baseRevision: 101, isNew: false });
  });

  it('makes a published draft a draft again once it is written in', () => {
    const doc = new Y.Doc();
    const transclusion = findTransclusions(SEED, XEN_PROFILE.template).transclusions[1]!;
    const id = seedEntry(doc, { page: PAGE, pageText: SEED, transclusion, ordinal: 2, profile: XEN_PROFILE });
    markPublished(doc, [{ entryId: id, title: 'Lazy', action: 'update', identity: null }], 101);
    setField(doc, id, 'Difficulty', read(doc, id).values.Difficulty!, XEN_PROFILE);
    expect(read(doc, id).meta.status).toBe('published');
    setField(doc, id, 'Difficulty', 'Hard', XEN_PROFILE);
    expect(read(doc, id).meta).toMatchObject({ status: 'draft', baseRevision: 101 });
  });
});
