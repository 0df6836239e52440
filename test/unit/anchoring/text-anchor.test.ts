import { describe, expect, it } from 'vitest';
import {
  AnchorSchema,
  createAnchor,
  describeSelection,
  prepareText,
  ResolutionSchema,
  resolveSelectors,
  selectionProblem,
} from '../../../lib/anchoring';

const TARGET = {
  entry: { title: 'Lazy restore', ordinal: 1, draftId: null },
  scope: { kind: 'field' as const, param: 'Desc' },
};
const TEXT =
  'VM Save/restore results in a boatload of IO and non-optimal use of memory by the guest. ' +
  'Lazy restore pages in memory only when the guest touches them.\n\n' +
  'The toolstack needs a paging helper for this.';

const selectorsOf = (text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  return describeSelection(text, start, start + quote.length);
};

describe('describeSelection and createAnchor', () => {
  it('keeps the quote, 32 units of context either side, and the offsets', () => {
    const selectors = selectorsOf(TEXT, 'boatload of IO');
    expect(selectors.quote).toEqual({
      exact: 'boatload of IO',
      prefix: 'VM Save/restore results in a '.slice(-32),
      suffix: ' and non-optimal use of memory b',
    });
    expect(selectors.position).toEqual({ start: 29, end: 43 });
    expect(AnchorSchema.safeParse(createAnchor(TARGET, TEXT, 29, 43)).success).toBe(true);
  });

  it('leaves white space at the ends out and never cuts a surrogate pair', () => {
    const text = 'a 😀 smile here';
    const selectors = describeSelection(text, 1, 4); // " \ud83d\ude00"[0..] ends inside the emoji
    expect(selectors.quote.exact).toBe('😀');
    expect(selectors.position).toEqual({ start: 2, end: 4 });
  });

  it('says in words why a selection cannot be quoted, and createAnchor refuses it', () => {
    expect(selectionProblem(TEXT, 5, 5)).toMatch(/Select some text/);
    expect(selectionProblem('a    b', 1, 5)).toMatch(/not only white space/);
    expect(selectionProblem('x'.repeat(6000), 0, 6000)).toMatch(/at most 5,000 characters/);
    expect(() => createAnchor(TARGET, TEXT, 10, 4)).toThrow(RangeError);
  });

  it('records how much another place resembled the quote (its look-alike)', () => {
    expect(selectorsOf(TEXT, 'boatload of IO').lookalike).toBeUndefined();
    const twice = 'the guest runs. the guest runs. the guest runs.';
    expect(selectorsOf(twice, 'guest', 16).lookalike).toBeGreaterThan(0.5);
  });
});

describe('resolveSelectors', () => {
  const selectors = selectorsOf(TEXT, 'only when the guest touches them');
  const at = TEXT.indexOf('only when the guest touches them');

  it('is anchored where it was while nothing changed', () => {
    const resolution = resolveSelectors(selectors, TEXT);
    expect(resolution).toEqual({ status: 'anchored', start: at, end: at + 32, confidence: 1 });
    expect(ResolutionSchema.safeParse(resolution).success).toBe(true);
  });

  it('moves with text inserted or deleted before it', () => {
    const edited = `A new first sentence. ${TEXT.replace('a boatload of', 'lots of')}`;
    const resolution = resolveSelectors(selectors, edited);
    expect(resolution.status).toBe('moved');
    expect(edited.slice(resolution.start!, resolution.end!)).toBe('only when the guest touches them');
  });

  it('finds it fuzzily after a typo fix or one changed word inside, on the changed text', () => {
    const edited = TEXT.replace('only when the guest touches them', 'only when the guest first touches them');
    const resolution = resolveSelectors(selectors, edited);
    expect(resolution.status).toBe('fuzzy');
    expect(edited.slice(resolution.start!, resolution.end!)).toBe('only when the guest first touches them');
    expect(resolution.confidence).toBeGreaterThan(0.8);
    expect(resolution.confidence).toBeLessThan(1);
  });

  it('reads through reflowed white space', () => {
    const edited = TEXT.replace('the guest touches', 'the\n  guest touches');
    const resolution = resolveSelectors(selectors, edited);
    expect(resolution.status).toBe('anchored');
    expect(edited.slice(resolution.start!, resolution.end!)).toBe('only when the\n  guest touches them');
  });

  it('is detached when its text is deleted, even with the same words elsewhere', () => {
    const edited = TEXT.replace(' only when the guest touches them', '');
    expect(resolveSelectors(selectors, edited)).toMatchObject({ status: 'detached', reason: 'not-found' });
    const copied = `${edited}\n\nNote: only when the guest touches them.`;
    expect(resolveSelectors(selectors, copied).status).toBe('detached');
    expect(resolveSelectors(selectors, '').status).toBe('detached');
  });

  it('stays on the original when the quote is pasted elsewhere', () => {
    const edited = `${TEXT}\n\nSee above: only when the guest touches them.`;
    expect(resolveSelectors(selectors, edited)).toEqual({
      status: 'anchored',
      start: at,
      end: at + 32,
      confidence: 1,
    });
  });

  it('is detached as ambiguous when two places fit equally and neither is where it was', () => {
    const block = 'Mentor: George Dunlap. Skills: C, OCaml. Difficulty: Medium.';
    const text = `${block}\n${block}\n${block}`;
    const name = text.indexOf('George Dunlap', block.length); // the middle block's
    const middle = describeSelection(text, name, name + 'George Dunlap'.length);
    expect(middle.lookalike).toBe(1); // the third block's name has the very same context
    const resolution = resolveSelectors(middle, `Intro.\n${text}`);
    expect(resolution).toMatchObject({ status: 'detached', reason: 'ambiguous' });
  });

  it('never attaches a deleted one-word quote to the next word of the same spelling', () => {
    const text = 'the driver model uses the driver page and the driver list of the guest';
    const second = describeSelection(text, text.indexOf('driver', 20), text.indexOf('driver', 20) + 6);
    const edited = text.replace('uses the driver page', 'uses the page');
    expect(resolveSelectors(second, edited).status).toBe('detached');
  });

  it('takes a prepared text as well as a string, with the same result', () => {
    const edited = `Intro.\n${TEXT}`;
    expect(resolveSelectors(selectors, prepareText(edited))).toEqual(resolveSelectors(selectors, edited));
  });

  it('reports offsets that never cut a surrogate pair', () => {
    const text = 'Ünïcödé 😀 𝔘𝔫𝔦 text, and more words after it to have context';
    const quote = describeSelection(text, text.indexOf('😀'), text.indexOf('text,'));
    const edited = text.replace('😀 𝔘𝔫𝔦', '😀 𝔘𝔦𝔫𝔦');
    const resolution = resolveSelectors(quote, edited);
    expect(resolution.status).toBe('fuzzy');
    const found = edited.slice(resolution.start!, resolution.end!);
    expect(found).toBe('😀 𝔘𝔦𝔫𝔦');
    expect(found.isWellFormed()).toBe(true);
  });
});
