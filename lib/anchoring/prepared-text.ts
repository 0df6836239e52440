/**
 * Text with every run of white space read as one space, and the way back to the original offsets.
 * Reflowing a paragraph (new line breaks, double spaces, a tab for spaces) changes no word, so the
 * search for a quote compares texts this way; what it finds is reported in the original's offsets.
 *
 * Preparing costs one pass over the text; resolving many anchors against one text (an entry's
 * threads) prepares it once: every resolve function takes a PreparedText as well as a string.
 */
export interface PreparedText {
  /** The text as given. */
  readonly raw: string;
  /** The text with each run of white space as one ' '. */
  readonly text: string;
  /** For each unit of `text`, where it starts in `raw`; one more entry, raw.length, at the end. */
  readonly starts: Int32Array;
  /** For each unit of `text`, where it ends in `raw` (a collapsed run ends after its last unit). */
  readonly ends: Int32Array;
}

/** JavaScript's \s: the white space a reflow (or the rendered page's collapsing) can change. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The string with each run of white space as one ' ' (as prepareText reads it). */
export function collapseSpace(value: string): string {
  return value.replace(/\s+/g, ' ');
}

export function prepareText(raw: string): PreparedText {
  const starts = new Int32Array(raw.length + 1);
  const ends = new Int32Array(raw.length);
  const parts: string[] = [];
  let length = 0;
  let runFrom = 0;
  for (let index = 0; index < raw.length; ) {
    if (!isSpace(raw.charCodeAt(index))) {
      let stop = index + 1;
      while (stop < raw.length && !isSpace(raw.charCodeAt(stop))) stop++;
      for (let at = index; at < stop; at++, length++) {
        starts[length] = at;
        ends[length] = at + 1;
      }
      parts.push(raw.slice(index, stop));
      index = stop;
      continue;
    }
    runFrom = index;
    while (index < raw.length && isSpace(raw.charCodeAt(index))) index++;
    starts[length] = runFrom;
    ends[length] = index;
    parts.push(' ');
    length++;
  }
  starts[length] = raw.length;
  return {
    raw,
    text: parts.join(''),
    starts: starts.subarray(0, length + 1),
    ends: ends.subarray(0, length),
  };
}

export const asPrepared = (input: string | PreparedText): PreparedText =>
  typeof input === 'string' ? prepareText(input) : input;

/** The raw offsets of the prepared range [start, end). */
export function rawRange(prepared: PreparedText, start: number, end: number): [number, number] {
  const rawStart = prepared.starts[start]!;
  return [rawStart, end > start ? prepared.ends[end - 1]! : rawStart];
}

/** The prepared offset at or after raw offset `rawOffset` (binary search: starts only grow). */
export function preparedOffset(prepared: PreparedText, rawOffset: number): number {
  let low = 0;
  let high = prepared.starts.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (prepared.starts[middle]! < rawOffset) low = middle + 1;
    else high = middle;
  }
  return low;
}
