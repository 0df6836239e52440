import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SiteProfileSchema } from '../../../lib/model/profile';
import { profileFromTemplateData } from '../../../lib/model/templatedata';
import { TemplateDataError, textInLanguage } from '../../../lib/model/templatedata-schema';
import { validateEntry } from '../../../lib/model/validation';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { IDEA_PER_LANGUAGE, PROJECT_WITH_LANG } from './templatedata-fixtures';

const failure = (json: unknown, options?: Parameters<typeof profileFromTemplateData>[1]) => {
  try {
    profileFromTemplateData(json, options);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateDataError);
    return error as TemplateDataError;
  }
  throw new Error('expected a TemplateDataError');
};

describe('profileFromTemplateData: the Xen template (labels resolved with lang=)', () => {
  const profile = profileFromTemplateData(PROJECT_WITH_LANG, 'project');

  it('makes a valid profile named after the template', () => {
    expect(SiteProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.id).toBe('templatedata:Project');
    expect(profile.template).toEqual({ name: 'Project', aliases: [] });
    expect(profile.titleParam).toBe('Project');
  });

  it('keeps paramOrder and the labels, which match the built-in Xen profile', () => {
    expect(profile.fields.map((field) => [field.param, field.label])).toEqual(
      XEN_PROFILE.fields.map((field) => [field.param, field.label]),
    );
  });

  it('maps TemplateData types to kinds', () => {
    expect(Object.fromEntries(profile.fields.map((field) => [field.param, field.kind]))).toEqual({
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

  it('maps required and suggested, suggested values, defaults and roles', () => {
    const byParam = Object.fromEntries(profile.fields.map((field) => [field.param, field]));
    expect(byParam.Project?.need).toBe('required');
    expect(byParam.Contact?.need).toBe('suggested');
    expect(byParam.Verified?.need).toBe('optional');
    expect(byParam.Difficulty?.suggestedValues).toEqual([
      'Easy',
      'Low-Medium',
      'Medium',
      'Medium-High',
      'Hard',
    ]);
    expect(byParam.Outcomes?.emptyText).toBe('Not specified, project outcomes');
    expect(byParam.Project?.description).toBe('The title.');
    expect(byParam.Contact?.role).toBe('contact');
    expect(byParam.GSoC?.role).toBe('gsoc');
  });

  it('validates entries like the built-in profile does', () => {
    const values = { Project: '', Date: '01/02/2014', Contact: 'Mentor: TBD', GSoC: 'Yes', Desc: 'No size.' };
    const codes = (problems: { field: string; code: string }[]) =>
      problems.map((item) => `${item.field}:${item.code}`);
    expect(codes(validateEntry(profile, values))).toEqual([
      'Project:required',
      'Date:date-ambiguous',
      'Contact:contact-nobody',
      'Difficulty:empty',
      'GSoC:gsoc-size',
    ]);
  });

  it('accepts the answer as JSON text too', () => {
    expect(profileFromTemplateData(JSON.stringify(PROJECT_WITH_LANG), 'Project')).toEqual(profile);
  });
});

describe('profileFromTemplateData: another template (texts per language, formatversion=1, redirect)', () => {
  const profile = profileFromTemplateData(IDEA_PER_LANGUAGE, { template: 'Project idea' });
  const byParam = Object.fromEntries(profile.fields.map((field) => [field.param, field]));

  it('follows the redirect to the template and keeps the redirect as an alias', () => {
    expect(profile.template).toEqual({ name: 'Idea', aliases: ['Project idea'] });
  });

  it('has its own parameters in its own order', () => {
    expect(profile.fields.map((field) => field.param)).toEqual([
      'title',
      'summary',
      'mentors',
      'level',
      'tags',
      'size',
    ]);
    expect(profile.titleParam).toBe('title');
  });

  it('picks labels in the wanted language, its base language, English, then any', () => {
    expect(byParam.title?.label).toBe('Title');
    expect(byParam.level?.label).toBe('Level');
    expect(
      profileFromTemplateData(IDEA_PER_LANGUAGE, { template: 'Idea', lang: 'de' }).fields[0]?.label,
    ).toBe('Titel');
    expect(
      profileFromTemplateData(IDEA_PER_LANGUAGE, { template: 'Idea', lang: 'de-at' }).fields[0]?.description,
    ).toBe('Der Titel der Idee.');
  });

  it('uses the parameter name when there is no label', () => {
    expect(byParam.size?.label).toBe('size');
  });

  it('maps old type names, suggestions, deprecation and aliases (numbers as strings)', () => {
    expect(byParam.title?.kind).toBe('line');
    expect(byParam.title?.aliases).toEqual(['name']);
    expect(byParam.level?.kind).toBe('choice');
    expect(byParam.tags?.deprecated).toBe('Use categories instead.');
    expect(byParam.size?.kind).toBe('line');
    expect(byParam.size?.aliases).toEqual(['90']);
    expect(byParam.mentors?.role).toBe('contact');
  });

  it('validates with that template’s rules', () => {
    const problems = validateEntry(profile, { name: 'Fuzzing the parser', level: 'Expert', mentor: 'Ann' });
    expect(problems.map((item) => `${item.field}:${item.code}:${item.severity}`)).toEqual([
      'summary:required:error',
      'level:not-suggested:warning',
    ]);
  });

  it('takes the title parameter it is told, and an id', () => {
    const custom = profileFromTemplateData(IDEA_PER_LANGUAGE, {
      template: 'Idea',
      titleParam: 'summary',
      id: 'wiki-b',
    });
    expect(custom.titleParam).toBe('summary');
    expect(custom.id).toBe('wiki-b');
  });
});

describe('profileFromTemplateData: other shapes of the answer', () => {
  it('takes a bare <templatedata> blob when told the template', () => {
    const blob = { params: { title: { label: 'Title', required: true }, body: { type: 'content' } } };
    const profile = profileFromTemplateData(blob, 'Template:Note');
    expect(profile.template.name).toBe('Note');
    expect(profile.fields.map((field) => [field.param, field.kind, field.need])).toEqual([
      ['title', 'wikitext', 'required'],
      ['body', 'wikitext', 'optional'],
    ]);
  });

  it('takes the pages as a list, and appends parameters paramOrder forgot', () => {
    const page = {
      title: 'Template:Note',
      params: { a: { type: 'line' }, b: { type: 'line' } },
      paramOrder: ['b'],
    };
    expect(profileFromTemplateData({ pages: [page] }).fields.map((field) => field.param)).toEqual(['b', 'a']);
  });

  it('picks the asked template among several pages, through title normalisation', () => {
    const pages = {
      '1': { title: 'Template:Other', params: { x: {} } },
      '2': { title: 'Template:My idea', params: { y: {} } },
    };
    const json = { normalized: [{ from: 'template:my_idea', to: 'Template:My idea' }], pages };
    expect(profileFromTemplateData(json, 'template:my_idea').fields[0]?.param).toBe('y');
    expect(failure({ pages }).message).toContain('several templates');
  });
});

describe('profileFromTemplateData: clear errors', () => {
  it('says when the template has no TemplateData (empty answer, or includeMissingTitles)', () => {
    const empty = failure({ batchcomplete: true, pages: {} }, 'Idea');
    expect(empty.code).toBe('no-templatedata');
    expect(empty.message).toContain('Template:Idea has no TemplateData');
    const flagged = failure(
      { pages: { '5': { title: 'Template:Idea', notemplatedata: '', params: { a: {} } } } },
      'Idea',
    );
    expect(flagged.code).toBe('no-templatedata');
    expect(flagged.message).toContain('<templatedata>');
  });

  it('says when the template does not exist', () => {
    const error = failure({ pages: { '-1': { title: 'Template:Nope', missing: true } } }, 'Nope');
    expect(error.code).toBe('missing-template');
    expect(error.message).toBe('Template:Nope does not exist on this wiki.');
  });

  it('passes on the wiki’s own error', () => {
    const error = failure(
      { error: { code: 'templatedata-corrupt', info: 'Page 12 has bad TemplateData' } },
      'Project',
    );
    expect(error.code).toBe('api-error');
    expect(error.message).toContain('Page 12 has bad TemplateData (templatedata-corrupt)');
  });

  it('says where malformed TemplateData is wrong', () => {
    const bad = { pages: { '1': { title: 'Template:Idea', params: { title: { required: 'yes' } } } } };
    const error = failure(bad, 'Idea');
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('params.title.required');
    expect(
      failure({ pages: { '1': { title: 'Template:Idea', params: { a: {} }, paramOrder: ['a', 'zz'] } } })
        .message,
    ).toContain('"zz"');
    expect(failure({ pages: 'none' }).code).toBe('malformed');
    expect(failure(null).code).toBe('malformed');
  });

  it('refuses text that is not JSON, TemplateData without parameters, and an unknown title parameter', () => {
    expect(failure('<html>', 'Idea').code).toBe('not-json');
    expect(failure({ pages: { '1': { title: 'Template:Idea', params: [] } } }).code).toBe('no-params');
    expect(failure(IDEA_PER_LANGUAGE, { template: 'Idea', titleParam: 'nope' }).message).toContain(
      'title field "nope"',
    );
    expect(failure({ params: {} }).message).toContain('name the template');
  });

  it('refuses TemplateData whose aliases clash with another parameter', () => {
    const clash = { params: { a: { aliases: ['b'] }, b: {} } };
    expect(failure(clash, 'X').message).toContain('"b" belongs to two fields');
  });
});

describe('textInLanguage', () => {
  it('resolves plain strings, per-language objects and nothing', () => {
    expect(textInLanguage('Title', 'de')).toBe('Title');
    expect(textInLanguage({ fr: 'Titre' }, 'de')).toBe('Titre');
    expect(textInLanguage(null, 'en')).toBeNull();
    expect(textInLanguage(undefined, 'en')).toBeNull();
  });
});

/** The TemplateData our demo wiki's own templates carry (scripts/mediawiki/templates/). */
function templateDataBlock(path: string): unknown {
  const source = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
  const block = /<templatedata>([\s\S]*?)<\/templatedata>/.exec(source);
  if (!block) throw new Error(`${path} has no <templatedata> block`);
  return JSON.parse(block[1]!);
}

describe('profileFromTemplateData on the demo wiki’s templates', () => {
  it('labels Template:Project as the built-in Xen profile does', () => {
    const profile = profileFromTemplateData(
      templateDataBlock('scripts/mediawiki/templates/Project.wikitext'),
      'Project',
    );
    const labels = (fields: { param: string; label: string }[]) =>
      Object.fromEntries(fields.map((field) => [field.param, field.label]));
    expect(labels(profile.fields)).toEqual(labels(XEN_PROFILE.fields));
    expect(profile.titleParam).toBe('Project');
  });

  it('reads Template:Idea with its own parameters', () => {
    const profile = profileFromTemplateData(
      templateDataBlock('scripts/mediawiki/templates/Idea.wikitext'),
      'Idea',
    );
    expect(profile.fields.map((field) => field.param)).toEqual([
      'title',
      'mentors',
      'level',
      'tags',
      'summary',
    ]);
    expect(profile.titleParam).toBe('title');
  });
});
