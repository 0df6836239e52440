/**
 * bench/anchoring: re-anchoring reviewer comments after the text changed, against the naive peer
 * (the first exact occurrence of the quote, else detached) measured in the same run.
 *
 *   npm run bench anchoring        (or: npx tsx bench/anchoring.ts)
 *
 * 1. The 500-entry page (test/fixtures/generate-page.ts, seed 1) with 200 comments, one per entry
 *    (Desc, Outcomes or Skills), then edited as mentors do: text inserted before or after quotes,
 *    typos fixed and words changed inside them, quotes deleted, lines reflowed, quotes pasted
 *    elsewhere, three entries added at the top (every ordinal shifts). Timed: finding each comment's
 *    entry and resolving its anchor against that field's text now; the page rescan is not timed.
 * 2. The mutation corpus (test/unit/anchoring/mutation-corpus.ts) on seeds the unit tests do not use:
 *    the share of anchors right, detached and wrong.
 */
import * as Y from 'yjs';
import {
  type Anchor,
  createAnchor,
  createEntryMatcher,
  createLiveAnchor,
  type Resolution,
  resolveAnchor,
} from '../lib/anchoring/index.ts';
import { trimLikeMediaWiki } from '../lib/model/entry.ts';
import {
  applyEdits,
  findTransclusions,
  setParamValue,
  type TextEdit,
  type Transclusion,
} from '../lib/wikitext/index.ts';
import { generateProjectPage } from '../test/fixtures/generate-page.ts';
import { reflow } from '../test/unit/anchoring/layout-mutations.ts';
import {
  generateMutationCorpus,
  naiveResolve,
  type Tally,
  tally,
} from '../test/unit/anchoring/mutation-corpus.ts';
import { Draft, MUTATIONS, type Mutation, phrase, Random, words } from '../test/unit/anchoring/mutations.ts';
import { applyEditToYText, type Truth } from '../test/unit/anchoring/text-edits.ts';
import { bar, keep, machine, ms, time } from './support/measure.ts';

const MATCHER = { name: 'project', aliases: [] };
const COMMENTS = 200;
const FIELDS = ['Desc', 'Desc', 'Outcomes', 'Skills'];
const CORPUS_SEEDS = [101, 102, 103, 104, 105];
const leave: Mutation = () => true;
/** What happens to the text of a commented field, by share. */
const EDITS: Array<[number, Mutation]> = [
  [0.1, leave],
  [0.3, MUTATIONS.insertBefore()],
  [0.2, MUTATIONS.insertAfter()],
  [0.1, MUTATIONS.typo],
  [0.1, MUTATIONS.wordChange],
  [0.1, MUTATIONS.deleteQuote()],
  [0.05, reflow],
  [0.05, MUTATIONS.duplicate()],
];

const entriesOf = (page: string): Transclusion[] =>
  findTransclusions(page, MATCHER).transclusions.filter((t) => !t.nested);
const paramValue = (t: Transclusion, param: string): string | undefined => {
  const found = t.params.find((p) => p.name === param);
  return found ? trimLikeMediaWiki(found.value) : undefined;
};
const titleOf = (t: Transclusion): string => paramValue(t, 'Project') ?? '';

interface Comment {
  anchor: Anchor;
  param: string;
  truth: Truth;
}

function pickMutation(random: Random): Mutation {
  let roll = random.next();
  for (const [share, mutation] of EDITS) {
    roll -= share;
    if (roll < 0) return mutation;
  }
  return leave;
}

/** 200 comments on the page, and the page after the mentors' edits. */
function commentedPage(): { comments: Comment[]; before: string; after: string; creationMs: number[] } {
  const random = new Random(7);
  const before = generateProjectPage({ entries: 500, seed: 1 });
  const entries = entriesOf(before);
  const comments: Comment[] = [];
  const edits: TextEdit[] = [];
  const creationMs: number[] = [];
  const order = [...entries.keys()].sort(() => random.next() - 0.5);
  for (const index of order) {
    if (comments.length === COMMENTS) break;
    const t = entries[index]!;
    const param = random.pick(FIELDS);
    const value = paramValue(t, param);
    if (!value || value.length < 80) continue;
    const spans = words(value);
    const first = random.int(spans.length);
    const last = Math.min(spans.length - 1, first + random.between(0, 11));
    const target = {
      entry: { title: titleOf(t), ordinal: index + 1, draftId: null },
      scope: { kind: 'field' as const, param },
    };
    const started = performance.now();
    const anchor = createAnchor(target, value, spans[first]![0], spans[last]![1]);
    creationMs.push(performance.now() - started);
    const draft = new Draft(value, [anchor.position.start, anchor.position.end], 'wikitext');
    if (!pickMutation(random)(random, draft) || draft.text !== trimLikeMediaWiki(draft.text)) continue;
    comments.push({ anchor, param, truth: draft.truth });
    if (draft.text !== value) edits.push(setParamValue(before, t, param, draft.text));
  }
  const added = [1, 2, 3]
    .map((n) => `{{project\n|Project=Benchmark idea ${n}\n|Desc=${phrase(random, 20)}\n}}\n`)
    .join('');
  edits.push({ start: 0, end: 0, text: added });
  return { comments, before, after: applyEdits(before, edits), creationMs };
}

function reanchoring(): void {
  const { comments, after, creationMs } = commentedPage();
  const entries = entriesOf(after);
  const candidates = entries.map((t, index) => ({ title: titleOf(t), ordinal: index + 1 }));
  const values = entries.map((t) => new Map(t.params.map((p) => [p.name, trimLikeMediaWiki(p.value)])));
  const run = (resolve: (anchor: Anchor, text: string) => Resolution) => () => {
    const matchEntry = createEntryMatcher(candidates);
    return comments.map(({ anchor, param }) => {
      const index = matchEntry(anchor.target.entry);
      const text = index < 0 ? undefined : values[index]!.get(param);
      return text === undefined ? null : resolve(anchor, text);
    });
  };
  const ours = run((anchor, text) => resolveAnchor(anchor, text));
  const peer = run((anchor, text) => naiveResolve(anchor, text));
  const oursTime = time(ours, { warmup: 5, runs: 40 });
  const peerTime = time(peer, { warmup: 5, runs: 40 });
  const score = (results: Array<Resolution | null>) =>
    tally(results.map((resolution, k) => ({ truth: comments[k]!.truth, resolution: resolution ?? lost })));
  const oursTally = score(ours());
  const peerTally = score(peer());
  creationMs.sort((a, b) => a - b);
  console.log(
    `\nre-anchoring ${comments.length} comments on the 500-entry page after edits (3 entries added above)`,
  );
  console.log(
    `  ours:  median ${ms(oursTime.medianMs)}, p90 ${ms(oursTime.p90Ms)} (${oursTime.runs} runs)  ${shares(oursTally)}`,
  );
  console.log(`  naive: median ${ms(peerTime.medianMs)}, p90 ${ms(peerTime.p90Ms)}  ${shares(peerTally)}`);
  console.log(
    `  ratio: ours takes ${(oursTime.medianMs / peerTime.medianMs).toFixed(1)}× the naive peer's time`,
  );
  console.log(
    `  making one anchor (quote, context, look-alike): median ${ms(creationMs[creationMs.length >> 1]!)}`,
  );
  bar('re-anchoring 200 comments under 50 ms (median)', oursTime.medianMs < 50, ms(oursTime.medianMs));
  bar('no comment of the 200 on the wrong text', oursTally.wrong === 0, `${oursTally.wrong} wrong`);
}

const lost: Resolution = { status: 'detached', reason: 'no-entry', start: null, end: null, confidence: 0 };
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(2)} %`;
const shares = (t: Tally) =>
  `right ${percent(t.right, t.cases)}, detached ${percent(t.missed + t.goneDetached, t.cases)} (${t.missed} of them still there), wrong ${percent(t.wrong, t.cases)} (${t.wrong})`;

function corpus(): void {
  let indistinguishable = 0;
  const cases = CORPUS_SEEDS.flatMap((seed) => {
    const generated = generateMutationCorpus({ seed, cases: 4000 });
    indistinguishable += generated.indistinguishable;
    return generated.cases;
  });
  const started = performance.now();
  const ours = tally(
    cases.map((c) => ({
      truth: c.truth,
      resolution: resolveAnchor({ target: TARGET, ...c.selectors }, c.after),
    })),
  );
  const oursMs = performance.now() - started;
  const peerStarted = performance.now();
  const peer = tally(cases.map((c) => ({ truth: c.truth, resolution: naiveResolve(c.selectors, c.after) })));
  const peerMs = performance.now() - peerStarted;
  // Every 7th: 7 and the 20 kinds share no divisor, so every kind is sampled alike.
  const sample = cases.filter((_, index) => index % 7 === 0);
  const live = tally(
    sample.map((c) => {
      const ytext = new Y.Doc().getText('Desc');
      ytext.insert(0, c.before);
      const anchor = createLiveAnchor(TARGET, ytext, c.selectors.position.start, c.selectors.position.end);
      for (const edit of c.edits) applyEditToYText(ytext, edit);
      return { truth: c.truth, resolution: resolveAnchor(anchor, ytext.toString(), ytext) };
    }),
  );
  console.log(
    `\nmutation corpus: ${cases.length} cases (seeds ${CORPUS_SEEDS.join(', ')}; ${ours.gone} with the quote gone; ${indistinguishable} generated cases left out as indistinguishable)`,
  );
  console.log(`  ours:  ${shares(ours)}; ${ms(oursMs / cases.length)} per case`);
  console.log(`  naive: ${shares(peer)}; ${ms(peerMs / cases.length)} per case`);
  console.log(
    `  ours with Yjs relative positions (the same edits on a Y.Text, every 7th case): ${shares(live)}`,
  );
  console.log(
    `  ratio: ours is right ${(ours.right / peer.right).toFixed(2)}× as often; wrong ${ours.wrong} against ${peer.wrong}`,
  );
  bar(
    'no anchor on the wrong text in the mutation corpus',
    ours.wrong === 0 && live.wrong === 0,
    `${ours.wrong} + ${live.wrong} wrong`,
  );
  keep([ours, peer, live]);
}

const TARGET = {
  entry: { title: 'Corpus', ordinal: 1, draftId: null },
  scope: { kind: 'field' as const, param: 'Desc' },
};

console.log(`machine: ${machine()}`);
reanchoring();
corpus();
