import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLiveAnchor, resolveAnchor } from '../../../lib/anchoring/live-anchor';
import { resolveSelectors } from '../../../lib/anchoring/text-anchor';
import {
  classify,
  generateMutationCorpus,
  KINDS,
  type MutationCase,
  naiveResolve,
  QUOTE_KEPT,
  tally,
} from './mutation-corpus';
import { applyEditToYText } from './text-edits';

// Two seeds, 2,000 cases each: every kind 100 times per seed. A failing case's id is `seed-index`.
const CORPORA = [1, 2].map((seed) => generateMutationCorpus({ seed, cases: 2000 }));
const CASES: MutationCase[] = CORPORA.flatMap((corpus) => corpus.cases);
const RESULTS = CASES.map((c) => ({ c, truth: c.truth, resolution: resolveSelectors(c.selectors, c.after) }));

const describeCase = ({ c, resolution }: (typeof RESULTS)[number]) =>
  `${c.id} ${c.kind}: ${JSON.stringify(c.selectors.quote.exact)} → ${JSON.stringify(resolution)}, truth ${JSON.stringify(c.truth)}`;

describe('the mutation corpus', () => {
  it('covers every kind of edit, the same cases for the same seed', () => {
    expect(CASES).toHaveLength(4000);
    expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(Object.keys(KINDS)));
    expect(new Set(CASES.map((c) => c.style))).toEqual(new Set(['wikitext', 'rendered']));
    const again = generateMutationCorpus({ seed: 1, cases: 50 }).cases;
    expect(again.map((c) => c.after)).toEqual(CORPORA[0]!.cases.slice(0, 50).map((c) => c.after));
    // Cases whose text no longer tells the quote's place are rare and counted, not hidden.
    expect(CORPORA.reduce((sum, corpus) => sum + corpus.indistinguishable, 0)).toBeLessThan(40);
  });

  it('has teeth: anchoring by the quote alone lands on the wrong text in it', () => {
    const naive = tally(
      CASES.map((c) => ({ truth: c.truth, resolution: naiveResolve(c.selectors, c.after) })),
    );
    expect(naive.wrong).toBeGreaterThan(400);
  });
});

describe('resolveSelectors on the mutation corpus', () => {
  it('never lands on the wrong text', () => {
    const wrong = RESULTS.filter((r) => classify(r.resolution, r.truth) === 'wrong');
    expect(wrong.map(describeCase)).toEqual([]);
  });

  it('is detached whenever the quote is gone', () => {
    const gone = RESULTS.filter((r) => r.truth === null);
    expect(gone.length).toBe(1000);
    expect(gone.filter((r) => r.resolution.status !== 'detached').map(describeCase)).toEqual([]);
  });

  it('finds nine in ten of all cases right, and more where the quote itself was kept', () => {
    const all = tally(RESULTS);
    expect(all.right / all.cases).toBeGreaterThan(0.9);
    const kept = tally(RESULTS.filter((r) => QUOTE_KEPT.has(r.c.kind)));
    expect(kept.right / kept.cases).toBeGreaterThan(0.93);
  });

  it('lands exactly on the true bounds when it says anchored or moved and the quote was kept', () => {
    const exact = RESULTS.filter(
      (r) =>
        QUOTE_KEPT.has(r.c.kind) && (r.resolution.status === 'anchored' || r.resolution.status === 'moved'),
    );
    expect(exact.length).toBeGreaterThan(1000);
    const off = exact.filter((r) => r.resolution.start !== r.truth![0] || r.resolution.end !== r.truth![1]);
    expect(off.map(describeCase)).toEqual([]);
  });
});

describe('resolveAnchor with live positions on the mutation corpus (the same edits on a Y.Text)', () => {
  const target = {
    entry: { title: 'T', ordinal: 1, draftId: 'd1' },
    scope: { kind: 'field' as const, param: 'Desc' },
  };
  // Every third case: 3 and the 20 kinds share no divisor, so every kind is in the sample.
  const live = CASES.filter((_, index) => index % 3 === 0).map((c) => {
    const ytext = new Y.Doc().getText('Desc');
    ytext.insert(0, c.before);
    const anchor = createLiveAnchor(target, ytext, c.selectors.position.start, c.selectors.position.end);
    for (const edit of c.edits) applyEditToYText(ytext, edit);
    return {
      c,
      truth: c.truth,
      resolution: resolveAnchor(anchor, ytext.toString(), ytext),
      text: ytext.toString(),
    };
  });

  it('applies the same edits (the Y.Text reads as the edited text)', () => {
    expect(live.filter((r) => r.text !== r.c.after).map((r) => r.c.id)).toEqual([]);
  });

  it('never lands on the wrong text, and finds more than the text selectors alone', () => {
    expect(live.filter((r) => classify(r.resolution, r.truth) === 'wrong').map(describeCase)).toEqual([]);
    const withLive = tally(live);
    expect(withLive.right / withLive.cases).toBeGreaterThan(0.96);
    expect(withLive.right).toBeGreaterThan(tally(RESULTS.filter((_, index) => index % 3 === 0)).right);
  });
});
