import { describe, expect, it } from 'vitest';
import type { EntryPlan } from '../../../lib/publish';
import { editSummary } from '../../../lib/publish/summary';

const entry = (title: string, action: EntryPlan['action']): EntryPlan => ({
  entryId: title,
  title,
  action,
  match: { how: 'same-place', ordinal: 1, explanation: null },
  changes: [],
  keptFromWiki: [],
  before: null,
  after: null,
  notes: [],
  remarks: [],
});

describe('the edit summary', () => {
  it('says what is updated, added and removed', () => {
    expect(editSummary([entry('X', 'update')])).toBe('Update project: X');
    expect(editSummary([entry('Y', 'add')])).toBe('Add project: Y');
    expect(editSummary([entry('X', 'update'), entry('Y', 'update')])).toBe('Update projects: X, Y');
    expect(
      editSummary([entry('X', 'update'), entry('Y', 'add'), entry('Z', 'delete'), entry('W', 'unchanged')]),
    ).toBe('Update project: X; Add project: Y; Remove project: Z');
    expect(editSummary([entry('I', 'add')], 'idea')).toBe('Add idea: I');
  });

  it('stays short with many entries', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      entry(`A rather long project title number ${i}`, 'update'),
    );
    const summary = editSummary(many);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary).toMatch(/^Update projects: A rather long project title number 0, .* and \d+ more$/);
  });
});
