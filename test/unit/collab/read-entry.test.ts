import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entriesMap, entryMetaMap } from '../../../lib/collab/page-doc';
import { readDraftEntries, readDraftEntry, readPageMeta } from '../../../lib/collab/read-entry';
import { seedEntry } from '../../../lib/collab/seed';
import { entryInput } from './page-fixture';

describe('reading a draft document back', () => {
  it('reports an entry of the wrong shape with the reason and still lists the others', () => {
    const doc = new Y.Doc();
    const good = seedEntry(doc, entryInput(1));
    const bad = seedEntry(doc, entryInput(2));
    entriesMap(doc)
      .get(bad)
      ?.set('Desc', 42 as never);
    const missingMeta = 'r1234-e9';
    entriesMap(doc).set(missingMeta, new Y.Map<string | Y.Text>());
    const { entries, problems } = readDraftEntries(doc);
    expect(entries.map((entry) => entry.id)).toEqual([good]);
    expect(problems).toEqual([
      { entryId: bad, reason: `entry ${bad}: field "Desc" is neither text nor a string` },
      { entryId: missingMeta, reason: `entry ${missingMeta}: no meta map` },
    ]);
  });

  it('parses the meta: a bad status or an identity on a new entry is refused', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(1));
    entryMetaMap(doc).get(id)?.set('status', 'gone');
    const read = readDraftEntry(doc, id);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/status/);
    entryMetaMap(doc).get(id)?.set('status', 'draft');
    entryMetaMap(doc).get(id)?.set('isNew', true);
    const again = readDraftEntry(doc, id);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toMatch(/new entry has no identity/);
  });

  it('says when the page meta is missing', () => {
    expect(readPageMeta(new Y.Doc()).ok).toBe(false);
  });
});
