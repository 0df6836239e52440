import { describe, expect, it } from 'vitest';
import { matchEntry } from '../../../lib/anchoring/entry-match';

const entries = [
  { title: 'Lazy restore', ordinal: 1, draftId: null },
  { title: 'PVUSB for HVM guests', ordinal: 2, draftId: 'r10-e2' },
  { title: 'Lazy restore', ordinal: 5, draftId: null },
  { title: 'New idea', ordinal: null, draftId: 'new-1' },
];

describe('matchEntry', () => {
  it('finds the same draft first, even after its title changed', () => {
    expect(matchEntry({ title: 'Old title', ordinal: 2, draftId: 'r10-e2' }, entries)).toBe(1);
    expect(matchEntry({ title: '', ordinal: null, draftId: 'new-1' }, entries)).toBe(3);
  });

  it('then the same title (spaces and underscores alike), the nearest of several to the old ordinal', () => {
    expect(matchEntry({ title: 'PVUSB_for  HVM guests', ordinal: 9, draftId: null }, entries)).toBe(1);
    expect(matchEntry({ title: 'Lazy restore', ordinal: 4, draftId: null }, entries)).toBe(2);
    expect(matchEntry({ title: 'Lazy restore', ordinal: 1, draftId: null }, entries)).toBe(0);
  });

  it('never by ordinal alone: a renamed or removed entry is not found', () => {
    expect(matchEntry({ title: 'Renamed away', ordinal: 1, draftId: null }, entries)).toBe(-1);
    expect(matchEntry({ title: '', ordinal: 1, draftId: null }, entries)).toBe(-1);
    expect(matchEntry({ title: 'x', ordinal: 1, draftId: 'gone' }, entries)).toBe(-1);
  });
});
