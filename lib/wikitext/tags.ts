import { run } from './names.ts';
import type { Piece } from './scanner.ts';
import type { PageScan } from './types.ts';

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

/**
 * A problem for the maintainer: what the source holds at [start, end), that it is never closed (or,
 * for a stray `}}`, closes nothing), and what the wiki then does (an index into EFFECTS).
 */
export function report(
  out: PageScan,
  code: string,
  what: string,
  effect: number,
  start: number,
  end: number,
) {
  const why = code === 'stray-close' ? 'closes nothing' : 'is never closed';
  out.problems.push({ code, message: `"${what}" ${why}, so ${EFFECTS[effect]}`, start, end });
}

const INCLUDEONLY = 'includeonly';
// A tag name: up to the first blank, `/` or `>` (bounded, so a long run costs nothing), and then a
// blank, `>` or `/>` (PCRE's \s without UTF mode: tab, LF, VT, FF, CR, space).
const NAME = /\/?[^\t-\r />]{0,99}(?=[\t-\r >]|\/>)/y;
// PHP's strtolower(): ASCII letters only.
const lower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * Returns the scanner's handler for a `<` at offset i: the offset to go on from. Comments and ignored
 * include markup go to `skips` (flat [start, end) pairs), problems to `out`.
 */
export function angleScanner(text: string, extensionTags: readonly string[], out: PageScan, skips: number[]) {
  const n = text.length;
  const tags = new Set([INCLUDEONLY, ...extensionTags.map((t) => lower(t.replace(/^<|>$/g, '')))]);
  // Once a tag has no `>` after it, no later one has either.
  let noMoreGT = false;
  // Per tag name: the end of the last closing tag found (-1: none left).
  const closeAt = new Map<string, number>();

  const comment = (i: number, top: Piece | undefined) => {
    const close = text.indexOf('-->', i + 4);
    if (close < 0) {
      skips.push(i, n);
      report(out, 'unterminated-comment', '<!--', 2, i, n);
      return n;
    }
    const wsStart = i - run(text, i, -1, ' \t');
    // wsEnd: the last blank after the comment (or its `>`); more comments on the line chain on.
    let wsEnd = close;
    for (
      let c = close;
      c >= 0;
      c = text.startsWith('<!--', wsEnd + 1) ? text.indexOf('-->', wsEnd + 4) : -1
    ) {
      wsEnd = c + 2 + run(text, c + 3, 1, ' \t');
    }
    // Comments alone on their line take the line's blanks and its newline with them.
    const eat = text.charCodeAt(wsStart - 1) === 10 && text.charCodeAt(wsEnd + 1) === 10;
    const end = eat ? wsEnd + 2 : close + 3;
    // Only a heading reads these: its level is found before a comment at its line end.
    if (top) {
      if (top.commentEnd !== wsStart) top.visualEnd = wsStart;
      top.commentEnd = end;
    }
    skips.push(eat ? wsStart : i, end);
    return end;
  };

  const tag = (i: number) => {
    NAME.lastIndex = i + 1;
    const name = NAME.exec(text)?.[0];
    // Undefined when no blank, `>` or `/>` follows the name: no tag then.
    const low = name && lower(name);
    const ignored = /^\/?(no|only)include$/.test(low!);
    if (noMoreGT || !(ignored || tags.has(low!))) return i + 1;
    let end = text.indexOf('>', i + 1 + name!.length) + 1;
    noMoreGT = !end;
    if (!end) return i + 1;
    if (!ignored && text[end - 2] !== '/') {
      // The first `</name\s*>` after the tag (any case). One found earlier is still the first if it
      // ends after `end` (it cannot hold the `>` just before `end`).
      let close = closeAt.get(low!) ?? 0;
      if (close >= 0 && close <= end) {
        const re = new RegExp(`</${low!.replace(/\W/g, '\\$&')}[\\t-\\r ]*>`, 'gi');
        re.lastIndex = end;
        close = re.exec(text) ? re.lastIndex : -1;
        closeAt.set(low!, close);
      }
      if (close < 0) {
        // Only `includeonly`, spelled in lower case, may run to the end (as in MediaWiki).
        const toEnd = name === INCLUDEONLY;
        report(out, 'unclosed-tag', `<${name}>`, toEnd ? 2 : 0, i, end);
        if (!toEnd) return end;
      }
      end = close < 0 ? n : close;
    }
    if (ignored || low === INCLUDEONLY) skips.push(i, end);
    return end;
  };

  return (i: number, top: Piece | undefined) => (text.startsWith('!--', i + 1) ? comment(i, top) : tag(i));
}
