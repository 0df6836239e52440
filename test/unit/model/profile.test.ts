import { describe, expect, it } from 'vitest';
import {
  bareProfile,
  FieldKindSchema,
  FieldSchema,
  fieldForParam,
  fieldValue,
  ownValue,
  presentParamName,
  SiteProfileSchema,
} from '../../../lib/model/profile';
import { XEN_DIFFICULTIES, XEN_PROFILE } from '../../../lib/model/xen-profile';

describe('FieldKindSchema and FieldSchema', () => {
  it('knows the five kinds and nothing else', () => {
    expect(FieldKindSchema.options).toEqual(['line', 'wikitext', 'date', 'yesno', 'choice']);
    expect(FieldKindSchema.safeParse('multiline').success).toBe(false);
  });

  it('fills the optional parts of a field with defaults', () => {
    expect(FieldSchema.parse({ param: 'tags', label: 'Tags', kind: 'line', need: 'optional' })).toEqual({
      param: 'tags',
      aliases: [],
      label: 'Tags',
      kind: 'line',
      need: 'optional',
      suggestedValues: [],
      description: '',
      emptyText: null,
      deprecated: null,
      role: null,
    });
  });

  it('refuses a field without a parameter name or label, or with an unknown need', () => {
    expect(FieldSchema.safeParse({ param: '', label: 'X', kind: 'line', need: 'optional' }).success).toBe(
      false,
    );
    expect(FieldSchema.safeParse({ param: 'x', label: '', kind: 'line', need: 'optional' }).success).toBe(
      false,
    );
    expect(FieldSchema.safeParse({ param: 'x', label: 'X', kind: 'line', need: 'must' }).success).toBe(false);
  });
});

describe('SiteProfileSchema', () => {
  const field = (param: string, aliases: string[] = []) => ({
    param,
    aliases,
    label: param,
    kind: 'line',
    need: 'optional',
  });
  const profile = (fields: unknown[], titleParam = 'a') => ({
    id: 'test',
    template: { name: 'idea' },
    fields,
    titleParam,
  });

  it('accepts a well-formed profile and defaults the date style to ISO', () => {
    const parsed = SiteProfileSchema.parse(profile([field('a'), field('b', ['bee'])]));
    expect(parsed.dateStyle).toBe('iso');
    expect(parsed.template).toEqual({ name: 'idea', aliases: [] });
  });

  it('refuses a parameter name claimed by two fields, alias or not', () => {
    expect(SiteProfileSchema.safeParse(profile([field('a'), field('a')])).success).toBe(false);
    const clash = SiteProfileSchema.safeParse(profile([field('a'), field('b', ['a'])]));
    expect(clash.success).toBe(false);
    expect(clash.error?.issues[0]?.message).toContain('"a" belongs to two fields');
  });

  it('refuses a title field that is not one of the fields', () => {
    const result = SiteProfileSchema.safeParse(profile([field('a')], 'title'));
    expect(result.error?.issues[0]?.message).toContain('title field "title"');
  });

  it('round-trips the Xen profile through JSON (profiles are stored per wiki)', () => {
    expect(SiteProfileSchema.parse(JSON.parse(JSON.stringify(XEN_PROFILE)))).toEqual(XEN_PROFILE);
  });
});

describe('field lookups', () => {
  const profile = SiteProfileSchema.parse({
    id: 'test',
    template: { name: 'idea' },
    titleParam: 'title',
    fields: [{ param: 'title', aliases: ['name', 'Title'], label: 'Title', kind: 'line', need: 'required' }],
  });
  const title = profile.fields[0]!;

  it('finds a field by its name or an alias, case-sensitively as MediaWiki', () => {
    expect(fieldForParam(profile, 'title')).toBe(title);
    expect(fieldForParam(profile, 'name')).toBe(title);
    expect(fieldForParam(profile, 'NAME')).toBeUndefined();
  });

  it('prefers the canonical name over aliases, then aliases in order', () => {
    expect(fieldValue(title, { name: 'B', title: 'A' })).toBe('A');
    expect(fieldValue(title, { Title: 'C', name: 'B' })).toBe('B');
    expect(presentParamName(title, { Title: 'C' })).toBe('Title');
    expect(fieldValue(title, {})).toBe('');
  });

  it('never reads inherited object properties as values', () => {
    expect(ownValue({}, 'constructor')).toBeUndefined();
    expect(ownValue(Object.fromEntries([['__proto__', 'x']]), '__proto__')).toBe('x');
  });

  it('makes a bare profile for a template it knows only by name', () => {
    const bare = bareProfile('Idea');
    expect(bare.template).toEqual({ name: 'Idea', aliases: [] });
    expect(bare.fields).toEqual([]);
  });
});

describe('XEN_PROFILE', () => {
  it('holds the Xen fields in the wiki’s order, labelled as the wiki renders them (DESIGN §6)', () => {
    expect(XEN_PROFILE.fields.map((field) => [field.param, field.label])).toEqual([
      ['Project', 'Project'],
      ['Date', 'Date of insert'],
      ['Verified', 'Verified'],
      ['Contact', 'Technical contact'],
      ['Difficulty', 'Difficulty'],
      ['Skills', 'Skills Needed'],
      ['GSoC', 'GSoC'],
      ['Desc', 'Description'],
      ['Outcomes', 'Outcomes'],
    ]);
  });

  it('uses the template {{project}} with Project as the title', () => {
    expect(XEN_PROFILE.template.name).toBe('project');
    expect(XEN_PROFILE.titleParam).toBe('Project');
  });

  it('gives each field the kind its values need', () => {
    expect(Object.fromEntries(XEN_PROFILE.fields.map((field) => [field.param, field.kind]))).toEqual({
      Project: 'line',
      Date: 'date',
      Verified: 'line',
      Contact: 'line',
      Difficulty: 'choice',
      Skills: 'wikitext',
      GSoC: 'yesno',
      Desc: 'wikitext',
      Outcomes: 'wikitext',
    });
  });

  it('offers the difficulties and GSoC answers the seed page uses', () => {
    expect(XEN_DIFFICULTIES).toEqual(['Easy', 'Low-Medium', 'Medium', 'Medium-High', 'Hard']);
    expect(fieldForParam(XEN_PROFILE, 'Difficulty')?.suggestedValues).toEqual(XEN_DIFFICULTIES);
    expect(fieldForParam(XEN_PROFILE, 'GSoC')?.suggestedValues).toEqual(['Yes', 'No', 'Unknown']);
  });

  it('requires only the title, and knows what the wiki shows for empty fields', () => {
    expect(
      XEN_PROFILE.fields.filter((field) => field.need === 'required').map((field) => field.param),
    ).toEqual(['Project']);
    expect(fieldForParam(XEN_PROFILE, 'Outcomes')?.emptyText).toBe('Not specified, project outcomes');
    expect(fieldForParam(XEN_PROFILE, 'Skills')?.emptyText).toBe('Unknown');
    expect(fieldForParam(XEN_PROFILE, 'Difficulty')?.emptyText).toBe('Unknown');
  });
});
