import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DraftEntry } from '../../../lib/collab/draft-entry';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { addNewEntry, seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { draftWikitext } from '../../../lib/panel/entry-wikitext';
import { findTransclusions } from '../../../lib/wikitext';
import { entryInput, SEED_PAGE } from '../collab/page-fixture';

function entryOf(doc: Y.Doc, id: string): DraftEntry {
  const read = readDraftEntry(doc, id);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

describe('the wikitext a draft is previewed as', () => {
  it('is the base transclusion itself while nothing changed', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(1));
    const entry = entryOf(doc, id);
    expect(draftWikitext(XEN_PROFILE, entry)).toBe(entry.meta.identity!.baseWikitext);
  });

  it('changes only the values that changed, keeping comments and layout', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(1));
    const base = entryOf(doc, id).meta.identity!.baseWikitext;
    setField(doc, id, 'Difficulty', 'Hard', XEN_PROFILE);
    const text = draftWikitext(XEN_PROFILE, entryOf(doc, id));
    expect(text).toBe(base.replace('|Difficulty=\n', '|Difficulty=Hard\n'));
    expect(text).toContain('{{Comment|[[User:Lars.kurth|Lars.kurth]]');
  });

  it('lists every field of a new entry in the profile’s order, and parses back to its values', () => {
    const doc = new Y.Doc();
    const id = addNewEntry(doc, { page: SEED_PAGE, section: ['GSoC Projects'], profile: XEN_PROFILE });
    setField(doc, id, 'Project', 'Unikernel builds', XEN_PROFILE);
    setField(doc, id, 'Desc', 'Line one\n* a list item with a link [[Xen|the Xen wiki]]', XEN_PROFILE);
    const text = draftWikitext(XEN_PROFILE, entryOf(doc, id));
    const [transclusion] = findTransclusions(text, XEN_PROFILE.template).transclusions;
    expect(transclusion?.params.map((param) => param.name)).toEqual(
      XEN_PROFILE.fields.map((field) => field.param),
    );
    expect(text).toMatch(/^\{\{project\n\|Project=Unikernel builds\n/);
    expect(text).toContain('|Desc=Line one\n* a list item with a link [[Xen|the Xen wiki]]\n');
  });
});
