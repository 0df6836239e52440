import { argumentDefaults, cleanText } from './names.ts';
import { angleScanner, report } from './tags.ts';
import type { Heading, TemplateParam, Transclusion, WikitextProblem } from './types.ts';

/**
 * A single forward pass that makes the same decisions as MediaWiki 1.39's Preprocessor_Hash
 * (buildDomTreeArrayFromText) for a page view, but records offsets instead of building a tree.
 * Every open construct lives on an explicit stack, so deep nesting never recurses.
 */

// Kinds of open constructs, named by their opening character: `{{`, `[[`, `-{`, and a heading's `=`.
const BRACE = 123;
const LINK = 91;
const LANG = 45;
const HEAD = 61;

export interface Piece {
  kind: number;
  /** Offset of the first opening character (for a heading: its first `=`). */
  pos: number;
  /** Opening characters not yet matched (for a heading: its opening `=` run). */
  count: number;
  /** A `-` kept aside before `{{` (the `-{` rule lost to `{{`); it may yet open `-{`. */
  dash: boolean;
  /** Per part: where it begins (just after the opening, then each `|`) and its first top-level `=` or -1. */
  parts: number[];
  /** The current part's last comment end and where the blanks before it began (for headings). */
  commentEnd: number;
  visualEnd: number;
  /** How many nodes were not yet known to be nested, and how many headings were found, at its push. */
  loose: number;
  headings: number;
}

export interface RawScan {
  /** `{{…}}` nodes in the order they closed; `section` is filled in by the caller. */
  transclusions: Transclusion[];
  /** Heading lines outside every `{{…}}`/`{{{…}}}` node: the page's own headings. */
  headings: Heading[];
  /** Flat [start, end) pairs of comments and ignored include markup, in page order. */
  skips: number[];
  problems: WikitextProblem[];
}

// Characters that may end a literal run: 1 always, 2 when `|` splits, 4 when `=` splits.
const STOP = new Uint8Array(128);
for (const c of '{[<\n-}]') STOP[c.charCodeAt(0)] = 1;
STOP[124] = 2;
STOP[61] = 4;

/** The first character at or after `at` that may end literal text (apart, so it stays a tight loop). */
function nextStop(text: string, at: number, mask: number): number {
  let k = at;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 128 && STOP[c]! & mask) break;
  }
  return k;
}

export function scan(text: string, extensionTags: readonly string[], langConversion: boolean): RawScan {
  const n = text.length;
  const out: RawScan = { transclusions: [], headings: [], skips: [], problems: [] };
  const angle = angleScanner(text, extensionTags, out);
  const stack: Piece[] = [];
  // Completed nodes no enclosing node has claimed yet (a stack: a closing node claims its tail).
  const loose: { nested: boolean }[] = [];
  let i = 0;
  const open = (kind: number, count: number, dash = false) => {
    const { length } = out.headings;
    stack.push({
      kind,
      pos: i,
      count,
      dash,
      parts: [i + count, -1],
      commentEnd: -1,
      visualEnd: -1,
      loose: loose.length,
      headings: length,
    });
    i += count;
  };
  const run = (at: number, code: number, max = n) => {
    let k = 0;
    while (k < max && text.charCodeAt(at + k) === code) k++;
    return k;
  };
  const back = (at: number, a: number, b: number) => {
    let k = at;
    while (text.charCodeAt(k - 1) === a || text.charCodeAt(k - 1) === b) k--;
    return at - k;
  };

  // At a line start (after a newline, at the text start, or after a comment that ate its line)
  // a run of `=` opens a possible heading, unless a lone `=` could split a template parameter.
  const lineStart = (equals: boolean) => {
    const count = run(i, 61, 6);
    if (count > 1 || (count && !equals)) open(HEAD, count);
  };

  // A heading closes at its line end. Its level is the shorter `=` run, not counting blanks and a
  // comment at the end; a line of only `=` signs follows the core parser's own rule.
  const lineEnd = (p: Piece) => {
    let end = i - back(i, 32, 9);
    if (p.commentEnd >= 0 && end - 1 === p.commentEnd) end = p.visualEnd - back(p.visualEnd, 32, 9);
    const eq = back(end, 61, 61);
    const level = end - eq === p.pos ? (eq < 3 ? 0 : Math.min(6, (eq - 1) >> 1)) : Math.min(eq, p.count);
    stack.pop();
    const { pos } = p;
    if (level)
      out.headings.push({
        level,
        text: cleanText(text, out.skips, pos + level, end - level),
        start: pos,
        end: i,
      });
  };

  const node = ({ parts, pos, count }: Piece, close: number): Transclusion => {
    const clean = (a: number, b: number) => cleanText(text, out.skips, a, b);
    const params: TemplateParam[] = [];
    let index = 0;
    for (let k = 2; k < parts.length; k += 2) {
      const start = parts[k]!;
      const end = parts[k + 2] ?? close;
      const eq = parts[k + 1]!;
      const positional = eq < 0;
      const valueStart = positional ? start + 1 : eq + 1;
      const nameStart = positional ? valueStart : start + 1;
      const visible = positional ? '' : clean(nameStart, eq);
      const name = positional ? String(++index) : (argumentDefaults(visible) ?? visible);
      const value = text.slice(valueStart, end);
      const nameEnd = positional ? valueStart : eq;
      params.push({ name, positional, value, start, end, nameStart, nameEnd, valueStart, valueEnd: end });
    }
    const nameStart = parts[0]!;
    const nameEnd = parts[2] ?? close;
    const template = clean(nameStart, nameEnd);
    const t = {
      template,
      start: pos + count - 2,
      end: close + 2,
      nameStart,
      nameEnd,
      section: [],
      nested: false,
      params,
    };
    out.transclusions.push(t);
    return t;
  };

  const close = (p: Piece) => {
    const count = p.kind === LANG ? 2 : run(i, p.kind === BRACE ? 125 : 93, p.count);
    const matched = p.kind === BRACE ? Math.min(count, 3) : count > 1 ? 2 : 0;
    if (matched < 2) {
      i += count;
      return;
    }
    if (p.kind === BRACE) {
      // Whatever closed inside it is nested in it, and a heading inside it is not the page's.
      for (const inner of loose.splice(p.loose)) inner.nested = true;
      out.headings.length = p.headings;
      loose.push(matched === 2 ? node(p, i) : { nested: false });
    }
    i += matched;
    stack.pop();
    p.count -= matched;
    // Opening characters left over stay open as a fresh construct (e.g. `{{{{{a}}}}}`).
    Object.assign(p, { parts: [p.pos + p.count, -1], commentEnd: -1 });
    if (p.count > 1) stack.push(p);
    else if (p.count && p.dash)
      stack.push(Object.assign(p, { kind: LANG, dash: false, pos: p.pos - 1, count: 2 }));
  };

  const none: number[] = [];
  let fakeLineStart = true;
  for (;;) {
    const top = stack[stack.length - 1];
    const kind = top?.kind;
    const parts = top?.parts ?? none;
    const pipe = kind === BRACE || kind === LANG;
    const equals = pipe && parts.length > 2 && parts[parts.length - 1]! < 0;
    if (fakeLineStart) {
      fakeLineStart = false;
      lineStart(equals);
      continue;
    }
    i = nextStop(text, i, 1 | (pipe ? 2 : 0) | (equals ? 4 : 0));
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (i >= n) {
      if (kind !== HEAD) break;
      lineEnd(top!);
    } else if (c === 124) {
      parts.push(i++, -1);
      top!.commentEnd = -1;
    } else if (c === 61) {
      parts[parts.length - 1] = i++;
    } else if (c === 60) {
      i = angle(i, top);
      // Only a comment that ate its line (or a tag running to the end) stops after a newline.
      fakeLineStart = text.charCodeAt(i - 1) === 10;
    } else if (c === 10) {
      if (kind === HEAD) lineEnd(top!);
      else {
        i++;
        lineStart(equals);
      }
    } else if (
      kind === BRACE ? c === 125 : kind === LANG ? c === 125 && next === 45 : kind === LINK && c === 93
    ) {
      close(top!);
    } else if (c === 125) {
      // `}` that closes nothing is text; a run of two or more is worth telling the maintainer.
      let count = run(i, 125);
      if (kind === LANG && text.charCodeAt(i + count) === 45) count--;
      if (count > 1) report(out, 'stray-close', '}}', 'closes nothing', 0, i, i + count);
      i += count || 1;
    } else if (c === 91 || c === 123) {
      const count = run(i, c);
      if (count > 1) open(c, count);
      else i++;
    } else if (c === 45 && next === 123 && langConversion) {
      // `-{{` is a template with the `-` kept aside: the rightmost rule wins.
      const count = run(i + 1, 123);
      i += count > 1 ? 1 : 0;
      open(count > 1 ? BRACE : LANG, count > 1 ? count : 2, count > 1);
    } else {
      i++;
    }
  }
  for (const p of stack) {
    const code = p.kind === BRACE ? 'template' : p.kind === LINK ? 'link' : 'conversion';
    // A template is named in its message (cut short), so a maintainer sees which one it is.
    const name = cleanText(text, out.skips, p.parts[0]!, Math.min(p.parts[2] ?? n, p.parts[0]! + 40));
    const what = p.kind === BRACE ? '{'.repeat(Math.min(p.count, 3)) + name : p.kind === LINK ? '[[' : '-{';
    if (p.kind !== HEAD)
      report(out, `unclosed-${code}`, what, 'is never closed', p.kind === BRACE ? 0 : 1, p.pos, p.parts[0]!);
  }
  return out;
}
