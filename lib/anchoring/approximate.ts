/**
 * Approximate string matching: where in a text a pattern occurs with at most k edits (Levenshtein:
 * insert, delete, substitute one UTF-16 unit). Myers' bit-parallel algorithm (J. ACM 46(3), 1999) in
 * the blocked form Hyyrö gives for patterns longer than a machine word: one column of the dynamic
 * programming table per text unit, 32 rows per operation, so the cost is n·⌈m/32⌉ word steps.
 *
 * Two uses of the same column step: searching (the pattern may start anywhere: the table's top row is
 * 0), and anchored distance (the alignment starts at the text's first unit: the top row counts up),
 * which gives the edit distance of two strings and, run backwards from a match's end, its start.
 */

const WORD = 32;

interface Pattern {
  length: number;
  blocks: number;
  /** The row bit of the pattern's last unit in the last block. */
  lastBit: number;
  /** For each unit of the pattern, the rows (bits per block) where it occurs. */
  masks: Map<number, Int32Array>;
}

function compile(pattern: string): Pattern {
  const blocks = Math.max(1, Math.ceil(pattern.length / WORD));
  const masks = new Map<number, Int32Array>();
  for (let row = 0; row < pattern.length; row++) {
    const code = pattern.charCodeAt(row);
    let mask = masks.get(code);
    if (!mask) {
      mask = new Int32Array(blocks);
      masks.set(code, mask);
    }
    mask[(row / WORD) | 0]! |= 1 << (row % WORD);
  }
  return { length: pattern.length, blocks, lastBit: 1 << ((pattern.length - 1) % WORD), masks };
}

/** One column of the table, as vertical deltas (+1 in pv, −1 in mv) and the bottom row's value. */
class Column {
  private readonly plus: Int32Array;
  private readonly minus: Int32Array;
  score: number;

  constructor(private readonly pattern: Pattern) {
    this.plus = new Int32Array(pattern.blocks).fill(-1);
    this.minus = new Int32Array(pattern.blocks);
    this.score = pattern.length;
  }

  /** Moves to the next text unit; `top` is the top row's horizontal delta (0 searching, 1 anchored). */
  advance(code: number, top: 0 | 1): void {
    const { blocks, lastBit } = this.pattern;
    const masks = this.pattern.masks.get(code);
    let carry = top as number;
    for (let block = 0; block < blocks; block++) {
      const match = masks ? masks[block]! : 0;
      const pv = this.plus[block]!;
      const mv = this.minus[block]!;
      const xv = match | mv;
      const eq = carry < 0 ? match | 1 : match;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = block === blocks - 1 ? lastBit : 1 << 31;
      const out = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      this.plus[block] = mh | ~(xv | ph);
      this.minus[block] = ph & xv;
      carry = out;
    }
    this.score += carry;
  }
}

/** Levenshtein distance of a and b. */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const column = new Column(compile(a));
  for (let index = 0; index < b.length; index++) column.advance(b.charCodeAt(index), 1);
  return column.score;
}

/** 1 for equal strings, falling to 0 as the edits approach the longer one's length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

export interface ApproximateMatch {
  start: number;
  end: number;
  /** Edits between the pattern and text[start, end). */
  errors: number;
}

export interface SearchOptions {
  /** At most this many matches, the fewest errors first (the search itself is not cut short). */
  limit?: number;
}

/**
 * The places where `pattern` occurs in `text` with at most `maxErrors` edits: for each, the end with
 * the fewest errors locally, then the start that gives that count (backwards, anchored at the end).
 * Matches closer than half the pattern's length to a better one are the same match, and dropped.
 */
export function searchApproximate(
  text: string,
  pattern: string,
  maxErrors: number,
  { limit = 64 }: SearchOptions = {},
): ApproximateMatch[] {
  if (pattern.length === 0) return [];
  const ends = matchEnds(text, compile(pattern), maxErrors);
  const chosen = pickSeparated(ends, Math.max(1, pattern.length >> 1), limit);
  const reversed = compile([...reverseUnits(pattern)].join(''));
  return chosen.map(([end, errors]) => {
    const [length, best] = bestStart(text, reversed, end, pattern.length + maxErrors);
    return { start: end - length, end, errors: Math.min(errors, best) };
  });
}

/** The fewest edits that make `pattern` any substring of `text` (the pattern's length when text is empty). */
export function bestMatchErrors(text: string, pattern: string): number {
  if (pattern.length === 0) return 0;
  const column = new Column(compile(pattern));
  let best = pattern.length;
  for (let index = 0; index < text.length; index++) {
    column.advance(text.charCodeAt(index), 0);
    if (column.score < best) best = column.score;
  }
  return best;
}

/** [end, errors] for every text position where a match with ≤ maxErrors edits ends. */
function matchEnds(text: string, pattern: Pattern, maxErrors: number): Array<[number, number]> {
  const column = new Column(pattern);
  const ends: Array<[number, number]> = [];
  for (let index = 0; index < text.length; index++) {
    column.advance(text.charCodeAt(index), 0);
    if (column.score <= maxErrors) ends.push([index + 1, column.score]);
  }
  return ends;
}

function pickSeparated(ends: Array<[number, number]>, gap: number, limit: number): Array<[number, number]> {
  const byQuality = [...ends].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const chosen: Array<[number, number]> = [];
  for (const candidate of byQuality) {
    if (chosen.length >= limit) break;
    if (chosen.some(([end]) => Math.abs(end - candidate[0]) < gap)) continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a[0] - b[0]);
}

function* reverseUnits(value: string): Generator<string> {
  for (let index = value.length - 1; index >= 0; index--) yield value[index]!;
}

/**
 * Reads the text backwards from `end` with the reversed pattern, anchored there: after t units the
 * column's score is the distance between the pattern and text[end − t, end). Returns the t with the
 * fewest edits (ties: the length nearest the pattern's) and that count.
 */
function bestStart(text: string, reversed: Pattern, end: number, maxLength: number): [number, number] {
  const column = new Column(reversed);
  let bestLength = 0;
  let best = reversed.length;
  const stop = Math.max(0, end - maxLength);
  for (let at = end - 1, length = 1; at >= stop; at--, length++) {
    column.advance(text.charCodeAt(at), 1);
    const nearer = Math.abs(length - reversed.length) < Math.abs(bestLength - reversed.length);
    if (column.score < best || (column.score === best && nearer)) {
      best = column.score;
      bestLength = length;
    }
  }
  return [bestLength, best];
}
