import { describe, expect, it } from 'vitest';
import { SiteProfileSchema } from '../../../lib/model/profile';
import {
  duplicateParamProblems,
  hasErrors,
  type ValidationProblem,
  ValidationProblemSchema,
  validateEntry,
} from '../../../lib/model/validation';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import type { TemplateParam } from '../../../lib/wikitext/types';

/** A complete, clean Xen entry; each test spoils one thing. */
const good = {
  Project: 'Lazy restore using memory paging',
  Date: '01/20/2014',
  Verified: '',
  Contact: 'Mentor: Andres Lagar-Cavilla <andres@example.org>',
  Difficulty: 'Medium',
  Skills: 'C, virtual memory management',
  GSoC: 'Yes',
  Desc: 'Backfill the memory of a restored VM while it runs. Size: 175 hours.',
  Outcomes: 'Mainline patches for libxc and libxl',
};

const validate = (changes: Record<string, string>) => validateEntry(XEN_PROFILE, { ...good, ...changes });
const only = (problems: ValidationProblem[]) => {
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('validateEntry on the Xen profile', () => {
  it('finds nothing wrong with a complete entry', () => {
    expect(validateEntry(XEN_PROFILE, good)).toEqual([]);
  });

  it('returns problems that match the schema', () => {
    for (const item of validate({ Project: '', Date: '01/02/2014', Skills: 'Skills Needed: C' })) {
      expect(ValidationProblemSchema.parse(item)).toEqual(item);
    }
  });

  it('makes an empty Project an error that blocks publishing', () => {
    const item = only(validate({ Project: '  ' }));
    expect(item).toMatchObject({ field: 'Project', severity: 'error', code: 'required' });
    expect(item.message).toBe('Project is required: fill it in before publishing.');
    expect(hasErrors([item])).toBe(true);
  });

  it('treats a value that is only a comment as empty', () => {
    expect(only(validate({ Project: '<!-- title here -->' })).code).toBe('required');
  });

  it('makes a missing Project (not given at all) an error too', () => {
    const { Project: _, ...rest } = good;
    expect(only(validateEntry(XEN_PROFILE, rest))).toMatchObject({ field: 'Project', severity: 'error' });
  });

  it('warns about empty Outcomes, saying what the wiki will show instead', () => {
    const item = only(validate({ Outcomes: '' }));
    expect(item).toMatchObject({ field: 'Outcomes', severity: 'warning', code: 'empty' });
    expect(item.message).toContain('Outcomes is empty');
    expect(item.message).toContain('"Not specified, project outcomes"');
  });

  it('warns about other suggested fields left empty, but not optional ones', () => {
    const problems = validate({ Difficulty: '', Skills: '', Verified: '', Contact: '' });
    expect(problems.map((item) => [item.field, item.severity])).toEqual([
      ['Contact', 'warning'],
      ['Difficulty', 'warning'],
      ['Skills', 'warning'],
    ]);
    expect(problems[1]?.message).toContain('"Unknown"');
    expect(problems[0]?.message).toContain('whom to ask');
  });

  it('warns about an ambiguous date and spells out both readings', () => {
    const item = only(validate({ Date: '01/02/2014' }));
    expect(item).toMatchObject({ field: 'Date', severity: 'warning', code: 'date-ambiguous' });
    expect(item.message).toBe(
      'Date of insert "01/02/2014" can be read as 1 February 2014 (day first) or as 2 January 2014 (month first). ' +
        'Write 2014-02-01 or 2014-01-02 so nobody has to guess.',
    );
  });

  it('accepts both orders of the seed page when they are not ambiguous, and ISO', () => {
    for (const date of ['01/20/2014', '28/11/2013', '2014-04-21', '23 January 2013']) {
      expect(validate({ Date: date }), date).toEqual([]);
    }
  });

  it('makes an unreadable date an error and shows how to write one', () => {
    const item = only(validate({ Date: 'spring 2014' }));
    expect(item).toMatchObject({ field: 'Date', severity: 'error', code: 'date-unreadable' });
    expect(item.message).toContain('"spring 2014" is not a date');
    expect(item.message).toContain('2014-01-20');
  });

  it('writes date advice in the written style when the profile writes dates that way', () => {
    const written = SiteProfileSchema.parse({ ...XEN_PROFILE, dateStyle: 'written' });
    expect(validateEntry(written, { ...good, Date: '01/02/2014' })[0]?.message).toContain(
      'Write 1 February 2014 or 2 January 2014',
    );
  });

  it('warns when "Skills Needed:" is typed into Skills', () => {
    const item = only(validate({ Skills: 'Skills Needed: C, OCaml' }));
    expect(item).toMatchObject({ field: 'Skills', severity: 'warning', code: 'label-repeated' });
    expect(item.message).toContain('starts with "Skills Needed:"');
    expect(item.message).toContain('see it twice');
  });

  it('warns when any field repeats its own label or parameter name', () => {
    expect(only(validate({ Desc: "'''Description:''' Backfill memory. 175 hours" })).code).toBe(
      'label-repeated',
    );
    expect(only(validate({ Contact: 'Technical contact: Andres <a@example.org>' })).code).toBe(
      'label-repeated',
    );
    expect(only(validate({ Outcomes: 'Outcomes: patches' })).code).toBe('label-repeated');
    // Another field's label is not a repetition.
    expect(validate({ Outcomes: 'Description: see above' })).toEqual([]);
  });

  it('warns about a Contact that names no one, and accepts a name or an address alone', () => {
    const item = only(validate({ Contact: 'Mentor: TBD' }));
    expect(item).toMatchObject({ field: 'Contact', severity: 'warning', code: 'contact-nobody' });
    expect(item.message).toContain('names no one');
    expect(validate({ Contact: 'Mentor: George Dunlap, Student: Bo Cao' })).toEqual([]);
    expect(validate({ Contact: 'dunlapg@example.org' })).toEqual([]);
  });

  it('warns when a GSoC project does not state its size anywhere', () => {
    const item = only(validate({ Desc: 'Backfill the memory of a restored VM while it runs.' }));
    expect(item).toMatchObject({ field: 'GSoC', severity: 'warning', code: 'gsoc-size' });
    expect(item.message).toContain('90, 175 or 350 hours');
    expect(item.message).toContain('in Description');
  });

  it('finds the size in any field, and asks for none when GSoC is not yes', () => {
    const noSize = 'Backfill the memory of a restored VM.';
    expect(validate({ Desc: noSize, Outcomes: 'Patches (a 350 hour project)' })).toEqual([]);
    expect(validate({ Desc: noSize, GSoC: 'yes', Skills: 'C; 90h' })).toEqual([]);
    expect(validate({ Desc: noSize, GSoC: 'No' })).toEqual([]);
    expect(validate({ Desc: noSize, GSoC: '' })).toEqual([]);
  });

  it('says so when a GSoC project states hours that are not a GSoC size', () => {
    const item = only(validate({ Desc: 'About 200 hours of work.' }));
    expect(item.code).toBe('gsoc-size');
    expect(item.message).toContain('says 200 hours');
  });

  it('warns about a Difficulty outside the suggestions, listing them', () => {
    const item = only(validate({ Difficulty: 'Very hard' }));
    expect(item).toMatchObject({ field: 'Difficulty', severity: 'warning', code: 'not-suggested' });
    expect(item.message).toContain('Easy, Low-Medium, Medium, Medium-High or Hard');
  });

  it('does not hold case against a suggested value (the seed page has "medium" and "yes")', () => {
    expect(validate({ Difficulty: 'medium', GSoC: 'yes' })).toEqual([]);
  });

  it('warns about a GSoC answer that is not yes, no or unknown', () => {
    const item = only(validate({ GSoC: 'Maybe' }));
    expect(item).toMatchObject({ field: 'GSoC', code: 'not-suggested' });
    expect(item.message).toContain('Yes, No or Unknown');
    expect(validate({ GSoC: 'Unknown' })).toEqual([]);
  });

  it('warns about a line break in a single-line field', () => {
    expect(only(validate({ Project: 'Lazy restore\nusing paging' }))).toMatchObject({
      field: 'Project',
      code: 'line-break',
      severity: 'warning',
    });
  });

  it('warns about a parameter the template does not know, guessing the intended one', () => {
    const item = only(validate({ Outcome: 'Patches' }));
    expect(item).toMatchObject({ field: 'Outcome', severity: 'warning', code: 'unknown-param' });
    expect(item.message).toBe(
      '"Outcome" is not a parameter of {{project}}, so the wiki won\'t show its value. Did you mean "Outcomes"?',
    );
    expect(only(validate({ desc: 'x' })).message).toContain('Did you mean "Desc"?');
    expect(only(validate({ Mentor: 'x' })).message).not.toContain('Did you mean');
    expect(validate({ Outcome: '' })).toEqual([]);
  });

  it('warns about a value without a name', () => {
    const item = only(validate({ '1': 'Medium' }));
    expect(item).toMatchObject({ field: '1', code: 'unnamed-value' });
    expect(item.message).toContain('{{!}}');
  });

  it('lists problems in field order, so a mentor reads them top to bottom', () => {
    const problems = validate({ Project: '', Date: 'soon', Skills: 'Skills: C', Outcomes: '', Extra: 'x' });
    expect(problems.map((item) => item.field)).toEqual(['Project', 'Date', 'Skills', 'Outcomes', 'Extra']);
    expect(hasErrors(problems)).toBe(true);
    expect(hasErrors(problems.filter((item) => item.severity === 'warning'))).toBe(false);
  });
});

describe('validateEntry on another profile', () => {
  const idea = SiteProfileSchema.parse({
    id: 'idea',
    template: { name: 'Idea' },
    titleParam: 'title',
    fields: [
      { param: 'title', label: 'Title', kind: 'line', need: 'required' },
      {
        param: 'mentors',
        aliases: ['mentor'],
        label: 'Mentors',
        kind: 'line',
        need: 'suggested',
        role: 'contact',
      },
      {
        param: 'level',
        label: 'Level',
        kind: 'choice',
        need: 'optional',
        suggestedValues: ['Beginner', 'Advanced'],
      },
      { param: 'old', label: 'Old', kind: 'line', need: 'optional', deprecated: 'Use level instead.' },
      { param: 'summary', label: 'Summary', kind: 'wikitext', need: 'required' },
    ],
  });

  it('requires what that template requires', () => {
    const problems = validateEntry(idea, { title: 'X', mentors: 'Ann' });
    expect(problems).toEqual([
      {
        field: 'summary',
        severity: 'error',
        code: 'required',
        message: 'Summary is required: fill it in before publishing.',
      },
    ]);
  });

  it('checks a field through its alias', () => {
    expect(validateEntry(idea, { title: 'X', summary: 'S', mentor: 'TBD' })[0]).toMatchObject({
      field: 'mentors',
      code: 'contact-nobody',
    });
  });

  it('warns about a deprecated parameter that is still used, with the reason', () => {
    const item = only(validateEntry(idea, { title: 'X', summary: 'S', mentors: 'Ann', old: 'y' }));
    expect(item).toMatchObject({
      field: 'old',
      code: 'deprecated',
      message: 'Old is deprecated. Use level instead.',
    });
  });

  it('names the right template in unknown-parameter warnings', () => {
    expect(
      only(validateEntry(idea, { title: 'X', summary: 'S', mentors: 'Ann', tag: 'x' })).message,
    ).toContain('{{Idea}}');
  });

  it('checks nothing beyond the wikitext for a profile without fields', () => {
    const bare = SiteProfileSchema.parse({
      id: 'b',
      template: { name: 'Idea' },
      titleParam: 'title',
      fields: [],
    });
    expect(validateEntry(bare, { anything: 'at all', '1': 'x' })).toEqual([]);
  });
});

describe('duplicateParamProblems', () => {
  const param = (name: string, at: number): TemplateParam => ({
    name,
    positional: false,
    value: 'v',
    start: at,
    end: at + 5,
    nameStart: at + 1,
    nameEnd: at + 1 + name.length,
    valueStart: at + 2 + name.length,
    valueEnd: at + 5,
  });

  it('warns once per name given more than once, by its label', () => {
    const problems = duplicateParamProblems(XEN_PROFILE, [
      param('Skills', 0),
      param('Desc', 10),
      param('Skills', 20),
      param('Skills', 30),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'Skills', severity: 'warning', code: 'duplicate-param' });
    expect(problems[0]?.message).toContain('Skills Needed is given more than once');
  });

  it('finds nothing when every name is given once', () => {
    expect(duplicateParamProblems(XEN_PROFILE, [param('Skills', 0), param('Desc', 10)])).toEqual([]);
  });
});
