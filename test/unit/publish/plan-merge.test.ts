// Planning when the wiki changed since the draft's base: the per-parameter three-way merge, conflicts
// and the user's decisions, and entries moved, renamed or deleted on the wiki.
import { describe, expect, it } from 'vitest';
import { XEN_PROFILE } from '../../../lib/model';
import { type PublishDraft, planPublish, replan, resolveConflicts } from '../../../lib/publish';
import { BASE_REVISION, draftOf, entryText, page, replaceOnce, SEED } from './drafts';

const LAZY = 'Lazy restore using memory paging';
const NOW = BASE_REVISION + 3;
const plan = (drafts: PublishDraft[], wiki: string) =>
  planPublish({ profile: XEN_PROFILE, page: page(wiki, NOW), drafts });

/** The seed page after another user's edit to entry 2. */
const wikiEdit = (from: string, to: string) => replaceOnce(SEED, `${LAZY}\n${from}`, `${LAZY}\n${to}`);
const LAZY_HEAD =
  '|Date=01/20/2014\n|Verified=Not updated in 2016\n|Contact=Mentor: Andres Lagar-Cavilla, Student: Dushyant Behl\n|Difficulty=Medium\n';

describe('the wiki changed another field of the entry', () => {
  it('keeps the wiki’s change and publishes the draft’s, byte for byte', () => {
    const wiki = wikiEdit(LAZY_HEAD, LAZY_HEAD.replace('Student: Dushyant Behl', 'Student: D. Behl'));
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard' })], wiki);
    expect(result.newText).toBe(replaceOnce(wiki, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
    expect(result.publishable).toBe(true);
    expect(result.conflicts).toEqual([]);
    expect(result.revisionId).toBe(NOW);
    const [entry] = result.entries;
    expect(entry!.changes).toEqual([
      { param: 'Difficulty', label: 'Difficulty', before: 'Medium', after: 'Hard' },
    ]);
    expect(entry!.keptFromWiki).toEqual([
      {
        param: 'Contact',
        label: 'Technical contact',
        before: 'Mentor: Andres Lagar-Cavilla, Student: Dushyant Behl',
        after: 'Mentor: Andres Lagar-Cavilla, Student: D. Behl',
      },
    ]);
    expect(result.notes).toEqual([
      `The wiki page changed since the draft was started (revision ${BASE_REVISION} → ${NOW}); changes made there meanwhile are kept.`,
    ]);
  });

  it('takes the same change made on both sides as no conflict', () => {
    const wiki = wikiEdit(LAZY_HEAD, LAZY_HEAD.replace('Difficulty=Medium', 'Difficulty=Hard'));
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard' })], wiki);
    expect(result.conflicts).toEqual([]);
    expect(result.entries[0]!.action).toBe('unchanged');
    expect(result.blockers).toEqual(['Nothing to publish: the wiki already holds these values.']);
  });
});

describe('the wiki changed the same field', () => {
  const wiki = wikiEdit(LAZY_HEAD, LAZY_HEAD.replace('Difficulty=Medium', 'Difficulty=Medium-High'));
  const draft = draftOf(SEED, 2, { Difficulty: 'Hard', Skills: 'C' });

  it('is a conflict, and the plan waits for a decision', () => {
    const result = plan([draft], wiki);
    expect(result.conflicts).toEqual([
      {
        id: JSON.stringify([draft.id, 'Difficulty']),
        entryId: draft.id,
        entryTitle: LAZY,
        kind: 'value',
        param: 'Difficulty',
        label: 'Difficulty',
        base: 'Medium',
        mine: 'Hard',
        theirs: 'Medium-High',
        message: `Difficulty of “${LAZY}” was changed both in your draft and on the wiki. Choose which to keep.`,
        choice: null,
      },
    ]);
    expect(result.publishable).toBe(false);
    expect(result.blockers).toEqual(['1 conflict to decide.']);
  });

  it('publishes mine with “Use mine”, and the wiki’s with “Use the wiki’s”', () => {
    const pending = plan([draft], wiki);
    const id = pending.conflicts[0]!.id;
    const skills = (text: string) => text.replace(/\|Skills=A good understanding[^\n]*\n/, '|Skills=C\n');

    const mine = resolveConflicts(pending, { [id]: 'mine' });
    expect(mine.publishable).toBe(true);
    expect(mine.conflicts[0]!.choice).toBe('mine');
    expect(mine.newText).toBe(skills(replaceOnce(wiki, '|Difficulty=Medium-High\n', '|Difficulty=Hard\n')));

    const theirs = resolveConflicts(pending, { [id]: 'theirs' });
    expect(theirs.publishable).toBe(true);
    expect(theirs.newText).toBe(skills(wiki));
    expect(theirs.entries[0]!.changes.map((change) => change.param)).toEqual(['Skills']);
  });

  it('asks again when the wiki changes the value once more after the decision', () => {
    const decided = resolveConflicts(plan([draft], wiki), {
      [JSON.stringify([draft.id, 'Difficulty'])]: 'mine',
    });
    const later = replaceOnce(wiki, '|Difficulty=Medium-High\n', '|Difficulty=Easy\n');
    const again = replan(decided, page(later, NOW + 1));
    expect(again.conflicts[0]).toMatchObject({ theirs: 'Easy', choice: null });
    expect(again.publishable).toBe(false);
  });

  it('refuses a decision on a conflict the plan does not have', () => {
    expect(() => resolveConflicts(plan([draft], wiki), { nonsense: 'mine' })).toThrow(/no conflict nonsense/);
  });
});

describe('the entry moved, was renamed or deleted on the wiki', () => {
  const other = '{{project\n|Project=Inserted above\n|Desc=New.\n}}\n\n';

  it('is found further down when entries were added above it, and edited in place', () => {
    const wiki = replaceOnce(SEED, entryText(SEED, 1), `${other}${entryText(SEED, 1)}`);
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard' })], wiki);
    expect(result.newText).toBe(replaceOnce(wiki, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
    expect(result.entries[0]!.match).toEqual({
      how: 'moved',
      ordinal: 3,
      explanation:
        'Entries were added or removed above it on the wiki: it is now entry 3 of the page (it was entry 2).',
    });
  });

  it('is found by its other fields when renamed, keeping the new title', () => {
    const wiki = replaceOnce(SEED, `|Project=${LAZY}\n`, '|Project=Lazy restore with memory paging\n');
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard' })], wiki);
    expect(result.newText).toBe(replaceOnce(wiki, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
    expect(result.entries[0]!.match.how).toBe('renamed');
    expect(result.entries[0]!.match.explanation).toBe(
      `It was renamed on the wiki from “${LAZY}” to “Lazy restore with memory paging”; it was found by its other fields (8 of 8 the same).`,
    );
    expect(result.summary).toBe('Update project: Lazy restore with memory paging');
  });

  it('is edited where it is now when moved to another section', () => {
    const lazy = entryText(SEED, 2);
    const moved = replaceOnce(
      replaceOnce(SEED, `${lazy}\n\n`, ''),
      '=== OPW Round 8 ===\n\n',
      `=== OPW Round 8 ===\n\n${lazy}\n\n`,
    );
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard' })], moved);
    expect(result.newText).toBe(replaceOnce(moved, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
    expect(result.entries[0]!.notes).toEqual([
      'Entries were added or removed above it on the wiki: it is now entry 6 of the page (it was entry 2).',
      'It was moved on the wiki from “Accepted Projects › GSoC Projects” to “Accepted Projects › OPW Round 8”; it is edited where it is now.',
    ]);
  });

  it('is a decision when deleted: add it again with my changes, or leave it deleted', () => {
    const lazy = entryText(SEED, 2);
    const wiki = replaceOnce(SEED, `${lazy}\n\n`, '');
    const draft = draftOf(SEED, 2, { Difficulty: 'Hard' });
    const pending = plan([draft], wiki);
    const mine = lazy.replace('|Difficulty=Medium\n', '|Difficulty=Hard\n');
    expect(pending.conflicts).toEqual([
      expect.objectContaining({
        kind: 'deleted-on-wiki',
        label: LAZY,
        base: lazy,
        mine,
        theirs: null,
        choice: null,
      }),
    ]);
    expect(pending.publishable).toBe(false);

    const readded = resolveConflicts(pending, { [pending.conflicts[0]!.id]: 'mine' });
    const last = '* benchmark report of with and without.\n}}\n';
    expect(readded.newText).toBe(replaceOnce(wiki, last, `${last}\n${mine}\n`));
    expect(readded.entries[0]).toMatchObject({ action: 'add', after: mine });
    expect(readded.summary).toBe(`Add project: ${LAZY}`);

    const dropped = resolveConflicts(pending, { [pending.conflicts[0]!.id]: 'theirs' });
    expect(dropped.entries[0]!.action).toBe('drop');
    expect(dropped.newText).toBe(wiki);
    expect(dropped.publishable).toBe(false);
  });

  it('is dropped without asking when deleted and the draft changed nothing', () => {
    const wiki = replaceOnce(SEED, `${entryText(SEED, 2)}\n\n`, '');
    const result = plan([draftOf(SEED, 2)], wiki);
    expect(result.conflicts).toEqual([]);
    expect(result.entries[0]).toMatchObject({ action: 'drop', match: { how: 'deleted-on-wiki' } });
  });

  it('asks before deleting an entry someone changed meanwhile', () => {
    const wiki = replaceOnce(SEED, '|GSoC=No\n', '|GSoC=Yes\n');
    const draft = draftOf(SEED, 7, {}, { intent: 'delete' });
    const pending = plan([draft], wiki);
    expect(pending.conflicts).toEqual([
      expect.objectContaining({ kind: 'changed-on-wiki', mine: null, theirs: entryText(wiki, 7) }),
    ]);
    const id = pending.conflicts[0]!.id;
    expect(resolveConflicts(pending, { [id]: 'mine' }).newText).toBe(
      replaceOnce(wiki, `\n\n${entryText(wiki, 7)}`, ''),
    );
    expect(resolveConflicts(pending, { [id]: 'theirs' }).entries[0]!.action).toBe('drop');
  });
});

describe('telling entries apart', () => {
  const twins = '{{project\n|Project=Same\n|Desc=First.\n}}\n\n{{project\n|Project=Same\n|Desc=Second.\n}}';

  it('gives each of two entries of the same title its own draft', () => {
    const result = planPublish({
      profile: XEN_PROFILE,
      page: page(twins),
      drafts: [draftOf(twins, 2, { Desc: 'Second, edited.' }), draftOf(twins, 1, { Desc: 'First, edited.' })],
    });
    expect(result.newText).toBe(
      twins.replace('First.', 'First, edited.').replace('Second.', 'Second, edited.'),
    );
  });

  it('makes a title renamed on both sides a conflict', () => {
    const wiki = replaceOnce(SEED, `|Project=${LAZY}\n`, '|Project=Lazy restore (wiki)\n');
    const result = plan([draftOf(SEED, 2, { Project: 'Lazy restore (draft)' })], wiki);
    expect(result.entries[0]!.match.how).toBe('renamed');
    expect(result.conflicts.map((c) => [c.label, c.mine, c.theirs])).toEqual([
      ['Project', 'Lazy restore (draft)', 'Lazy restore (wiki)'],
    ]);
  });

  it('refuses to publish an entry and one nested in it together', () => {
    const nested = '{{project\n|Project=Outer\n|Desc=See {{project|Project=Inner|Desc=x}}\n}}';
    const result = planPublish({
      profile: XEN_PROFILE,
      page: page(nested),
      drafts: [draftOf(nested, 1, { Difficulty: 'Easy' }), draftOf(nested, 2, { Difficulty: 'Hard' })],
    });
    expect(result.publishable).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'overlapping-edits' }));
    expect(result.newText).toBe(nested);
  });
});
