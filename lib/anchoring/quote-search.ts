import { bestMatchErrors, searchApproximate } from './approximate';
import { EDGE, type Scored, type Sides, scoreCandidate, sidesOf, THRESHOLDS } from './context-score';
import { collapseSpace, type PreparedText } from './prepared-text';
import type { TextQuote } from './schema';

/**
 * The scored search for a quote in a prepared (white-space-collapsed) text: every exact occurrence,
 * and every approximate one when the quote is long enough, each scored by context-score.ts, best
 * first; then the one place to attach to, if there is one.
 */

interface Span {
  start: number;
  end: number;
  errors: number;
}

/** How far beyond the remembered context the remnant test looks (units). */
const SLACK = 16;

function candidates(text: string, quote: string): Span[] {
  const found = new Map<string, Span>();
  for (
    let at = text.indexOf(quote);
    at >= 0 && found.size < THRESHOLDS.maxExact;
    at = text.indexOf(quote, at + 1)
  ) {
    found.set(`${at}:${at + quote.length}`, { start: at, end: at + quote.length, errors: 0 });
  }
  if (quote.length >= THRESHOLDS.minFuzzyLength) {
    const maxErrors = Math.floor(quote.length * THRESHOLDS.maxErrorRatio);
    for (const match of searchApproximate(text, quote, maxErrors, { limit: THRESHOLDS.maxApproximate })) {
      const key = `${match.start}:${match.end}`;
      if (!found.has(key)) found.set(key, match);
    }
  }
  return [...found.values()];
}

/**
 * Two places are one when they share at least half of what they cover together: an approximate
 * match with other ends, or one shifted by a unit. A copy shifted by a whole period of repeated text
 * (the same block three times) shares less, and is another place.
 */
function samePlace(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared * 2 >= Math.max(a.end, b.end) - Math.min(a.start, b.start);
}

/** Every place scored, best first (ties: nearest to `expected`, a prepared offset). */
export function scoredPlaces(text: PreparedText, quote: TextQuote, expected: number): Scored[] {
  const sides = sidesOf(quote);
  if (sides.quote.trim() === '') return [];
  return candidates(text.text, sides.quote)
    .map((span) => scoreCandidate(span, sides, text))
    .sort((a, b) => b.score - a.score || Math.abs(a.start - expected) - Math.abs(b.start - expected));
}

export type Verdict = { best: Scored } | { problem: 'not-found' | 'ambiguous' };

/**
 * Whether the text around a place reads like the quote's context with the quote taken out: the
 * remembered prefix and suffix fit it clearly better without the quote than with it. That is what a
 * deleted quote leaves (its prefix and suffix now meet), and a place found there is made of the
 * remnants of its context: the prefix's last word, say, when it is the quote's word too.
 */
function isRemnant(place: Scored, sides: Sides, text: PreparedText): boolean {
  const from = place.start - sides.before.length - SLACK;
  const to = place.end + sides.after.length + SLACK;
  const around =
    (from < 0 ? EDGE : '') + text.text.slice(Math.max(0, from), to) + (to > text.text.length ? EDGE : '');
  const without = bestMatchErrors(around, collapseSpace(sides.before + sides.after));
  const withQuote = bestMatchErrors(around, sides.before + sides.quote + sides.after);
  // Where the quote is, leaving it out costs about its length; edits of the context nearby can make
  // up some of that, and so can the quote's own words in its context: so a share of its length.
  return without + Math.ceil(sides.quote.length * THRESHOLDS.remnantShare) <= withQuote;
}

/** Whether a place's strong side is all there and found once in the text (see THRESHOLDS.oneSided). */
function restsOnDistinctSide(place: Scored, sides: Sides, text: PreparedText): boolean {
  const { strongSide, distinctLength } = THRESHOLDS.oneSided;
  const before = place.before >= place.after;
  if ((before ? place.before : place.after) < strongSide) return false;
  const side = (
    before ? sides.before.slice(-distinctLength) : sides.after.slice(0, distinctLength)
  ).replaceAll(EDGE, '');
  if (side.trim().length < distinctLength / 2) return true; // the text's edge: found once by definition
  const first = text.text.indexOf(side);
  return first < 0 || text.text.indexOf(side, first + 1) < 0;
}

/**
 * The one place to attach to: the best acceptable one that is not a remnant of a deleted quote,
 * scoring clearly above every other place that does not overlap it and above the look-alike the
 * quote had when it was made.
 */
export function choosePlace(
  places: readonly Scored[],
  quote: TextQuote,
  text: PreparedText,
  lookalike = 0,
): Verdict {
  const sides = sidesOf(quote);
  const repeated = lookalike >= THRESHOLDS.repeated.lookalike;
  const best = places.find(
    (place) =>
      place.acceptable &&
      (!repeated || Math.min(place.before, place.after) >= THRESHOLDS.repeated.weakSide) &&
      (!place.oneSided || restsOnDistinctSide(place, sides, text)) &&
      !isRemnant(place, sides, text),
  );
  if (!best) return { problem: 'not-found' };
  if (lookalike > best.score - THRESHOLDS.lookalikeMargin) return { problem: 'ambiguous' };
  const floor = best.score - THRESHOLDS.margin;
  const rival = places.some((other) => other !== best && !samePlace(other, best) && other.score > floor);
  return rival ? { problem: 'ambiguous' } : { best };
}

/** The best score of any place other than [start, end) (prepared offsets): the quote's look-alike. */
export function lookalikeScore(text: PreparedText, quote: TextQuote, start: number, end: number): number {
  const own = { start, end };
  const other = scoredPlaces(text, quote, start).find((place) => !samePlace(place, own));
  return other ? Math.round(other.score * 1000) / 1000 : 0;
}
