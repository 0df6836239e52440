import type { Resolution, TextSelectors } from '../../../lib/anchoring/schema';
import { describeSelection } from '../../../lib/anchoring/text-anchor';
import { trimLikeMediaWiki } from '../../../lib/model/entry';
import { findTransclusions } from '../../../lib/wikitext';
import { generateProjectPage } from '../../fixtures/generate-page';
import { combine, deleteUnit, reflow, reorderUnits } from './layout-mutations';
import { Draft, MUTATIONS as M, type Mutation, Random, words } from './mutations';
import type { TextEdit, Truth } from './text-edits';

/**
 * The mutation corpus: texts from the generated project page (its fields' wikitext, and the same
 * text as the rendered page reads it: one line, white space collapsed), a quote chosen in each the
 * way a reviewer selects (whole words mostly, sometimes any units), then one kind of edit whose effect
 * on the quote is known exactly. Seeded: the same options give the same cases.
 */
export interface MutationCase {
  id: string;
  kind: string;
  style: 'wikitext' | 'rendered';
  before: string;
  selectors: TextSelectors;
  edits: TextEdit[];
  after: string;
  /** Where the quote is in `after`, or null when it is gone. */
  truth: Truth;
}

/** What the truth says of a quote: still there (possibly edited a little), or gone. */
const ORDINARY: Mutation[] = [
  M.insertBefore(),
  M.insertAfter(),
  M.deleteAround('before'),
  M.deleteAround('after'),
  M.editContext,
  M.typo,
  M.insertInside(),
  M.duplicate(),
  reflow,
  reorderUnits,
];

export const KINDS: Record<string, Mutation> = {
  'insert before': M.insertBefore(),
  'insert after': M.insertAfter(),
  'delete before': M.deleteAround('before'),
  'delete after': M.deleteAround('after'),
  'context word changed': M.editContext,
  'insert inside': M.insertInside(),
  'delete inside': M.deleteInside,
  'typo fixed': M.typo,
  'one word changed': M.wordChange,
  'duplicated elsewhere': M.duplicate(),
  'duplicated with some context': M.duplicate(12),
  'units reordered': reorderUnits,
  'white space reflowed': reflow,
  'unicode inserted': (random, draft) =>
    random.pick([M.insertBefore(true), M.insertAfter(true), M.insertInside(true)])(random, draft),
  'several edits': (random, draft) => combine(random, draft, ORDINARY),
  'quote deleted': M.deleteQuote(),
  'quote replaced': M.replaceQuote,
  'deleted, a copy elsewhere': M.deleteWithCopy,
  'deleted, a near copy elsewhere': M.deleteWithNearCopy,
  'its unit deleted': deleteUnit,
};

/** Field texts of a generated page, at least 200 units long, as wikitext and as rendered text. */
export function baseTexts(
  seed: number,
  entries = 120,
): Array<{ style: 'wikitext' | 'rendered'; text: string }> {
  const page = generateProjectPage({ entries, seed });
  const out: Array<{ style: 'wikitext' | 'rendered'; text: string }> = [];
  for (const transclusion of findTransclusions(page, { name: 'project', aliases: [] }).transclusions) {
    for (const param of transclusion.params) {
      const value = trimLikeMediaWiki(param.value).replace(/\r\n/g, '\n');
      if (value.length < 200) continue;
      out.push({ style: 'wikitext', text: value });
      out.push({ style: 'rendered', text: value.replace(/\s+/g, ' ') });
    }
  }
  return out;
}

/** A reviewer's selection: 1–2, 3–8 or 9–40 whole words, or (one in ten) any units. */
function chooseQuote(random: Random, text: string, unicode: boolean): [number, number] {
  const all = words(text);
  if (random.chance(0.1)) {
    const start = random.int(text.length - 90);
    return [start, start + random.between(5, 80)];
  }
  const sizes: Array<[number, number]> = [
    [1, 2],
    [3, 8],
    [9, 40],
  ];
  const [low, high] = random.pick(sizes);
  const count = random.between(low, high);
  const eligible = unicode ? all.filter(([a, b]) => /[^\x00-\x7f]/.test(text.slice(a, b))) : all;
  const first = random.pick(eligible.length > 0 ? eligible : all);
  const index = all.indexOf(first);
  const from = Math.max(0, Math.min(index, all.length - count));
  return [all[from]![0], all[Math.min(all.length - 1, from + count - 1)]![1]];
}

/**
 * Whether the edited text holds the quote's words between 24 unchanged units of its prefix and of its
 * suffix somewhere other than where the quote truly is (or at all, when it is gone). Then the text no
 * longer tells the two apart (a deleted sentence was followed by the same template call after the same
 * words; reordered paragraphs put a copy of a block where the original was), and any anchoring by
 * context must take one for the other: such a case has no truth to test against, and is counted apart.
 */
function readsElsewhere(after: string, { quote }: TextSelectors, truth: Truth): boolean {
  const prefix = quote.prefix.slice(-24);
  const needle = prefix + quote.exact + quote.suffix.slice(0, 24);
  for (let at = after.indexOf(needle); at >= 0; at = after.indexOf(needle, at + 1)) {
    if (truth === null || at + prefix.length !== truth[0]) return true;
  }
  return false;
}

export interface MutationCorpus {
  cases: MutationCase[];
  /** Generated cases left out because the edited text no longer tells the quote's place (readsElsewhere). */
  indistinguishable: number;
}

export function generateMutationCorpus({ seed, cases }: { seed: number; cases: number }): MutationCorpus {
  const random = new Random(seed);
  let indistinguishable = 0;
  const texts = baseTexts(seed);
  const kinds = Object.entries(KINDS);
  const out: MutationCase[] = [];
  for (let index = 0; index < cases; index++) {
    const [kind, mutate] = kinds[index % kinds.length]!;
    for (let attempt = 0; attempt < 50; attempt++) {
      const { style, text } = random.pick(texts);
      const [start, end] = chooseQuote(random, text, kind === 'unicode inserted');
      if (/^\s*$/.test(text.slice(start, end))) continue;
      const selectors = describeSelection(text, start, end);
      const draft = new Draft(text, [selectors.position.start, selectors.position.end], style);
      let applied: boolean;
      try {
        applied = mutate(random, draft);
      } catch {
        applied = false; // an edit across the quote's end: the truth would be unclear, so not a case
      }
      if (!applied || draft.text === text) continue;
      const { edits, truth } = draft;
      if (readsElsewhere(draft.text, selectors, truth)) {
        indistinguishable++;
        continue;
      }
      out.push({
        id: `${seed}-${index}`,
        kind,
        style,
        before: text,
        selectors,
        edits,
        after: draft.text,
        truth,
      });
      break;
    }
  }
  return { cases: out, indistinguishable };
}

export type Outcome = 'right' | 'missed' | 'wrong';

/**
 * Right: on the quote, or detached when it is gone. On the quote means the found range and the true
 * one share at least half of what they cover together, or the found range lies inside the true one
 * and covers a third of it at least (words inserted into a quote next to words like them: "a b" with
 * "b a" typed after its "a" reads as "a b a b", and the found "a b" is the quote's own text).
 * Missed: detached though it is there (shown as detached: safe, but not found). Wrong: anywhere else,
 * or attached when it is gone.
 */
export function classify(resolution: Resolution, truth: Truth): Outcome {
  if (resolution.status === 'detached') return truth === null ? 'right' : 'missed';
  if (truth === null) return 'wrong';
  const overlap = Math.min(resolution.end, truth[1]) - Math.max(resolution.start, truth[0]);
  const union = Math.max(resolution.end, truth[1]) - Math.min(resolution.start, truth[0]);
  const inside = resolution.start >= truth[0] && resolution.end <= truth[1];
  const found = resolution.end - resolution.start;
  return overlap > 0 && (overlap / union >= 0.5 || (inside && found * 3 >= truth[1] - truth[0]))
    ? 'right'
    : 'wrong';
}

export interface Tally {
  cases: number;
  right: number;
  missed: number;
  wrong: number;
  /** Cases whose quote is gone, and how many of those were detached. */
  gone: number;
  goneDetached: number;
  /** Attached results whose range is exactly the true one. */
  exactBounds: number;
}

export function tally(results: ReadonlyArray<{ truth: Truth; resolution: Resolution }>): Tally {
  const out: Tally = { cases: 0, right: 0, missed: 0, wrong: 0, gone: 0, goneDetached: 0, exactBounds: 0 };
  for (const { truth, resolution } of results) {
    out.cases++;
    out[classify(resolution, truth)]++;
    if (truth === null) {
      out.gone++;
      if (resolution.status === 'detached') out.goneDetached++;
    } else if (resolution.start === truth[0] && resolution.end === truth[1]) out.exactBounds++;
  }
  return out;
}

/**
 * The naive peer: the first exact occurrence of the quote, or detached. What anchoring by the quote
 * alone does; the benchmark and the tests measure the corpus against it.
 */
export function naiveResolve({ quote }: TextSelectors, text: string): Resolution {
  const at = text.indexOf(quote.exact);
  return at < 0
    ? { status: 'detached', reason: 'not-found', start: null, end: null, confidence: 0 }
    : { status: 'moved', start: at, end: at + quote.exact.length, confidence: 1 };
}

/** Kinds that leave the quote's own text as it was (so an exact landing must have the true bounds). */
export const QUOTE_KEPT = new Set([
  'insert before',
  'insert after',
  'delete before',
  'delete after',
  'context word changed',
  'duplicated elsewhere',
  'duplicated with some context',
  'units reordered',
]);
