import type { Piece, RawScan } from './scanner.ts';

/**
 * What the preprocessor does at a `<`: HTML comments (with their rule of eating a line they stand
 * alone on), extension tags (opaque content), and the include markup of a page view. A missing
 * closing tag is remembered per name, so input like `<ref><ref><ref>…` stays linear.
 */

/** What a maintainer is told a problem does, by index. */
const EFFECTS = [
  'it shows as plain text',
  'a "}}" after it closes nothing',
  'the rest of the page is hidden',
];

export function report(
  out: RawScan,
  code: string,
  what: string,
  why: string,
  effect: number,
  start: number,
  end: number,
) {
  out.problems.push({ code, message: `"${what}" ${why}, so ${EFFECTS[effect]}`, start, end });
}

const INCLUDEONLY = 'includeonly';
// PCRE's \s without UTF mode: tab, LF, VT, FF, CR, space.
const isSpace = (c: number) => c === 32 || (c > 8 && c < 14);
// A tag name: up to the first blank, `/` or `>` (bounded, so a long run costs nothing).
const NAME = /\/?[^\t-\r />]{0,99}/y;

/** Returns the scanner's handler for a `<` at offset i: the offset to go on from. */
export function angleScanner(text: string, extensionTags: readonly string[], out: RawScan) {
  const n = text.length;
  const lower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const tags = new Set([INCLUDEONLY, ...extensionTags.map((t) => lower(t.replace(/^<|>$/g, '')))]);
  // Once a tag has no `>` after it, no later one has either.
  let noMoreGT = false;
  // Per tag name: a search for its closing tag, and the last one found [start, end) (start -1: none left).
  const closeAt = new Map<string, [RegExp, number, number]>();
  const blanks = (at: number) => {
    let k = at;
    while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
    return k - at;
  };

  const comment = (i: number, top: Piece | undefined) => {
    const close = text.indexOf('-->', i + 4);
    if (close < 0) {
      out.skips.push(i, n);
      report(out, 'unterminated-comment', '<!--', 'is never closed', 2, i, n);
      return n;
    }
    let wsStart = i;
    while (text.charCodeAt(wsStart - 1) === 32 || text.charCodeAt(wsStart - 1) === 9) wsStart--;
    // wsEnd: the last blank after the comment (or its `>`); more comments on the line chain on.
    let wsEnd = close + 2 + blanks(close + 3);
    while (text.startsWith('<!--', wsEnd + 1)) {
      const c = text.indexOf('-->', wsEnd + 4);
      if (c < 0) break;
      wsEnd = c + 2 + blanks(c + 3);
    }
    // Comments alone on their line take the line's blanks and its newline with them.
    const eat = wsStart > 0 && text.charCodeAt(wsStart - 1) === 10 && text.charCodeAt(wsEnd + 1) === 10;
    const end = eat ? wsEnd + 1 : close + 2;
    if (top) {
      if (!(top.commentEnd >= 0 && top.commentEnd === wsStart - 1)) top.visualEnd = wsStart;
      top.commentEnd = end;
    }
    out.skips.push(eat ? wsStart : i, end + 1);
    return end + 1;
  };

  /** End offset of the first `</name\s*>` at or after `from` (any case), or -1. */
  const findClose = (name: string, from: number) => {
    const memo = closeAt.get(name) ?? [
      new RegExp(`</${name.replace(/\W/g, '\\$&')}[\\t-\\r ]*>`, 'gi'),
      -2,
      -1,
    ];
    closeAt.set(name, memo);
    const [re, start] = memo;
    if (start !== -1 && start < from) {
      re.lastIndex = from;
      const m = re.exec(text);
      memo[1] = m ? m.index : -1;
      memo[2] = m ? re.lastIndex : -1;
    }
    return memo[2];
  };

  const tag = (i: number) => {
    NAME.lastIndex = i + 1;
    const name = NAME.exec(text)![0];
    const low = lower(name);
    const after = text.charCodeAt(i + 1 + name.length);
    const ignored = /^\/?(no|only)include$/.test(low);
    const named = ignored || tags.has(low);
    if (!named || !(isSpace(after) || after === 62 || (after === 47 && text[i + 2 + name.length] === '>')))
      return i + 1;
    const tagEnd = noMoreGT ? -1 : text.indexOf('>', i + 1 + name.length);
    noMoreGT = tagEnd < 0;
    let next = tagEnd + 1;
    if (noMoreGT) return i + 1;
    if (!ignored && text[tagEnd - 1] !== '/') {
      const closeEnd = findClose(low, next);
      // Only `includeonly`, spelled in lower case, may run to the end (as in MediaWiki).
      const toEnd = name === INCLUDEONLY;
      if (closeEnd < 0) report(out, 'unclosed-tag', `<${name}>`, 'is never closed', toEnd ? 2 : 0, i, next);
      if (closeEnd < 0 && !toEnd) return next;
      next = closeEnd < 0 ? n : closeEnd;
    }
    if (ignored || low === INCLUDEONLY) out.skips.push(i, next);
    return next;
  };

  return (i: number, top: Piece | undefined) => (text.startsWith('!--', i + 1) ? comment(i, top) : tag(i));
}
