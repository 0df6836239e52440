import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findOpenDraft, isBehindPage } from '../../../lib/collab/find-draft';
import { seedEntry } from '../../../lib/collab/seed';
import { setEntryStatus } from '../../../lib/collab/set-field';
import { entryFromTransclusion } from '../../../lib/model/entry';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { entryInputs, SEED_PAGE, SEED_PAGE_TEXT } from './page-fixture';

/** The identity entry `ordinal` has in a page text. */
function identityIn(text: string, ordinal: number) {
  const input = entryInputs(text, { ...SEED_PAGE, baseRevision: 2000 })[ordinal - 1];
  if (!input) throw new Error('no such entry');
  return entryFromTransclusion(input.pageText, input.transclusion, XEN_PROFILE, ordinal).identity;
}

describe('finding the open draft of an entry the page shows now', () => {
  it('finds it by its unchanged text after the page changed elsewhere, and says the page moved on', () => {
    const doc = new Y.Doc();
    const [, second] = entryInputs();
    if (!second) throw new Error('no entry 2');
    const id = seedEntry(doc, second);
    // A new entry inserted above it: the ordinal moved, the text did not.
    const changed = SEED_PAGE_TEXT.replace(
      '{{project',
      '{{project\n|Project=Inserted above\n}}\n\n{{project',
    );
    const found = findOpenDraft(doc, identityIn(changed, 3));
    expect(found?.id).toBe(id);
    expect(found && isBehindPage(found, 2000)).toBe(true);
  });

  it('falls back to the title when the entry’s text changed on the wiki', () => {
    const doc = new Y.Doc();
    const [, second] = entryInputs();
    if (!second) throw new Error('no entry 2');
    const id = seedEntry(doc, second);
    const changed = SEED_PAGE_TEXT.replace('|Difficulty=Medium', '|Difficulty=Hard');
    const now = identityIn(changed, 2);
    expect(now.baseWikitext).not.toBe(identityIn(SEED_PAGE_TEXT, 2).baseWikitext);
    expect(findOpenDraft(doc, now)?.id).toBe(id);
  });

  it('does not offer a discarded draft, nor another entry’s', () => {
    const doc = new Y.Doc();
    const [first, second] = entryInputs();
    if (!first || !second) throw new Error('no entries');
    seedEntry(doc, first);
    const id = seedEntry(doc, second);
    setEntryStatus(doc, id, 'discarded');
    expect(findOpenDraft(doc, identityIn(SEED_PAGE_TEXT, 2))).toBeUndefined();
  });
});
