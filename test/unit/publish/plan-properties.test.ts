// The planner on random edits of the seed page: nothing but the edited values ever changes, and a
// change on the wiki to another field is never lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XEN_PROFILE } from '../../../lib/model';
import { valuesFromParams } from '../../../lib/model/entry';
import { planPublish } from '../../../lib/publish';
import { applyEdits, findTransclusions, setParamValue } from '../../../lib/wikitext';
import { BASE_REVISION, draftOf, page, SEED } from './drafts';

const entries = (text: string) => findTransclusions(text, XEN_PROFILE.template).transclusions;
const FIELDS = XEN_PROFILE.fields.map((field) => field.param);
/** Values that are safe to write: words, links, templates, lists, several lines. */
const value = fc
  .array(
    fc.constantFrom('word', 'Xen', '[[Link|text]]', '{{Comment|x}}', '* item', '\n', ' ', 'é', '2014-01-20'),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');

/** Another user's edit of one field of one entry, made with the codec as a wiki user's tool would. */
function wikiEdit(text: string, ordinal: number, param: string, to: string): string {
  const t = entries(text)[ordinal - 1]!;
  return applyEdits(text, [setParamValue(text, t, param, to)]);
}

describe('planning random edits', () => {
  it('changes only the edited entry, and in it only the edited values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...FIELDS), value, (ordinal, param, to) => {
        const result = planPublish({
          profile: XEN_PROFILE,
          page: page(SEED),
          drafts: [draftOf(SEED, ordinal, { [param]: to })],
        });
        const before = entries(SEED);
        const after = entries(result.newText);
        expect(after).toHaveLength(before.length);
        const edited = before[ordinal - 1]!;
        // Outside the edited entry, every byte is the same.
        expect(result.newText.slice(0, edited.start)).toBe(SEED.slice(0, edited.start));
        expect(result.newText.slice(after[ordinal - 1]!.end)).toBe(SEED.slice(edited.end));
        const old = valuesFromParams(edited.params);
        const now = valuesFromParams(after[ordinal - 1]!.params);
        const expected = { ...old, [param]: to.trim() };
        if (!Object.hasOwn(old, param) && to.trim() === '') delete expected[param];
        expect(now).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });

  it('keeps the wiki’s change to another field when merging', () => {
    const pair = fc
      .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...FIELDS))
      .filter(([a, b]) => a !== b && a !== XEN_PROFILE.titleParam && b !== XEN_PROFILE.titleParam);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        pair,
        value,
        value,
        (ordinal, [theirsParam, mineParam], theirs, mine) => {
          const wiki = wikiEdit(SEED, ordinal, theirsParam, theirs);
          const result = planPublish({
            profile: XEN_PROFILE,
            page: page(wiki, BASE_REVISION + 1),
            drafts: [draftOf(SEED, ordinal, { [mineParam]: mine })],
          });
          expect(result.conflicts).toEqual([]);
          const now = valuesFromParams(entries(result.newText)[ordinal - 1]!.params);
          expect(now[theirsParam]).toBe(theirs.trim());
          expect(now[mineParam]).toBe(mine.trim());
          expect(
            entries(result.newText).map((t, i) =>
              i === ordinal - 1 ? '' : result.newText.slice(t.start, t.end),
            ),
          ).toEqual(entries(wiki).map((t, i) => (i === ordinal - 1 ? '' : wiki.slice(t.start, t.end))));
        },
      ),
      { numRuns: 80 },
    );
  });
});
