import fc from 'fast-check';
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

/**
 * Properties over generated pages that mix every construct the codec knows (and some broken ones):
 * the scan never throws and its offsets hold its text; an unedited page comes back byte for byte;
 * an edit changes only its span; a value set is the value read back.
 */

const PROJECT = { name: 'project', aliases: [] };
const ORDER = ['Project', 'Date', 'Contact', 'Desc', 'Outcomes'];

const word = fc.constantFrom(
  'alpha',
  'beta gamma',
  'é😀',
  'x_y',
  '01/20/2014',
  'a = b',
  ' ',
  '\t',
  'Ünïcode',
);
const inline = fc.constantFrom(
  '[[Page|label]]',
  '[https://example.org x|y]',
  '{{#if: a | b | c }}',
  '{{Comment|[[User:A|A]] 14:14, 23 January 2013 (UTC):}} remark',
  '<!-- c = | }} -->',
  '<nowiki>{{project|x}}</nowiki>',
  '<ref name="r">{{cite|a=b}}</ref>',
  '<ref name="r"/>',
  '-{zh:a;en|b}-',
  '{{{1|default}}}',
  '<pre>| = }}</pre>',
  '\r\n',
  '\n* item\n',
  '\n{| class="t"\n| cell || cell\n|}\n',
);
const value = fc.array(fc.oneof(word, inline), { maxLength: 5 }).map((parts) => parts.join(''));
const param = fc.tuple(fc.constantFrom(...ORDER, 'Extra'), value);
const entry = fc
  .tuple(
    fc.constantFrom('project', 'Project', 'Template:project', ' project ', 'other'),
    fc.array(param, { maxLength: 5 }),
    fc.boolean(),
  )
  .map(([name, params, multiline]) => {
    const sep = multiline ? '\n' : '';
    return `{{${name}${sep}${params.map(([n, v]) => `|${n}=${v}${sep}`).join('')}}}`;
  });
const noise = fc.constantFrom(
  '}}',
  '{{',
  '[[',
  '<!--',
  '<ref>',
  '{{{',
  ']]',
  '-{',
  '<includeonly>',
  '== x',
  '|',
  '=',
);
const block = fc.oneof(
  { weight: 4, arbitrary: entry },
  { weight: 2, arbitrary: fc.constantFrom('== Section ==', '=== Sub ===', '= Top =', '== A <!-- c --> ==') },
  { weight: 2, arbitrary: value },
  { weight: 1, arbitrary: noise },
);
const page = fc.array(block, { maxLength: 12 }).chain((blocks) =>
  fc
    .array(fc.constantFrom('\n', '\n\n', ' ', '\r\n'), {
      minLength: blocks.length,
      maxLength: blocks.length,
    })
    .map((seps) => blocks.map((b, k) => b + seps[k]).join('')),
);

const entries = (text: string) => findTransclusions(text, PROJECT).transclusions;

/** An edit that only changes its span: the bytes before and after it are the input's. */
function expectOnlySpan(text: string, edit: TextEdit) {
  const out = applyEdits(text, [edit]);
  expect(out.slice(0, edit.start)).toBe(text.slice(0, edit.start));
  expect(out.slice(edit.start + edit.text.length)).toBe(text.slice(edit.end));
  return out;
}

describe('scan properties', () => {
  it('never throws, and every offset holds the text it reports', () => {
    fc.assert(
      fc.property(page, (text) => {
        const scan = scanPage(text);
        expect(scan.problems.filter((p) => p.code === 'internal-error')).toEqual([]);
        for (const t of scan.transclusions) {
          expect(text.slice(t.start, t.start + 2)).toBe('{{');
          expect(text.slice(t.end - 2, t.end)).toBe('}}');
          for (const p of t.params) {
            expect(text[p.start]).toBe('|');
            expect(text.slice(p.valueStart, p.valueEnd)).toBe(p.value);
            expect(p.start < p.valueStart || p.positional).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('also never throws on arbitrary strings of wikitext characters', () => {
    const chars = fc.constantFrom(...'{}[]|=<>!-\n \t/abcnowikirefpre'.split(''), '<!--', '-->', '😀');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 200 }), (parts) => {
        const scan = scanPage(parts.join(''));
        expect(scan.problems.filter((p) => p.code === 'internal-error')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('round trip', () => {
  it('returns an unedited page exactly, also when every value is set to itself', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(applyEdits(text, [])).toBe(text);
        const same = (t: Transclusion) =>
          [...new Set(t.params.map((p) => p.name))].map((name) =>
            setParamValue(text, t, name, getParamValue(t, name)!),
          );
        const top = scanPage(text).transclusions.filter((t) => !t.nested);
        expect(applyEdits(text, top.flatMap(same))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('edits change only their span', () => {
  const operation = fc.constantFrom('set', 'add', 'remove', 'delete', 'insert');
  it('holds for a random edit of a random entry', () => {
    fc.assert(
      fc.property(page, operation, fc.nat(), fc.constantFrom(...ORDER), value, (text, op, pick, name, v) => {
        const found = entries(text);
        if (op === 'insert') {
          const scan = scanPage(text);
          const path = scan.transclusions[pick % Math.max(1, scan.transclusions.length)]?.section ?? [];
          const edit = insertEntry(text, scan, path, 'project', [[name, 'v']]);
          const out = expectOnlySpan(text, edit);
          // Something left open (a comment, <includeonly>, `{{`…) may swallow the new entry, as on the wiki.
          if (!scan.problems.length) expect(entries(out)).toHaveLength(found.length + 1);
          return;
        }
        const t = found[pick % Math.max(1, found.length)];
        if (!t) return;
        const edit =
          op === 'set'
            ? setParamValue(text, t, name, v)
            : op === 'add'
              ? addParam(text, t, name, v, ORDER)
              : op === 'remove'
                ? removeParam(text, t, name)
                : deleteEntry(text, t);
        if (op !== 'delete') {
          expect(edit.start).toBeGreaterThanOrEqual(t.start);
          expect(edit.end).toBeLessThanOrEqual(t.end);
        }
        expectOnlySpan(text, edit);
      }),
      { numRuns: 400 },
    );
  });
});

describe('set and get', () => {
  // Values that cannot open or split wikitext structures: what a form field holds once escaped.
  const safe = fc
    .array(fc.constantFrom('a', 'b c', 'é', '😀', '=', ' ', '\n', '01/02/2014', '* item', ':', '.'), {
      maxLength: 8,
    })
    // A `=` starting a line (the value may follow a kept newline, and is trimmed first) opens a heading
    // that swallows a `}}` on its line: a structure too, which publishing refuses (lib/publish).
    .map((parts) =>
      parts
        .join('')
        .replace(/^(?:\s*=+)+/, '')
        .replace(/\n=+/g, '\n'),
    );

  it('reads back the value set, and leaves the other parameters and entries alone', () => {
    fc.assert(
      fc.property(page, fc.nat(), fc.constantFrom(...ORDER), safe, (text, pick, name, v) => {
        const found = entries(text);
        const t = found[pick % Math.max(1, found.length)];
        if (!t || t.params.some((p) => p.name === name && p.positional)) return;
        const out = applyEdits(text, [setParamValue(text, t, name, v)]);
        const after = entries(out);
        expect(after).toHaveLength(found.length);
        const k = found.indexOf(t);
        expect(getParamValue(after[k]!, name)).toBe(v.trim());
        for (const p of t.params.filter((q) => q.name !== name)) {
          expect(getParamValue(after[k]!, p.name)).toBe(getParamValue(t, p.name));
        }
        for (const [j, other] of found.entries()) {
          if (j !== k && !other.nested && !t.nested) {
            expect(other.params.map((p) => p.value)).toEqual(after[j]!.params.map((p) => p.value));
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
