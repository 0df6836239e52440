import { describe, expect, it } from 'vitest';
import { findTransclusions, templateNameMatches } from '../../../lib/wikitext/index.ts';

const PROJECT = { name: 'Project', aliases: [] };
const matches = (written: string) => templateNameMatches(written, PROJECT);

describe('templateNameMatches', () => {
  it('ignores the case of the first letter only', () => {
    expect(matches('project')).toBe(true);
    expect(matches('Project')).toBe(true);
    expect(matches('PROJECT')).toBe(false);
    expect(matches('proJect')).toBe(false);
  });

  it('treats spaces and underscores alike, collapsed, and trims blanks and comments', () => {
    const matcher = { name: 'Project idea', aliases: [] };
    for (const written of [
      'Project_idea',
      'project__idea',
      ' project \u00a0 idea\n',
      '<!-- x -->Project idea<!--y-->',
    ]) {
      expect(templateNameMatches(written, matcher)).toBe(true);
    }
    expect(templateNameMatches('Projectidea', matcher)).toBe(false);
  });

  it('collapses every Unicode space separator, U+180E and `_`, but not tabs, newlines or U+FEFF', () => {
    const matcher = { name: 'Project idea', aliases: [] };
    for (const space of ['\u3000', '\u2028', '\u180e', '_', '\u00a0\u1680 ', '\u200e ']) {
      expect(templateNameMatches(`Project${space}idea`, matcher)).toBe(true);
    }
    for (const other of ['\t', '\n', '\ufeff', '\u200b']) {
      expect(templateNameMatches(`Project${other}idea`, matcher)).toBe(false);
    }
  });

  it('takes an optional Template: prefix in any case, with blanks around the colon', () => {
    for (const written of [
      'Template:project',
      'template:Project',
      'TEMPLATE : project',
      'Template_:_project',
    ]) {
      expect(matches(written)).toBe(true);
    }
    expect(templateNameMatches('project', { name: 'Template:Project', aliases: [] })).toBe(true);
    expect(matches('User:project')).toBe(false);
  });

  it('reads a leading colon as the main namespace, unless Template: follows', () => {
    expect(matches(':project')).toBe(false);
    expect(matches(':Template:project')).toBe(true);
  });

  it('follows what a page view does with subst:, safesubst:, msg: and msgnw:', () => {
    expect(matches('safesubst:project')).toBe(true);
    expect(matches('msg:project')).toBe(true);
    expect(matches('subst:project')).toBe(false);
    expect(matches('msgnw:project')).toBe(false);
  });

  it('decodes character references, drops direction marks and a #fragment', () => {
    expect(matches('proj&#101;ct')).toBe(true);
    expect(matches('proj&#x65;ct')).toBe(true);
    expect(matches('\u200eproject')).toBe(true);
    expect(matches('project#Section')).toBe(true);
    expect(matches('&#99999999;')).toBe(false);
  });

  it('reads an argument in the name as its default (a page has no arguments)', () => {
    expect(matches('{{{1|project}}}')).toBe(true);
    expect(matches('{{{|safesubst:}}}project')).toBe(true);
    expect(matches('{{{1}}}')).toBe(false);
    expect(matches('{{x}}project')).toBe(false);
  });

  it('accepts aliases, and matches astral first letters', () => {
    expect(templateNameMatches('Idea', { name: 'Project', aliases: ['idea'] })).toBe(true);
    expect(templateNameMatches('😀x', { name: '😀x', aliases: [] })).toBe(true);
    expect(templateNameMatches('', { name: 'Project', aliases: [] })).toBe(false);
  });
});

describe('findTransclusions', () => {
  it('keeps only the transclusions of the template, in page order, and all problems', () => {
    const page = findTransclusions('{{Project|a}} {{other}} {{template:project|b}} }}', PROJECT);
    expect(page.transclusions.map((t) => t.params[0]!.value)).toEqual(['a', 'b']);
    expect(page.problems.map((p) => p.code)).toEqual(['stray-close']);
  });

  it('reads a parameter name given by an argument as its default', () => {
    const [t] = findTransclusions('{{project|{{{field|Desc}}}=x}}', PROJECT).transclusions;
    expect(t!.params[0]!.name).toBe('Desc');
  });

  it('finds entries nested in another template, flagged', () => {
    const page = findTransclusions('{{box|content={{project|Project=A}}}}', PROJECT);
    expect(page.transclusions.map((t) => t.nested)).toEqual([true]);
  });
});
