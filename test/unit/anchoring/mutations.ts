import { snapToCharacters } from '../../../lib/anchoring/text-anchor';
import { applyEdit, splice, type TextEdit, type Truth, trackEdit } from './text-edits';

/**
 * The kinds of edit a mentor makes around a reviewer's quote, each as a function that edits a Draft
 * (text + where the quote is) and says false when it does not apply to this text and quote.
 */

/** mulberry32: small and seedable; a failing case replays from its seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)]!;
  }
}

export class Draft {
  readonly edits: TextEdit[] = [];
  constructor(
    public text: string,
    public truth: Truth,
    /** 'rendered' text is one line (the page's text, white space collapsed); 'wikitext' has lines. */
    readonly style: 'wikitext' | 'rendered',
  ) {}
  apply(edit: TextEdit): void {
    this.truth = trackEdit(this.truth, edit);
    this.text = applyEdit(this.text, edit);
    this.edits.push(edit);
  }
  get quote(): [number, number] {
    if (!this.truth) throw new Error('the quote is gone');
    return [this.truth[0], this.truth[1]];
  }
}

export type Mutation = (random: Random, draft: Draft) => boolean;

const VOCABULARY = (
  'the guest hypervisor domain scheduler page table grant event channel ring buffer device model ' +
  'toolstack migration latency throughput upstream patch series review mailing list design document ' +
  'benchmark regression driver backend frontend hotplug vCPU memory footprint performance interface'
).split(' ');
const UNICODE = ['😀', '👩‍💻', '日本語', 'Ünïcödé', 'naïve', 'שלום', 'مرحبا', '𝔘𝔫𝔦', 'ﬁle', 'Ångström', '🇩🇪'];

export function phrase(random: Random, words = random.between(1, 8), unicode = false): string {
  const out = Array.from({ length: words }, () =>
    unicode && random.chance(0.5) ? random.pick(UNICODE) : random.pick(VOCABULARY),
  );
  return out.join(' ');
}

/** [start, end) of each run of non-space units. */
export function words(text: string): Array<[number, number]> {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

const insertBefore =
  (unicode = false): Mutation =>
  (random, draft) => {
    const [start] = draft.quote;
    const starts = [0, ...words(draft.text).map(([a]) => a)].filter((a) => a <= start);
    const at = random.chance(0.4) ? start : random.pick(starts);
    draft.apply(splice(at, 0, `${phrase(random, random.between(1, 12), unicode)} `));
    return true;
  };

const insertAfter =
  (unicode = false): Mutation =>
  (random, draft) => {
    const [, end] = draft.quote;
    const ends = [draft.text.length, ...words(draft.text).map(([, b]) => b)].filter((b) => b >= end);
    const at = random.chance(0.4) ? end : random.pick(ends);
    draft.apply(splice(at, 0, ` ${phrase(random, random.between(1, 12), unicode)}`));
    return true;
  };

/** Deletes 1–6 whole words entirely on one side of the quote. */
const deleteAround =
  (side: 'before' | 'after'): Mutation =>
  (random, draft) => {
    const [start, end] = draft.quote;
    const candidates = words(draft.text).filter(([a, b]) => (side === 'before' ? b <= start : a >= end));
    if (candidates.length === 0) return false;
    const first = random.int(candidates.length);
    const last = Math.min(candidates.length - 1, first + random.between(0, 5));
    const from = candidates[first]![0];
    const to = candidates[last]![1];
    draft.apply(splice(from, to - from, ''));
    return true;
  };

/** One word within the context windows (32 units either side) replaced. */
const editContext: Mutation = (random, draft) => {
  const [start, end] = draft.quote;
  const near = words(draft.text).filter(
    ([a, b]) => (b <= start && b > start - 32) || (a >= end && a < end + 32),
  );
  if (near.length === 0) return false;
  const [a, b] = random.pick(near);
  draft.apply(splice(a, b - a, random.pick(VOCABULARY)));
  return true;
};

const insideWords = (draft: Draft): Array<[number, number]> => {
  const [start, end] = draft.quote;
  return words(draft.text).filter(([a, b]) => a >= start && b <= end);
};

const insertInside =
  (unicode = false): Mutation =>
  (random, draft) => {
    const [start, end] = draft.quote;
    if (end - start < 20) return false;
    const inner = insideWords(draft).filter(([a]) => a > start);
    if (inner.length === 0) return false;
    draft.apply(splice(random.pick(inner)[0], 0, `${phrase(random, random.between(1, 2), unicode)} `));
    return true;
  };

const deleteInside: Mutation = (random, draft) => {
  const [start, end] = draft.quote;
  const limit = (end - start) * 0.2;
  const inner = insideWords(draft).filter(([a, b]) => a > start && b < end && b + 1 - a <= limit);
  if (inner.length === 0) return false;
  const [a, b] = random.pick(inner);
  draft.apply(splice(a, b + 1 - a, ''));
  return true;
};

/** One letter substituted, dropped, doubled, or two swapped. */
const typo: Mutation = (random, draft) => {
  const [start, end] = draft.quote;
  if (end - start < 8) return false;
  const letters: number[] = [];
  for (let at = start + 1; at < end - 2; at++) if (/[a-z]/i.test(draft.text[at]!)) letters.push(at);
  if (letters.length === 0) return false;
  const at = random.pick(letters);
  const letter = draft.text[at]!;
  const other = letter === 'x' ? 'y' : 'x';
  const kind = random.int(4);
  if (kind === 0) draft.apply(splice(at, 1, other));
  else if (kind === 1) draft.apply(splice(at, 1, ''));
  else if (kind === 2) draft.apply(splice(at, 0, letter));
  else if (/[a-z]/i.test(draft.text[at + 1]!)) draft.apply(splice(at, 2, `${draft.text[at + 1]}${letter}`));
  else draft.apply(splice(at, 1, other));
  return true;
};

const wordChange: Mutation = (random, draft) => {
  const [start, end] = draft.quote;
  if (end - start < 20) return false;
  const inner = insideWords(draft).filter(([a, b]) => b - a < (end - start) / 2);
  if (inner.length === 0) return false;
  const [a, b] = random.pick(inner);
  const current = draft.text.slice(a, b);
  const replacement = random.pick(VOCABULARY.filter((word) => word !== current));
  draft.apply(splice(a, b - a, replacement));
  return true;
};

/** A word boundary at least 64 units from the quote: outside its context on both sides. */
function farPosition(random: Random, draft: Draft): number | null {
  const [start, end] = draft.quote;
  const far = words(draft.text)
    .map(([, b]) => b)
    .filter((b) => b <= start - 64 || b >= end + 64);
  return far.length > 0 ? random.pick(far) : null;
}

const duplicate =
  (contextUnits = 0): Mutation =>
  (random, draft) => {
    const [start, end] = draft.quote;
    const at = farPosition(random, draft);
    if (at === null) return false;
    const context = draft.text.slice(Math.max(0, start - contextUnits), start);
    draft.apply(splice(at, 0, ` ${context}${draft.text.slice(start, end)} `));
    return true;
  };

const deleteQuote =
  (slack = 15): Mutation =>
  (random, draft) => {
    const [start, end] = draft.quote;
    const [from, to] = snapToCharacters(
      draft.text,
      start - random.between(0, Math.min(start, slack)),
      end + random.between(0, Math.min(draft.text.length - end, slack)),
    );
    draft.apply(splice(from, to - from, ''));
    return true;
  };

/** Other words in its place, none like the quote's own (else the quote could be there again, rightly). */
const replaceQuote: Mutation = (random, draft) => {
  const [start, end] = draft.quote;
  const quote = draft.text.slice(start, end).toLowerCase();
  const shares = (word: string) =>
    [...Array(Math.max(1, word.length - 3)).keys()].some((at) =>
      quote.includes(word.slice(at, at + 4).toLowerCase()),
    );
  const others = VOCABULARY.filter((word) => !shares(word));
  const replacement = Array.from({ length: random.between(1, 6) }, () => random.pick(others)).join(' ');
  draft.apply(splice(start, end - start, replacement));
  return true;
};

const deleteWithCopy: Mutation = (random, draft) =>
  duplicate(0)(random, draft) && deleteQuote(0)(random, draft);

const deleteWithNearCopy: Mutation = (random, draft) => {
  const [start, end] = draft.quote;
  if (end - start < 20) return false;
  const at = farPosition(random, draft);
  if (at === null) return false;
  const quote = draft.text.slice(start, end);
  const inner = words(quote).filter(([a, b]) => b - a < quote.length / 2);
  if (inner.length === 0) return false;
  const [a, b] = random.pick(inner);
  draft.apply(splice(at, 0, ` ${quote.slice(0, a)}${random.pick(VOCABULARY)}${quote.slice(b)} `));
  return deleteQuote(0)(random, draft);
};

export const MUTATIONS = {
  insertBefore,
  insertAfter,
  deleteAround,
  editContext,
  insertInside,
  deleteInside,
  typo,
  wordChange,
  duplicate,
  deleteQuote,
  replaceQuote,
  deleteWithCopy,
  deleteWithNearCopy,
};
