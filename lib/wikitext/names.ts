import type { TemplateMatcher } from './types.ts';

/**
 * How many characters of `set` (at most `max`) run forwards from `at` (dir 1), or backwards from
 * just before it (dir -1): the one counting loop the scanner, the tags and the edits share. Past
 * either end of the text the character is undefined, which no set includes.
 */
export function run(text: string, at: number, dir: number, set: string, max = text.length): number {
  let k = at;
  while ((k - at) * dir < max && set.includes(text[dir > 0 ? k : k - 1]!)) k += dir;
  return (k - at) * dir;
}

/** Layout blanks around a value (edits), and what PHP's trim() removes (MediaWiki trims with it). */
export const BLANKS = ' \t\r\n';
const PHP_BLANKS = ' \t\n\r\0\v';

/** Offsets of the first character of `s` not in `set` and just past the last one, [0, 0] if none. */
export function core(s: string, set = PHP_BLANKS): [number, number] {
  const b = s.length - run(s, s.length, -1, set);
  return [Math.min(run(s, 0, 1, set), b), b];
}

/** PHP's trim(): MediaWiki trims names and values with it, which spares other Unicode spaces. */
export const phpTrim = (s: string) => s.slice(...core(s));

/**
 * A name or heading as MediaWiki reads it: source text of [a, b) without the comments and ignored
 * include markup the scan found (`skips`, flat [start, end) pairs in page order), trimmed.
 */
export function cleanText(text: string, skips: readonly number[], a: number, b: number): string {
  let lo = 0;
  let hi = skips.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (skips[2 * mid + 1]! <= a) lo = mid + 1;
    else hi = mid;
  }
  let out = '';
  let at = a;
  for (let k = 2 * lo; skips[k]! < b; k += 2) {
    out += text.slice(at, skips[k]);
    at = Math.min(b, skips[k + 1]!);
  }
  return phpTrim(out + text.slice(at, b));
}

// An innermost template argument with a default, `{{{name|default|…}}}`, where a `|` inside a link does
// not split. A lone `[` does not match, so no backtracking can pile up.
const ARGUMENT = /\{\{\{(?:\[\[[^\]{}]*\]\]|[^{}|[])*\|((?:\[\[[^\]{}]*\]\]|[^{}|[])*)[^{}]*\}\}\}/g;

/**
 * A name as a page view reads it: a page has no arguments, so `{{{x|default}}}` gives way to its
 * default. Null when what is left needs expanding (a template, or an argument without default).
 */
export function argumentDefaults(name: string): string | null {
  let s = name;
  for (let k = 0, last = ''; k < 99 && s !== last; k++) {
    last = s;
    s = s.replace(ARGUMENT, '$1');
  }
  return s.includes('{{') ? null : phpTrim(s);
}

/**
 * The Template-namespace page a written name transcludes in a page view, in title form, or '' for
 * none. As Parser::braceSubstitution and Title::newFromText read it: `subst:` stays text, `msgnw:`
 * shows source, `safesubst:`/`msg:`/`raw:` drop; character references decode; direction marks
 * vanish, blanks and `_` are one space (Title::secureAndSplit); `Template:` (any case) is optional,
 * a leading `:` means the main namespace; a `#fragment` goes; the first letter is upper case.
 */
function templateTitle(written: string): string {
  let s = argumentDefaults(written.replace(/<!--[\s\S]*?(?:-->|$)/g, '')) ?? '';
  if (/^(subst|(safesubst:)?msgnw):/i.test(s)) return '';
  s = s
    .replace(/^(safesubst:)?(msg:)?(raw:)?/i, '')
    .replace(/&#(x?)([\da-f]+);/gi, (_, x, n) => {
      const code = parseInt(n, x ? 16 : 10);
      return code < 0x110000 ? String.fromCodePoint(code) : '\ufffd';
    })
    .normalize()
    .replace(/[\u200E\u200F\u202A-\u202E]/g, '')
    // Every space and line separator (JS \s without the ASCII controls and U+FEFF), U+180E and `_`.
    .replace(/(?:(?![\t-\r\uFEFF])[\s_\u180E])+/g, ' ')
    .trim();
  const ns = /^:? ?template ?: ?/i.exec(s);
  if (s[0] === ':' && !ns) return '';
  s = s.slice(ns?.[0].length).split('#')[0]!.trim();
  return s.replace(/^./u, (c) => c.toUpperCase());
}

/**
 * A test for the transclusions of one template, by MediaWiki's title rules (see templateTitle):
 * first letter case-insensitive, the rest case-sensitive, spaces and underscores equal and collapsed,
 * surrounding whitespace and comments ignored, and an optional `Template:` namespace (any case,
 * blanks allowed around the colon). Each distinct written name is read once.
 */
export function templateMatcher(matcher: TemplateMatcher): (written: string) => boolean {
  const wanted = new Set([matcher.name, ...(matcher.aliases ?? [])].map(templateTitle));
  wanted.delete('');
  const seen = new Map<string, boolean>();
  return (written) =>
    seen.get(written) ?? seen.set(written, wanted.has(templateTitle(written))).get(written)!;
}

/** Whether a written name transcludes the matcher's template (see templateMatcher). */
export const templateNameMatches = (written: string, matcher: TemplateMatcher) =>
  templateMatcher(matcher)(written);
