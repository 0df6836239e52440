import { describe, expect, it } from 'vitest';
import { validateEntry } from '../../../lib/model/validation';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { fieldDomId, problemsByField, problemsHeadline } from '../../../lib/panel/field-problems';

describe('problems arranged for the form', () => {
  it('puts each problem under its field, errors first, and counts them', () => {
    const problems = validateEntry(XEN_PROFILE, {
      Project: '',
      Date: '31/31/2014',
      Difficulty: 'Impossible',
      Mentor: 'x',
    });
    const arranged = problemsByField(XEN_PROFILE, problems);
    expect(arranged.byField.get('Project')?.map((p) => p.code)).toEqual(['required']);
    expect(arranged.byField.get('Date')?.map((p) => p.severity)).toEqual(['error']);
    expect(arranged.byField.get('Difficulty')?.map((p) => p.code)).toEqual(['not-suggested']);
    expect(arranged.byField.get('Mentor')?.map((p) => p.code)).toEqual(['unknown-param']);
    expect(arranged.errors).toBe(2);
    expect(arranged.errors + arranged.warnings).toBe(problems.length);
  });

  it('says how many there are', () => {
    expect(problemsHeadline(0, 0)).toBe('No problems found.');
    expect(problemsHeadline(0, 1)).toBe('1 warning (publishing is not blocked)');
    expect(problemsHeadline(1, 0)).toBe('1 error to fix before publishing');
    expect(problemsHeadline(2, 3)).toBe('2 errors to fix before publishing, and 3 warnings');
  });

  it('makes ids that are valid IDREFs and distinct for distinct names', () => {
    expect(fieldDomId('Date')).toBe('field-Date-input');
    const spaced = fieldDomId('project size');
    expect(spaced).not.toMatch(/\s/);
    expect(spaced).not.toBe(fieldDomId('project_size'));
    expect(fieldDomId('a b', 'hint')).toMatch(/-hint$/);
  });
});
