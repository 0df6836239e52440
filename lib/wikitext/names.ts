import type { TemplateMatcher } from './types.ts';

/** Offsets of the first character of `s` not in `set` and just past the last one, [0, 0] if none (loops: no backtracking). */
export function core(s: string, set: string): [number, number] {
  let a = 0;
  let b = s.length;
  while (b > 0 && set.includes(s[b - 1]!)) b--;
  while (a < b && set.includes(s[a]!)) a++;
  return [a, b];
}

/** PHP's trim(): MediaWiki trims names and values with it, which spares other Unicode spaces. */
export const phpTrim = (s: string) => s.slice(...core(s, ' \t\n\r\0\v'));

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

/** Removes `<!-- … -->` (an unterminated one runs to the end). */
export const stripComments = (s: string) => s.replace(/<!--[\s\S]*?(?:-->|$)/g, '');

// An innermost template argument with a default, `{{{name|default|…}}}`, where a `|` inside a link does
// not split. A lone `[` does not match, so no backtracking can pile up.
const TEXT = String.raw`(?:\[\[[^\]{}]*\]\]|[^{}|[])*`;
const ARGUMENT = new RegExp(String.raw`\{\{\{${TEXT}\|(${TEXT})[^{}]*\}\}\}`, 'g');

/**
 * A name as a page view reads it: a page has no arguments, so `{{{x|default}}}` gives way to its
 * default. Null when what is left needs expanding (a template, or an argument without default).
 */
export function argumentDefaults(name: string): string | null {
  let s = name;
  for (let k = 0; k < 99 && s.includes('{{{'); k++) {
    const next = s.replace(ARGUMENT, '$1');
    if (next === s) break;
    s = next;
  }
  return s.includes('{{') ? null : phpTrim(s);
}

// Title::secureAndSplit: direction marks vanish, every kind of space and `_` is one space.
const MARKS = /[\u200E\u200F\u202A-\u202E]/g;
const SPACES = /[ _\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/**
 * The Template-namespace page a written name transcludes in a page view, in title form, or '' for
 * none. As Parser::braceSubstitution and Title::newFromText read it: `subst:` stays text, `msgnw:`
 * shows source, `safesubst:`/`msg:`/`raw:` drop; character references decode; blanks and `_` are
 * one space; `Template:` (any case) is optional, a leading `:` means the main namespace; a
 * `#fragment` goes; the first letter is upper case.
 */
export function templateTitle(written: string): string {
  let s = argumentDefaults(stripComments(written)) ?? '';
  if (/^(subst|(safesubst:)?msgnw):/i.test(s)) return '';
  s = s
    .replace(/^(safesubst:)?(msg:)?(raw:)?/i, '')
    .replace(/&#(x?)([\da-f]+);/gi, (_, x, n) => {
      const code = parseInt(n, x ? 16 : 10);
      return code < 0x110000 ? String.fromCodePoint(code) : '\ufffd';
    })
    .normalize()
    .replace(MARKS, '')
    .replace(SPACES, ' ')
    .trim();
  const main = s[0] === ':';
  const ns = /^:? ?template ?: ?/i.exec(s);
  if (main && !ns) return '';
  s = s
    .slice(ns ? ns[0].length : 0)
    .split('#')[0]!
    .trim();
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
  const seen = new Map<string, boolean>();
  return (written) => {
    let hit = seen.get(written);
    if (hit === undefined) {
      const title = templateTitle(written);
      hit = !!title && wanted.has(title);
      seen.set(written, hit);
    }
    return hit;
  };
}

/** Whether a written name transcludes the matcher's template (see templateMatcher). */
export const templateNameMatches = (written: string, matcher: TemplateMatcher) =>
  templateMatcher(matcher)(written);
