import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../lib/wikitext/index.ts';
import { headingsOf, problemCodes, shapes, spans } from './helpers.ts';

// Expectations follow MediaWiki 1.39's Preprocessor_Hash (page view); each was checked against it.

describe('braces', () => {
  it('finds a template with named and positional parameters in order', () => {
    expect(shapes('{{project|Project=A|x|Date=1|y}}')).toEqual(['project(Project=A|x|Date=1|y)']);
    const [t] = scanPage('{{a|x|k=v|y}}').transclusions;
    expect(t!.params.map((p) => [p.name, p.positional])).toEqual([
      ['1', true],
      ['k', false],
      ['2', true],
    ]);
  });

  it('gives exact offsets of the template, its name and each value', () => {
    const text = 'ab {{ pro\nject |Name = v1\n| 2 }} cd';
    const [t] = scanPage(text).transclusions;
    expect(text.slice(t!.start, t!.end)).toBe('{{ pro\nject |Name = v1\n| 2 }}');
    expect(text.slice(t!.nameStart, t!.nameEnd)).toBe(' pro\nject ');
    const [named, positional] = t!.params;
    expect(text.slice(named!.start, named!.end)).toBe('|Name = v1\n');
    expect(text.slice(named!.nameStart, named!.nameEnd)).toBe('Name ');
    expect(named!.value).toBe(' v1\n');
    expect(text.slice(named!.valueStart, named!.valueEnd)).toBe(' v1\n');
    expect(positional!.value).toBe(' 2 ');
    expect(positional!.nameStart).toBe(positional!.valueStart);
  });

  it('treats parser functions and magic words as template nodes too', () => {
    expect(shapes('{{#if: x | y | z}}{{!}}{{PAGENAME}}')).toEqual(['#if: x( y | z)', '!()', 'PAGENAME()']);
  });

  it('does not list template arguments but finds templates inside them', () => {
    expect(shapes('{{{1}}} {{{x|{{project}}}}}')).toEqual(['^project()']);
  });

  it('splits runs of braces the way MediaWiki does', () => {
    expect(spans('{{{{{a}}}}}')).toEqual(['{{{{{a}}}}}']); // a template whose name is the argument {{{a}}}
    expect(spans('{{{a}}')).toEqual(['{{a}}']);
    expect(spans('{{a}}}')).toEqual(['{{a}}']);
    expect(spans('{{{{a}}}}')).toEqual([]); // "{" + {{{a}}} + "}"
    expect(spans('x{{{{a}}')).toEqual(['{{a}}']); // the innermost braces pair up; "{{" is left as text
    expect(shapes('x{{{{a}}')).toEqual(['a()']);
  });

  it('flags templates nested in another one', () => {
    expect(shapes('{{outer|a={{inner|b}}|{{second}}}}')).toEqual([
      'outer(a={{inner|b}}|{{second}})',
      '^inner(b)',
      '^second()',
    ]);
  });

  it('reads a leftover single brace as text', () => {
    expect(shapes('{a}} {{b}}')).toEqual(['b()']);
  });
});

describe('links', () => {
  it('keeps a pipe inside [[…]] from splitting a parameter', () => {
    expect(shapes('{{a|x=[[Page|label]]|y}}')).toEqual(['a(x=[[Page|label]]|y)']);
  });

  it('keeps `=` inside a link from naming a parameter', () => {
    expect(shapes('{{a|[[b=c]]}}')).toEqual(['a([[b=c]])']);
  });

  it('lets an unclosed [[ swallow the closing braces', () => {
    expect(shapes('{{a|[[b}}')).toEqual([]);
    expect(problemCodes('{{a|[[b}}')).toEqual(['unclosed-template', 'unclosed-link', 'stray-close']);
  });

  it('handles single and triple brackets', () => {
    expect(shapes('{{a|[x|y]|z}}')).toEqual(['a([x|y]|z)']);
    expect(shapes('{{a|[[[x|y]]]}}')).toEqual(['a([[[x|y]]])']);
  });
});

describe('pipes and equals', () => {
  it('splits at the first top-level `=` only', () => {
    expect(shapes('{{a|k=v=w}}')).toEqual(['a(k=v=w)']);
  });

  it('does not split at `=` inside a nested template, comment or tag', () => {
    expect(shapes('{{a|{{b|c=d}}}}')[0]).toBe('a({{b|c=d}})');
    expect(shapes('{{a|<!-- c=d -->x}}')[0]).toBe('a(<!-- c=d -->x)');
    expect(shapes('{{a|<nowiki>c=d|e</nowiki>}}')[0]).toBe('a(<nowiki>c=d|e</nowiki>)');
    expect(shapes('{{a|<ref name="x">c=d|e</ref>}}')[0]).toBe('a(<ref name="x">c=d|e</ref>)');
  });

  it('names a parameter by its text, comments removed, around a nested template', () => {
    expect(shapes('{{a| ke<!--x-->y = v}}')).toEqual(['a(key= v)']);
    expect(shapes('{{a|{{b}}c=d}}')).toEqual(['a({{b}}c=d)', '^b()']);
  });

  it('keeps the name of a template as MediaWiki reads it', () => {
    const [t] = scanPage('{{ <!-- c -->Template:Project\n|x}}').transclusions;
    expect(t!.template).toBe('Template:Project');
  });
});

describe('headings', () => {
  it('lists top-level headings with level and text', () => {
    expect(headingsOf('== A ==\ntext\n=== B <!-- c --> ===\n= C =\n')).toEqual(['2:A', '3:B', '1:C']);
  });

  it('takes the shorter run of `=` as the level and keeps the rest in the text', () => {
    expect(headingsOf('=== A ==\n')).toEqual(['2:= A']);
    expect(headingsOf('== A ===\n')).toEqual(['2:A =']);
  });

  it('reads a line of only `=` like the core parser', () => {
    expect(headingsOf('=====\n==\n')).toEqual(['2:=']);
  });

  it('accepts a comment and blanks after the closing run', () => {
    expect(headingsOf('== A == <!-- x --> \nb')).toEqual(['2:A']);
    expect(headingsOf('== A == x\n')).toEqual([]);
  });

  it('finds the closing run before a run of comments at the line end, and none before text', () => {
    expect(
      headingsOf('== A == <!-- x --> <!-- y -->\n=== B ===<!--x--><!--y-->\n==D==<!-- x -->y\n'),
    ).toEqual(['2:A', '3:B']);
  });

  it('gives each transclusion the path of headings above it', () => {
    const page = scanPage('{{a}}\n== S ==\n=== T ===\n{{b}}\n== U ==\n{{c}}\n');
    expect(page.transclusions.map((t) => t.section)).toEqual([[], ['S', 'T'], ['U']]);
  });

  it('does not split a parameter at `=` of a heading line inside a template', () => {
    expect(shapes('{{a|x\n== H ==\n}}')).toEqual(['a(x\n== H ==\n)']);
    expect(headingsOf('{{a|x\n== H ==\n}}')).toEqual([]);
  });

  it('lets a lone `=` at a line start split a parameter instead', () => {
    expect(shapes('{{a|x\n=y}}')).toEqual(['a(x=y)']);
    expect(scanPage('{{a|x\n=y}}').transclusions[0]!.params[0]!.name).toBe('x');
  });

  it('keeps `|` and `}}` on a heading line inside a template from acting', () => {
    expect(shapes('{{a|b=\n==H==|c}}\n}}')).toEqual(['a(b=\n==H==|c}}\n)']);
  });

  it('makes a heading inside an unclosed template a page heading', () => {
    expect(headingsOf('{{a|\n== H ==\n')).toEqual(['2:H']);
  });

  it('finds a heading right after a comment that ate its line', () => {
    expect(headingsOf('x\n<!-- c -->\n== H ==\n')).toEqual(['2:H']);
  });
});

describe('comments', () => {
  it('hides templates inside comments', () => {
    expect(shapes('<!-- {{project}} --> {{b}}')).toEqual(['b()']);
  });

  it('runs an unterminated comment to the end and reports it', () => {
    expect(shapes('{{a}}<!-- {{b}}')).toEqual(['a()']);
    const [p] = scanPage('{{a}}<!-- {{b}}').problems;
    expect(p).toMatchObject({ code: 'unterminated-comment', start: 5, end: 15 });
    expect(p!.message).toContain('never closed');
  });

  it('closes `<!-->` only with a later `-->`', () => {
    expect(shapes('<!--> {{a}} -->{{b}}')).toEqual(['b()']);
  });

  it('eats a comment line inside a template without changing the raw value', () => {
    const text = '{{a|k=v\n  <!-- c -->\n|j=w}}';
    const [t] = scanPage(text).transclusions;
    expect(t!.params.map((p) => p.value)).toEqual(['v\n  <!-- c -->\n', 'w']);
  });
});

describe('extension tags', () => {
  it('keeps the content of nowiki, pre, ref, gallery and others opaque', () => {
    for (const tag of ['nowiki', 'pre', 'ref', 'gallery', 'references', 'indicator', 'templatedata']) {
      expect(shapes(`<${tag}>{{a}}</${tag}>{{b}}`)).toEqual(['b()']);
    }
  });

  it('matches tag names in any case, with attributes and blanks before the `>` of the closing tag', () => {
    expect(shapes('<REF name="x">{{a}}</Ref >{{b}}')).toEqual(['b()']);
  });

  it('reads a self-closing tag as having no content', () => {
    expect(shapes('<ref name="x"/>{{a}}<ref/>')).toEqual(['a()']);
  });

  it('shows an unclosed tag as text and reports it', () => {
    expect(shapes('<ref>{{a}}')).toEqual(['a()']);
    expect(problemCodes('<ref>{{a}}')).toEqual(['unclosed-tag']);
  });

  it('stays linear on many unclosed tags', () => {
    const text = `${'<ref>'.repeat(20_000)}{{a}}`;
    expect(shapes(text)).toEqual(['a()']);
    expect(problemCodes(text)).toHaveLength(20_000);
  });

  it('ignores names that are not extension tags, and uses the wiki list when given', () => {
    expect(shapes('<math>{{a}}</math>')).toEqual(['a()']);
    expect(shapes('<math>{{a}}</math>', { extensionTags: ['math'] })).toEqual([]);
    expect(shapes('<nowiki>{{a}}</nowiki>', { extensionTags: ['<pre>'] })).toEqual(['a()']);
  });

  it('reads no tag name longer than 99 characters, even a listed one', () => {
    const name = 'r'.repeat(100);
    expect(shapes(`<${name}>{{a}}</${name}>{{b}}`, { extensionTags: [name] })).toEqual(['a()', 'b()']);
    expect(
      shapes(`<${name.slice(1)}>{{a}}</${name.slice(1)}>{{b}}`, { extensionTags: [name.slice(1)] }),
    ).toEqual(['b()']);
  });

  it('needs a blank, `>` or `/>` right after the name', () => {
    expect(shapes('<refx>{{a}}</refx><ref/x>{{b}}')).toEqual(['a()', 'b()']);
  });

  it('reads no tag at all once a `<` has no `>` after it', () => {
    expect(shapes('<ref <nowiki {{a}}')).toEqual(['a()']);
  });
});

describe('include markup (page view)', () => {
  it('drops includeonly with its content', () => {
    expect(shapes('<includeonly>{{a}}</includeonly>{{b}}')).toEqual(['b()']);
  });

  it('runs an unclosed includeonly to the end, but only when written in lower case', () => {
    expect(shapes('<includeonly>{{a}}')).toEqual([]);
    expect(shapes('<INCLUDEONLY>{{a}}')).toEqual(['a()']);
  });

  it('drops the noinclude and onlyinclude tags but keeps their content', () => {
    expect(shapes('<noinclude>{{a}}</noinclude><onlyinclude>{{b}}</onlyinclude>')).toEqual(['a()', 'b()']);
    expect(shapes('{{a|<noinclude>x</noinclude>k=v}}')).toEqual(['a(xk=v)']);
    expect(scanPage('{{a|<noinclude>x</noinclude>k=v}}').transclusions[0]!.params[0]!.name).toBe('xk');
  });
});

describe('language conversion', () => {
  it('keeps `|` inside -{ }- from splitting a parameter', () => {
    expect(shapes('{{a|-{x|y}-|z}}')).toEqual(['a(-{x|y}-|z)']);
  });

  it('lets an unclosed -{ swallow the closing braces', () => {
    expect(shapes('{{a|-{x}}')).toEqual([]);
  });

  it('reads -{{ as a template (the rightmost rule wins)', () => {
    expect(spans('-{{a}}')).toEqual(['{{a}}']);
  });

  it('can be switched off, as on wikis with $wgDisableLangConversion', () => {
    expect(shapes('{{a|-{x|y}-}}', { languageConversion: false })).toEqual(['a(-{x|y}-)']);
  });
});

describe('tables', () => {
  it('splits a parameter at the `|` of a raw table, as MediaWiki does', () => {
    // `| class="t"` even becomes a named parameter.
    expect(shapes('{{a|x=\n{| class="t"\n| c\n|}\n}}')).toEqual(['a(x=\n{|class="t"\n| c\n|}\n)']);
    expect(scanPage('{{a|x=\n{|\n| c\n|}\n}}').transclusions[0]!.params).toHaveLength(4);
  });
});

describe('text kinds', () => {
  it('keeps CRLF, tabs and astral characters, with offsets in UTF-16 units', () => {
    const text = '😀\t{{a|k=é😀\r\n}}';
    const [t] = scanPage(text).transclusions;
    expect(t!.start).toBe(3);
    expect(t!.params[0]!.value).toBe('é😀\r\n');
    expect(text.slice(t!.params[0]!.valueStart, t!.params[0]!.valueEnd)).toBe('é😀\r\n');
  });

  it('does not take a heading ending in CR for a heading (the preprocessor sees no heading there)', () => {
    expect(headingsOf('== A ==\r\n')).toEqual([]);
  });
});

describe('malformed input', () => {
  it('reports an unclosed template and finds what closes inside it', () => {
    const page = scanPage('{{a|{{b}}');
    expect(page.transclusions.map((t) => [t.template, t.nested])).toEqual([['b', false]]);
    expect(page.problems).toMatchObject([{ code: 'unclosed-template', start: 0, end: 2 }]);
  });

  it('reports a stray }} with its offsets', () => {
    expect(scanPage('x }} y').problems).toMatchObject([{ code: 'stray-close', start: 2, end: 4 }]);
    expect(problemCodes('{{a}}}')).toEqual([]);
  });

  it('survives nesting 10,000 deep', () => {
    const deep = '{{a|'.repeat(10_000) + '}}'.repeat(10_000);
    const page = scanPage(deep);
    expect(page.transclusions).toHaveLength(10_000);
    expect(page.transclusions.filter((t) => !t.nested)).toHaveLength(1);
    const unclosed = scanPage('{{a|[[b|'.repeat(10_000));
    expect(unclosed.transclusions).toEqual([]);
    expect(unclosed.problems).toHaveLength(20_000);
    // 30,002 braces: 10,000 arguments {{{…}}} inside one template.
    expect(scanPage('{'.repeat(30_002) + '}'.repeat(30_002)).transclusions).toHaveLength(1);
  });

  it('stays linear on long runs of closing braces and brackets', () => {
    // 300,002 braces: 100,000 arguments {{{…}}} inside one template; each close looks at three `}`.
    expect(scanPage('{'.repeat(300_002) + '}'.repeat(300_002)).transclusions).toHaveLength(1);
    expect(scanPage('[['.repeat(100_000) + ']]'.repeat(100_000)).problems).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    for (const text of [
      '',
      '{',
      '}',
      '<',
      '<!--',
      '[[',
      '-{',
      '=',
      '\n',
      '<ref',
      '{{|=}}',
      '{{{{{{{{',
      '}}}}}}}}',
    ]) {
      expect(() => scanPage(text)).not.toThrow();
    }
    expect(scanPage(undefined as unknown as string).transclusions).toEqual([]);
  });
});
