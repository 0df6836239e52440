import { describe, expect, it } from 'vitest';
import {
  addParam,
  applyEdits,
  deleteEntry,
  findTransclusions,
  getParamValue,
  insertEntry,
  removeParam,
  scanPage,
  setParamValue,
  type TextEdit,
  type Transclusion,
} from '../../../lib/wikitext/index.ts';

const PROJECT = { name: 'project', aliases: [] };
const ORDER = ['Project', 'Date', 'Verified', 'Contact', 'Difficulty', 'Skills', 'GSoC', 'Desc', 'Outcomes'];
const first = (text: string): Transclusion => findTransclusions(text, PROJECT).transclusions[0]!;
const apply = (text: string, edit: (t: Transclusion) => TextEdit) => applyEdits(text, [edit(first(text))]);

describe('setParamValue', () => {
  it('keeps the blanks that surrounded the old value', () => {
    expect(
      apply('{{project\n|Name = old\n}}', (t) =>
        setParamValue('{{project\n|Name = old\n}}', t, 'Name', 'new'),
      ),
    ).toBe('{{project\n|Name = new\n}}');
    const inline = '{{project | Name = old | X = 1 }}';
    expect(apply(inline, (t) => setParamValue(inline, t, 'Name', ' new '))).toBe(
      '{{project | Name = new | X = 1 }}',
    );
  });

  it('fills an empty value before its newline', () => {
    const text = '{{project\n|Verified=\n|Date= \n}}';
    let out = apply(text, (t) => setParamValue(text, t, 'Verified', 'yes'));
    expect(out).toBe('{{project\n|Verified=yes\n|Date= \n}}');
    out = apply(out, (t) => setParamValue(out, t, 'Date', '2014'));
    expect(out).toBe('{{project\n|Verified=yes\n|Date= 2014\n}}');
  });

  it('sets the copy MediaWiki reads when a name is written twice', () => {
    const text = '{{project|A=1|A=2}}';
    expect(apply(text, (t) => setParamValue(text, t, 'A', '3'))).toBe('{{project|A=1|A=3}}');
  });

  it('replaces a positional value whole, blanks included', () => {
    const text = '{{project| one |two}}';
    expect(apply(text, (t) => setParamValue(text, t, '1', 'x'))).toBe('{{project|x|two}}');
  });

  it('adds the parameter when it is missing', () => {
    const text = '{{project\n|A=1\n}}';
    expect(apply(text, (t) => setParamValue(text, t, 'B', '2'))).toBe('{{project\n|A=1\n|B=2\n}}');
  });

  it('touches only the old value, multi-line values included', () => {
    const text = 'before {{project\n|Desc=line one\nline two\n|Outcomes=x\n}} after';
    const t = first(text);
    const edit = setParamValue(text, t, 'Desc', 'new\ntext');
    expect(text.slice(edit.start, edit.end)).toBe('line one\nline two');
    expect(applyEdits(text, [edit])).toBe('before {{project\n|Desc=new\ntext\n|Outcomes=x\n}} after');
  });
});

describe('getParamValue', () => {
  it('reads a named value trimmed, a positional one raw, and nothing for an absent one', () => {
    const t = first('{{project|A = x \n| y }}');
    expect(getParamValue(t, 'A')).toBe('x');
    expect(getParamValue(t, '1')).toBe(' y ');
    expect(getParamValue(t, 'B')).toBeUndefined();
  });
});

describe('addParam', () => {
  it('puts a parameter where the profile order says, one per line', () => {
    const text = '{{project\n|Project=T\n|Contact=C\n|Outcomes=O\n}}';
    expect(apply(text, (t) => addParam(text, t, 'Date', '2014', ORDER))).toBe(
      '{{project\n|Project=T\n|Date=2014\n|Contact=C\n|Outcomes=O\n}}',
    );
    expect(apply(text, (t) => addParam(text, t, 'Project0', 'x', ['Project0', ...ORDER]))).toBe(
      '{{project\n|Project0=x\n|Project=T\n|Contact=C\n|Outcomes=O\n}}',
    );
    expect(apply(text, (t) => addParam(text, t, 'Extra', 'x', ORDER))).toBe(
      '{{project\n|Project=T\n|Contact=C\n|Outcomes=O\n|Extra=x\n}}',
    );
  });

  it('follows an inline layout with its blanks', () => {
    const text = '{{project | Project = T | Outcomes = O }}';
    expect(apply(text, (t) => addParam(text, t, 'Date', '1', ORDER))).toBe(
      '{{project | Project = T | Date = 1 | Outcomes = O }}',
    );
    const tight = '{{project|Project=T}}';
    expect(apply(tight, (t) => addParam(tight, t, 'Date', '1', ORDER))).toBe('{{project|Project=T|Date=1}}');
  });

  it('gives a new last parameter its own line when the closing braces share the last line', () => {
    const text = '{{project\n|Project=T\n|Date=1}}';
    expect(apply(text, (t) => addParam(text, t, 'Outcomes', 'O', ORDER))).toBe(
      '{{project\n|Project=T\n|Date=1\n|Outcomes=O}}',
    );
  });

  it('adds to an entry without parameters in its layout', () => {
    expect(apply('{{project}}', (t) => addParam('{{project}}', t, 'Project', 'T', ORDER))).toBe(
      '{{project|Project=T}}',
    );
    expect(apply('{{project\n}}', (t) => addParam('{{project\n}}', t, 'Project', 'T', ORDER))).toBe(
      '{{project\n|Project=T\n}}',
    );
  });

  it('sets the value instead when the parameter is there', () => {
    const text = '{{project|Date=1}}';
    expect(apply(text, (t) => addParam(text, t, 'Date', '2', ORDER))).toBe('{{project|Date=2}}');
  });
});

describe('removeParam', () => {
  it('removes the parameter with its line', () => {
    const text = '{{project\n|A=1\n|B=2\n|C=3\n}}';
    expect(apply(text, (t) => removeParam(text, t, 'B'))).toBe('{{project\n|A=1\n|C=3\n}}');
    expect(apply(text, (t) => removeParam(text, t, 'C'))).toBe('{{project\n|A=1\n|B=2\n}}');
  });

  it('removes every copy of a name, and nothing when it is absent', () => {
    const text = '{{project|A=1|B=2|A=3}}';
    expect(apply(text, (t) => removeParam(text, t, 'A'))).toBe('{{project|B=2}}');
    expect(apply(text, (t) => removeParam(text, t, 'Z'))).toBe(text);
  });
});

describe('applyEdits', () => {
  it('applies edits in any order, keeping insertions at one offset in order', () => {
    const edits = [
      { start: 4, end: 5, text: 'E' },
      { start: 0, end: 0, text: '1' },
      { start: 0, end: 0, text: '2' },
    ];
    expect(applyEdits('abcdef', edits)).toBe('12abcdEf');
  });

  it('returns the text unchanged for no edits and refuses overlapping ones', () => {
    expect(applyEdits('x{{a}}y', [])).toBe('x{{a}}y');
    expect(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, text: '' },
        { start: 2, end: 4, text: '' },
      ]),
    ).toThrow(RangeError);
  });
});

describe('insertEntry', () => {
  const page = [
    'Intro',
    '== GSoC ==',
    '{{project',
    '|Project=One',
    '|Date=1',
    '}}',
    '',
    '{{project',
    '|Project=Two',
    '|Outcomes=O',
    '}}',
    '',
    '== Other ==',
    'text',
    '',
  ].join('\n');

  it('adds at the end of the section, in the house style of its entries', () => {
    const edit = insertEntry(page, scanPage(page), ['GSoC'], 'project', [
      ['Project', 'Three'],
      ['Date', '2'],
      ['Outcomes', 'P'],
    ]);
    const out = applyEdits(page, [edit]);
    expect(out).toContain(
      '|Outcomes=O\n}}\n\n{{project\n|Project=Three\n|Date=2\n|Outcomes=P\n}}\n\n== Other ==',
    );
    expect(out.slice(0, edit.start)).toBe(page.slice(0, edit.start));
    expect(out.slice(edit.start + edit.text.length)).toBe(page.slice(edit.end));
  });

  it('writes a section without entries in the page style, right under its heading', () => {
    const out = applyEdits(page, [
      insertEntry(page, scanPage(page), ['Other'], 'project', [['Project', 'X']]),
    ]);
    expect(out.endsWith('== Other ==\ntext\n\n{{project\n|Project=X\n}}\n')).toBe(true);
    const bare = '== A ==\n\n== B ==\n';
    expect(applyEdits(bare, [insertEntry(bare, scanPage(bare), ['A'], 'project', [['Project', 'X']])])).toBe(
      '== A ==\n{{project\n|Project=X\n}}\n\n== B ==\n',
    );
  });

  it('copies an inline house style and its separator', () => {
    const text = '== S ==\n{{project | Project = A }}\n{{project | Project = B }}\n';
    const out = applyEdits(text, [insertEntry(text, scanPage(text), ['S'], 'project', [['Project', 'C']])]);
    expect(out).toBe(
      '== S ==\n{{project | Project = A }}\n{{project | Project = B }}\n{{project | Project = C }}\n',
    );
  });

  it('finds a subsection by its path and stops before the next heading of the same level', () => {
    const text = '== A ==\n=== B ===\nb\n=== C ===\nc\n== D ==\n';
    const out = applyEdits(text, [
      insertEntry(text, scanPage(text), ['A', 'B'], 'project', [['Project', 'X']]),
    ]);
    expect(out).toBe('== A ==\n=== B ===\nb\n\n{{project\n|Project=X\n}}\n=== C ===\nc\n== D ==\n');
  });

  it('adds at the end of the page when the section is not there', () => {
    const text = 'only text';
    expect(
      applyEdits(text, [insertEntry(text, scanPage(text), ['Nope'], 'project', [['Project', 'X']])]),
    ).toBe('only text\n\n{{project\n|Project=X\n}}');
  });
});

describe('deleteEntry', () => {
  it('removes the entry and the line it leaves empty, and a doubled blank line', () => {
    const text = 'a\n\n{{project|Project=1}}\n\n{{project|Project=2}}\n';
    const [one, two] = findTransclusions(text, PROJECT).transclusions;
    expect(applyEdits(text, [deleteEntry(text, one!)])).toBe('a\n\n{{project|Project=2}}\n');
    expect(applyEdits(text, [deleteEntry(text, two!)])).toBe('a\n\n{{project|Project=1}}\n\n');
  });

  it('leaves the rest of a line that holds other text', () => {
    const text = 'see {{project|Project=1}} here';
    expect(applyEdits(text, [deleteEntry(text, first(text))])).toBe('see  here');
  });

  it('removes a last line without a newline after it', () => {
    const text = 'a\n{{project}}';
    expect(applyEdits(text, [deleteEntry(text, first(text))])).toBe('a');
  });
});
