import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { addNewEntry, seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { draftChanged, seededValues } from '../../../lib/panel/draft-changes';
import { entryInput, SEED_PAGE } from '../collab/page-fixture';

const entryOf = (doc: Y.Doc, id: string) => {
  const read = readDraftEntry(doc, id);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
};

describe('whether a draft differs from its seed', () => {
  it('is false for a freshly seeded entry and true once a field changes', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(2));
    expect(seededValues(XEN_PROFILE, entryOf(doc, id))).toEqual(entryOf(doc, id).values);
    expect(draftChanged(XEN_PROFILE, entryOf(doc, id))).toBe(false);
    setField(doc, id, 'Outcomes', 'More', XEN_PROFILE);
    expect(draftChanged(XEN_PROFILE, entryOf(doc, id))).toBe(true);
    setField(
      doc,
      id,
      'Outcomes',
      entryInput(2)
        .transclusion.params.find((p) => p.name === 'Outcomes')!
        .value.trim(),
      XEN_PROFILE,
    );
    expect(draftChanged(XEN_PROFILE, entryOf(doc, id))).toBe(false);
  });

  it('counts a new entry as changed once any field holds text', () => {
    const doc = new Y.Doc();
    const id = addNewEntry(doc, { page: SEED_PAGE, section: [], profile: XEN_PROFILE });
    expect(draftChanged(XEN_PROFILE, entryOf(doc, id))).toBe(false);
    setField(doc, id, 'Skills', '   ', XEN_PROFILE);
    expect(draftChanged(XEN_PROFILE, entryOf(doc, id))).toBe(false);
    setField(doc, id, 'Skills', 'C', XEN_PROFILE);
    expect(draftChanged(XEN_PROFILE, entryOf(doc, id))).toBe(true);
  });
});
