import { describe, expect, it } from 'vitest';
import { escapeBarePipes, valueIssue } from '../../../lib/publish';

const code = (value: string) => valueIssue('Description', value)?.code ?? null;

describe('values that cannot be written as they are', () => {
  it('passes ordinary wikitext, links, templates, tables in templates and nowiki', () => {
    for (const value of [
      'Plain text',
      'See [[Main Page|the main page]] and [http://example.org example].',
      '{{Comment|[[User:Lars.kurth|Lars.kurth]] 14:14, 23 January 2013 (UTC):}} Should be suitable',
      'a {{!}} b',
      '<nowiki>|</nowiki> and <nowiki>~~~~</nowiki>',
      '== the first line follows "Desc=", so it is no heading ==\n* one\n* two',
      'x = y, and = at the start of a later line\n= but not closed',
      'Single [ bracket and ] bracket',
    ]) {
      expect(valueIssue('Description', value), value).toBeNull();
    }
  });

  it('refuses a bare "|" and offers {{!}} instead', () => {
    const issue = valueIssue('Description', 'a | b || c');
    expect(issue?.code).toBe('bare-pipe');
    expect(issue?.message).toMatch(/^Description holds a "\|".*\{\{!\}\}/);
    expect(issue?.fix).toBe('a {{!}} b {{!}}{{!}} c');
    expect(valueIssue('Description', issue!.fix!)).toBeNull();
  });

  it('escapes only the pipes that would split the value', () => {
    expect(escapeBarePipes('[[A|B]] | {{x|y}} | <nowiki>|</nowiki>')).toBe(
      '[[A|B]] {{!}} {{x|y}} {{!}} <nowiki>|</nowiki>',
    );
  });

  it('refuses unbalanced braces, an unclosed link, comment or tag, with what to do', () => {
    expect(code('a {{b')).toBe('unbalanced-braces');
    expect(code('a }} b')).toBe('unbalanced-braces');
    expect(valueIssue('Description', 'a {{b')?.message).toContain('"{{" 1 times, "}}" 0 times');
    expect(code('a [[b')).toBe('unclosed-link');
    expect(code('a <!-- b')).toBe('unclosed-comment');
    expect(code('a <nowiki> b')).toBe('unclosed-tag');
    expect(code('a -{ b')).toBe('unclosed-markup');
    expect(code('a {{{ b')).toBe('unbalanced-braces');
  });

  it('refuses a heading line inside the value', () => {
    expect(code('intro\n== Heading ==\nmore')).toBe('heading-line');
    expect(code('intro\n=Heading=  ')).toBe('heading-line');
  });

  it('refuses what the wiki rewrites on saving, unless it is inert', () => {
    expect(code('signed ~~~~')).toBe('signature');
    expect(code('name ~~~')).toBe('signature');
    expect(code('{{subst:CURRENTYEAR}}')).toBe('subst');
    expect(code('<!-- ~~~~ --> fine')).toBeNull();
  });

  it('refuses a "=" in a positional value, with {{=}} as the fix', () => {
    const issue = valueIssue('1', 'a=b', true);
    expect(issue?.code).toBe('positional-equals');
    expect(issue?.fix).toBe('a{{=}}b');
    expect(valueIssue('1', 'a{{=}}b', true)).toBeNull();
  });
});
