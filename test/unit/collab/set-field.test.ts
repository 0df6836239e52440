import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { seedEntry } from '../../../lib/collab/seed';
import { setEntryStatus, setField, UnknownEntryError } from '../../../lib/collab/set-field';
import { applyTextChange, textChange } from '../../../lib/collab/text-diff';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { docWithClient, entryInput, exchange } from './page-fixture';

const values = (doc: Y.Doc, id: string) => {
  const read = readDraftEntry(doc, id);
  if (!read.ok) throw new Error(read.reason);
  return read.value.values;
};

describe('the minimal text change', () => {
  it('turns any string into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (before, after) => {
        const change = textChange(before, after);
        expect(change === null ? before : applyTextChange(before, change)).toBe(after);
      }),
    );
  });

  it('replaces only the middle that differs', () => {
    expect(textChange('Skills: C', 'Skills: C, Rust')).toEqual({ index: 9, remove: 0, insert: ', Rust' });
    expect(textChange('aXb', 'ab')).toEqual({ index: 1, remove: 1, insert: '' });
    expect(textChange('same', 'same')).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const change = textChange('a😀b', 'a😃b');
    expect(change).toEqual({ index: 1, remove: 2, insert: '😃' });
  });
});

describe('setting a field of a draft', () => {
  it('edits a long field with the minimal change, so concurrent typing in it merges', () => {
    const alice = docWithClient(1);
    const bob = docWithClient(2);
    const id = seedEntry(alice, entryInput(2));
    seedEntry(bob, entryInput(2));
    const base = values(alice, id).Skills ?? '';
    setField(alice, id, 'Skills', `C. ${base}`, XEN_PROFILE);
    setField(bob, id, 'Skills', `${base} Also Rust.`, XEN_PROFILE);
    exchange(alice, bob);
    expect(values(alice, id).Skills).toBe(`C. ${base} Also Rust.`);
    expect(values(bob, id)).toEqual(values(alice, id));
  });

  it('writes one update per call, and none for an unchanged value', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(2));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    setField(doc, id, 'Desc', `${values(doc, id).Desc}!`, XEN_PROFILE);
    setField(doc, id, 'Difficulty', 'Hard', XEN_PROFILE);
    setField(doc, id, 'Difficulty', 'Hard', XEN_PROFILE);
    expect(updates).toHaveLength(2);
    expect(updates[0]?.byteLength).toBeLessThan(40);
  });

  it('creates a parameter the entry lacked with the kind its field has', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(2));
    setField(doc, id, 'Size', '175 hours', XEN_PROFILE);
    expect(values(doc, id).Size).toBe('175 hours');
  });

  it('sets the status, and refuses an entry that is not there', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(1));
    setEntryStatus(doc, id, 'discarded');
    const read = readDraftEntry(doc, id);
    expect(read.ok && read.value.meta.status).toBe('discarded');
    expect(() => setField(doc, 'nope', 'Desc', 'x', XEN_PROFILE)).toThrow(UnknownEntryError);
    expect(() => setEntryStatus(doc, 'nope', 'draft')).toThrow(UnknownEntryError);
  });
});
