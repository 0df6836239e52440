import { similarity } from './approximate';
import { collapseSpace, type PreparedText } from './prepared-text';
import { CONTEXT_LENGTH, type TextQuote } from './schema';

/**
 * How well a place in the current text matches what a quote's anchor remembers: the quote itself and
 * the context either side. The thresholds were tuned on the mutation corpus
 * (test/unit/anchoring/mutation-corpus.ts), always towards detached: every accepted match must be
 * backed by its context, because a quote alone (a word, a repeated phrase) is found in many places.
 */
export const THRESHOLDS = {
  /** Approximate matches allow at most this share of the quote's length as edits… */
  maxErrorRatio: 0.25,
  /** …and are looked for only for quotes at least this long (a short word with a typo is anything). */
  minFuzzyLength: 8,
  /**
   * An exact quote needs one side of its context mostly there, and both on average half there. A
   * short quote (a word or two) with only one side there is not enough: the side after a deleted
   * sentence, say, is now the side of the same word ending the sentence before.
   */
  exact: { strongSide: 0.75, context: 0.5, weakSide: 0.4, oneSidedMinLength: 12 },
  /**
   * A longer quote may rest on one side alone (text was inserted right against its other end), but
   * only on a side that is all there and that the text has once: a side made of a repeated template
   * call or reference ("design notes]], section ") is found next to anything pasted before it.
   */
  oneSided: { strongSide: 0.95, distinctLength: 20 },
  /**
   * A quote that resembled another place when it was made (a boilerplate sentence end, a repeated
   * template call) needs both sides: one side can come to lie next to the look-alike by a reorder.
   */
  repeated: { lookalike: 0.5, weakSide: 0.6 },
  /** An approximate quote needs more of its context, on both sides (a weak side is a misplaced end). */
  fuzzy: { strongSide: 0.8, context: 0.65, weakSide: 0.35, oneSidedMinLength: Number.POSITIVE_INFINITY },
  /** No other place may score within this of the best, or it is ambiguous. */
  margin: 0.1,
  /**
   * …nor may the look-alike the quote had when it was made (see TextSelectors.lookalike). Wider: when
   * the text between a quote and its look-alike is deleted, the look-alike takes over the quote's
   * context, and nothing within 32 units tells the two apart any more.
   */
  lookalikeMargin: 0.2,
  /** A quote that was a whole line (or paragraph) and is a whole line now counts its sides this much. */
  wholeLine: { minLength: 20, side: 0.75 },
  /** A place is a deleted quote's remnant when its surroundings fit the context without the quote better by this share of the quote's length. */
  remnantShare: 0.5,
  /** Bounds on the candidates scored (a short quote in a long page occurs very often). */
  maxExact: 5000,
  maxApproximate: 256,
} as const;

/** Stands for the start or the end of the text inside a context window. */
export const EDGE = '\u0000';

/** The quote and its remembered context, white space collapsed, the text's edges marked. */
export interface Sides {
  quote: string;
  before: string;
  after: string;
  /** Whether the quote was a whole line: a line break (or the text's edge) on both sides. */
  wholeLine: boolean;
}

const endsLine = (side: string): boolean => /\n[ \t]*$/.test(side);
const startsLine = (side: string): boolean => /^[ \t]*\r?\n/.test(side);

export function sidesOf({ exact, prefix, suffix }: TextQuote): Sides {
  const atStart = prefix.length < CONTEXT_LENGTH;
  const atEnd = suffix.length < CONTEXT_LENGTH;
  return {
    quote: collapseSpace(exact),
    before: (atStart ? EDGE : '') + collapseSpace(prefix),
    after: collapseSpace(suffix) + (atEnd ? EDGE : ''),
    wholeLine:
      (endsLine(prefix) || (atStart && prefix.trim() === '')) &&
      (startsLine(suffix) || (atEnd && suffix.trim() === '')),
  };
}

function windowBefore(text: string, start: number, length: number): string {
  const from = start - length;
  return from >= 0 ? text.slice(from, start) : EDGE + text.slice(0, start);
}

function windowAfter(text: string, end: number, length: number): string {
  const to = end + length;
  return to <= text.length ? text.slice(end, to) : text.slice(end) + EDGE;
}

/** Whether raw[start, end) is a whole line: nothing but spaces or tabs between it and a line break or edge. */
function isWholeLine(raw: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && (raw[before] === ' ' || raw[before] === '\t')) before--;
  let after = end;
  while (after < raw.length && (raw[after] === ' ' || raw[after] === '\t' || raw[after] === '\r')) after++;
  return (before < 0 || raw[before] === '\n') && (after >= raw.length || raw[after] === '\n');
}

export interface Scored {
  /** Offsets in the prepared (collapsed) text. */
  start: number;
  end: number;
  errors: number;
  quote: number;
  before: number;
  after: number;
  context: number;
  score: number;
  acceptable: boolean;
  /** Acceptable only because the quote is long enough to rest on its strong side alone. */
  oneSided: boolean;
}

export function scoreCandidate(
  candidate: { start: number; end: number; errors: number },
  sides: Sides,
  text: PreparedText,
): Scored {
  let before = similarity(sides.before, windowBefore(text.text, candidate.start, sides.before.length));
  let after = similarity(sides.after, windowAfter(text.text, candidate.end, sides.after.length));
  const length = sides.quote.length;
  if (sides.wholeLine && length >= THRESHOLDS.wholeLine.minLength) {
    const rawStart = text.starts[candidate.start]!;
    const rawEnd = candidate.end > candidate.start ? text.ends[candidate.end - 1]! : rawStart;
    if (isWholeLine(text.raw, rawStart, rawEnd)) {
      before = Math.max(before, THRESHOLDS.wholeLine.side);
      after = Math.max(after, THRESHOLDS.wholeLine.side);
    }
  }
  const quote = 1 - candidate.errors / length;
  const context = (before + after) / 2;
  const strongSide = Math.max(before, after);
  const weakSide = Math.min(before, after);
  const bar = candidate.errors === 0 ? THRESHOLDS.exact : THRESHOLDS.fuzzy;
  return {
    ...candidate,
    quote,
    before,
    after,
    context,
    score: (quote + context) / 2,
    acceptable:
      strongSide >= bar.strongSide &&
      context >= bar.context &&
      (weakSide >= bar.weakSide || length >= bar.oneSidedMinLength) &&
      quote >= 1 - THRESHOLDS.maxErrorRatio,
    oneSided: weakSide < bar.weakSide,
  };
}
