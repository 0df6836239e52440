import { argumentDefaults, cleanText, run } from './names.ts';
import { angleScanner, report } from './tags.ts';
import type { PageScan, TemplateParam, Transclusion } from './types.ts';

/**
 * A single forward pass that makes the same decisions as MediaWiki 1.39's Preprocessor_Hash
 * (buildDomTreeArrayFromText) for a page view, but records offsets instead of building a tree.
 * Every open construct lives on an explicit stack, so deep nesting never recurses.
 */

// Kinds of open constructs, named by their opening character: `{{`, `[[`, `-{`, and a heading's `=`.
// `{{` and `[[` close with their code + 2 (`}`, `]`); for the others that is a character that never
// stops the scan (`/`, `?`): `-{` closes with `}-`, a heading at its line end.
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
  /** Just past a heading's last comment, and where the blanks before its run of comments began. */
  commentEnd: number;
  visualEnd: number;
  /** How many nodes were not yet known to be nested, and how many headings were found, at its push. */
  loose: number;
  headings: number;
}

// Characters that may end literal text: these always, `|` too where it splits a part, and `=` too
// where it may name one (a regex search is the fastest way there).
const STOPS = ['', '|', '|='].map((more) => new RegExp(`[-{[<\\n}\\]${more}]`, 'g'));

/**
 * The page's `{{…}}` nodes in the order they closed (`section` is filled in by the caller), its own
 * headings (those outside every `{{…}}`/`{{{…}}}` node) and its problems; none of them sorted yet.
 */
export function scan(text: string, extensionTags: readonly string[], langConversion: boolean): PageScan {
  const n = text.length;
  const out: PageScan = { transclusions: [], headings: [], problems: [] };
  // Flat [start, end) pairs of comments and ignored include markup, in page order.
  const skips: number[] = [];
  const angle = angleScanner(text, extensionTags, out, skips);
  const clean = (a: number, b: number) => cleanText(text, skips, a, b);
  const stack: Piece[] = [];
  // Completed nodes no enclosing node has claimed yet (a stack: a closing node claims its tail).
  const loose: Transclusion[] = [];
  let i = 0;
  const open = (kind: number, count: number, dash = false) => {
    stack.push({
      kind,
      pos: i,
      count,
      dash,
      parts: [i + count, -1],
      commentEnd: -1,
      visualEnd: -1,
      loose: loose.length,
      headings: out.headings.length,
    });
    i += count;
  };

  // A heading closes at its line end. Its level is the shorter `=` run, not counting blanks and a
  // comment at the end; a line of only `=` signs follows the core parser's own rule.
  const lineEnd = ({ pos, count, commentEnd, visualEnd }: Piece) => {
    let end = i - run(text, i, -1, ' \t');
    if (end === commentEnd) end = visualEnd;
    const eq = run(text, end, -1, '=');
    const level = end - eq === pos ? Math.min(6, (eq - 1) >> 1) : Math.min(eq, count);
    stack.pop();
    if (level) out.headings.push({ level, text: clean(pos + level, end - level), start: pos, end: i });
  };

  const node = ({ parts, pos, count }: Piece, close: number): Transclusion => {
    const params: TemplateParam[] = [];
    for (let k = 2, index = 0; k < parts.length; k += 2) {
      const start = parts[k]!;
      const end = parts[k + 2] ?? close;
      const eq = parts[k + 1]!;
      // A positional part (no `=`, eq -1) has an empty name just after its `|`.
      const nameEnd = Math.max(eq, start + 1);
      const valueStart = Math.max(eq, start) + 1;
      const visible = clean(start + 1, nameEnd);
      params.push({
        name: eq < 0 ? String(++index) : (argumentDefaults(visible) ?? visible),
        positional: eq < 0,
        value: text.slice(valueStart, end),
        start,
        end,
        nameStart: start + 1,
        nameEnd,
        valueStart,
        valueEnd: end,
      });
    }
    const nameStart = parts[0]!;
    const nameEnd = parts[2] ?? close;
    const t = {
      template: clean(nameStart, nameEnd),
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

  // At a closing character of the construct on top.
  const close = (p: Piece) => {
    // Only up to three closing characters can match (a bounded count keeps long runs linear).
    const count = p.kind === LANG ? 2 : Math.min(run(text, i, 1, text[i]!, 3), p.count);
    const matched = Math.min(count, p.kind === BRACE ? 3 : 2);
    if (matched < 2) {
      i += count;
      return;
    }
    if (p.kind === BRACE) {
      // Whatever closed inside it is nested in it, and a heading inside it is not the page's.
      for (const inner of loose.splice(p.loose)) inner.nested = true;
      out.headings.length = p.headings;
      // Three braces close a template argument, which a page view does not list.
      if (matched === 2) loose.push(node(p, i));
    }
    i += matched;
    p.count -= matched;
    // Opening characters left over stay open as a fresh construct (e.g. `{{{{{a}}}}}`).
    p.parts = [p.pos + p.count, -1];
    if (p.count > 1) return;
    if (p.count && p.dash) {
      p.kind = LANG;
      p.pos--;
      p.count = 2;
    } else stack.pop();
  };

  for (;;) {
    const top = stack.at(-1);
    const kind = top?.kind;
    const parts = top?.parts ?? [];
    const pipe = kind === BRACE || kind === LANG;
    const equals = pipe && parts.length > 2 && parts.at(-1)! < 0;
    // At a line start (the text start, after a newline, or after a comment that ate its line) a run
    // of `=` opens a possible heading, unless a lone `=` could split a template parameter.
    if (text.charCodeAt(i - 1) === 10 || !i) {
      const count = run(text, i, 1, '=', 6);
      if (count > 1 || (count && !equals)) {
        open(HEAD, count);
        continue;
      }
    }
    const stop = STOPS[pipe ? (equals ? 2 : 1) : 0]!;
    stop.lastIndex = i;
    i = stop.test(text) ? stop.lastIndex - 1 : n;
    const c = text.charCodeAt(i);
    if (kind === HEAD && (c === 10 || i >= n)) lineEnd(top!);
    else if (i >= n) break;
    else if (c === 124) parts.push(i++, -1);
    else if (c === 61) parts[parts.length - 1] = i++;
    else if (c === 60) i = angle(i, top);
    else if (c === kind! + 2 || (kind === LANG && c === 125 && text.charCodeAt(i + 1) === 45)) {
      close(top!);
    } else if (c === 125) {
      // `}` that closes nothing is text; a run of two or more is worth telling the maintainer.
      let count = run(text, i, 1, '}');
      if (kind === LANG && text.charCodeAt(i + count) === 45) count--;
      if (count > 1) report(out, 'stray-close', '}}', 0, i, i + count);
      i += count;
    } else if (c === 91 || c === 123) {
      const count = run(text, i, 1, text[i]!);
      if (count > 1) open(c, count);
      else i++;
    } else if (c === 45 && text.charCodeAt(i + 1) === 123 && langConversion) {
      // `-{{` is a template with the `-` kept aside: the rightmost rule wins.
      const count = run(text, i + 1, 1, '{');
      if (count > 1) {
        i++;
        open(BRACE, count, true);
      } else open(LANG, 2);
    } else {
      // A newline (its line start is looked at next), or a `-` or `]` that is text here.
      i++;
    }
  }
  for (const p of stack) {
    const from = p.parts[0]!;
    // A template is named in its message (cut short), so a maintainer sees which one it is.
    const name = clean(from, Math.min(p.parts[2] ?? n, from + 40));
    if (p.kind === BRACE)
      report(out, 'unclosed-template', '{'.repeat(Math.min(p.count, 3)) + name, 0, p.pos, from);
    else if (p.kind !== HEAD)
      report(
        out,
        `unclosed-${p.kind === LINK ? 'link' : 'conversion'}`,
        text.slice(p.pos, p.pos + 2),
        1,
        p.pos,
        from,
      );
  }
  return out;
}
