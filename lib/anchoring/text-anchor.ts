import {
  asPrepared,
  isSpace,
  type PreparedText,
  preparedOffset,
  prepareText,
  rawRange,
} from './prepared-text';
import { choosePlace, lookalikeScore, scoredPlaces } from './quote-search';
import {
  type Anchor,
  type AnchorTarget,
  CONTEXT_LENGTH,
  detached,
  MAX_QUOTE_LENGTH,
  type Resolution,
  type TextQuote,
  type TextSelectors,
} from './schema';

/**
 * Anchoring against plain text, no Yjs: what the content script needs for the rendered page. The
 * draft fields' relative positions are added on top in live-anchor.ts.
 */

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Moves a range's ends out of surrogate pairs (outwards), so that it never cuts a character in two. */
export function snapToCharacters(text: string, start: number, end: number): [number, number] {
  const from =
    start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1)) ? start - 1 : start;
  const to =
    end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1)) ? end + 1 : end;
  return [from, to];
}

/** Why a selection cannot be quoted, in words for the user, or null when it can. */
export function selectionProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    return 'Select some text to comment on.';
  const [from, to] = trimmedRange(text, start, end);
  if (from >= to) return 'Select some text to comment on, not only white space.';
  if (to - from > MAX_QUOTE_LENGTH)
    return `A comment can quote at most ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters; select less text.`;
  return null;
}

function trimmedRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return snapToCharacters(text, from, to);
}

/** The quote and position selectors for text[start, end), white space at its ends left out. */
export function describeSelection(text: string, start: number, end: number): TextSelectors {
  const problem = selectionProblem(text, start, end);
  if (problem) throw new RangeError(problem);
  const [from, to] = trimmedRange(text, start, end);
  const quote = {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
    suffix: text.slice(to, to + CONTEXT_LENGTH),
  };
  const prepared = prepareText(text);
  const lookalike = lookalikeScore(
    prepared,
    quote,
    preparedOffset(prepared, from),
    preparedOffset(prepared, to),
  );
  return { quote, position: { start: from, end: to }, ...(lookalike > 0 ? { lookalike } : {}) };
}

/** An anchor for text[start, end) of the target's text (throws RangeError with selectionProblem's words). */
export function createAnchor(target: AnchorTarget, text: string, start: number, end: number): Anchor {
  return { target, ...describeSelection(text, start, end) };
}

/**
 * Where the selectors land in `input` (the current text of the anchor's scope), in this order:
 * 1. the quote unchanged at its old offsets, its whole context unchanged too: anchored;
 * 2. the quote unchanged, with its whole context, at exactly one other place: moved;
 * 3. a scored search on the text with white space collapsed: every exact occurrence of the quote and
 *    every approximate one (bounded errors), each scored by the quote's and its context's similarity;
 *    the best is taken only when it passes the thresholds and no other place scores close to it.
 * Anything else is detached: a comment is better shown as detached than on the wrong text.
 */
export function resolveSelectors(selectors: TextSelectors, input: string | PreparedText): Resolution {
  const raw = typeof input === 'string' ? input : input.raw;
  return findUnchanged(selectors, raw) ?? searchScored(selectors, asPrepared(input));
}

function contextIntact(raw: string, at: number, { exact, prefix, suffix }: TextQuote): boolean {
  const end = at + exact.length;
  const before =
    prefix.length < CONTEXT_LENGTH
      ? at === prefix.length && raw.startsWith(prefix, 0)
      : at >= prefix.length && raw.startsWith(prefix, at - prefix.length);
  if (!before) return false;
  return suffix.length < CONTEXT_LENGTH
    ? end + suffix.length === raw.length && raw.startsWith(suffix, end)
    : raw.startsWith(suffix, end);
}

function findUnchanged({ quote, position, lookalike = 0 }: TextSelectors, raw: string): Resolution | null {
  const { exact } = quote;
  const attach = (status: 'anchored' | 'moved', at: number): Resolution => ({
    status,
    start: at,
    end: at + exact.length,
    confidence: 1,
  });
  if (raw.startsWith(exact, position.start) && contextIntact(raw, position.start, quote))
    return attach('anchored', position.start);
  // An identical twin (same words, same context) somewhere else when the comment was made: finding
  // "the" unchanged one elsewhere says nothing about which of the two it is.
  if (lookalike >= 1) return null;
  let found = -1;
  for (let at = raw.indexOf(exact); at >= 0; at = raw.indexOf(exact, at + 1)) {
    if (!contextIntact(raw, at, quote)) continue;
    if (found >= 0) return null; // the same text with the same context twice: let the scored search decide
    found = at;
  }
  return found >= 0 ? attach('moved', found) : null;
}

function searchScored(selectors: TextSelectors, text: PreparedText): Resolution {
  const expected = preparedOffset(text, selectors.position.start);
  const places = scoredPlaces(text, selectors.quote, expected);
  const verdict = choosePlace(places, selectors.quote, text, selectors.lookalike);
  if ('problem' in verdict) return detached(verdict.problem);
  const { best } = verdict;
  const [start, end] = snapToCharacters(text.raw, ...rawRange(text, best.start, best.end));
  const status = best.errors > 0 ? 'fuzzy' : start === selectors.position.start ? 'anchored' : 'moved';
  return { status, start, end, confidence: Math.round(best.score * 1000) / 1000 };
}
