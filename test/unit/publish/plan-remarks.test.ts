// The wiki's own remarks in a publish: a resolved remark removed, a comment added as a remark, in the
// same edit as the draft, shown in the diff and explained; an ambiguous removal refused, not guessed.
import { describe, expect, it } from 'vitest';
import type { RemarkInsertion, RemarkRemoval } from '../../../lib/comments/remark-edits';
import { XEN_PROFILE } from '../../../lib/model';
import { type PublishDraft, planPublish } from '../../../lib/publish';
import type { RemarkEdit } from '../../../lib/publish/plan-schema';
import { BASE_REVISION, draftOf, page, replaceOnce, SEED } from './drafts';

const LARS =
  '{{Comment|[[User:Lars.kurth|Lars.kurth]] 14:14, 23 January 2013 (UTC):}} Should be suitable, but the task list needs a timeline.';
const ENTRY = { title: 'PVUSB support in xl/libxl', ordinal: 1, draftId: null };

function removal(text: string): RemarkRemoval {
  const start = text.indexOf(LARS);
  return {
    kind: 'remove-remark',
    threadId: 't-lars',
    entry: ENTRY,
    param: 'Desc',
    start,
    end: start + LARS.length,
    source: LARS,
  };
}

const MINE = '{{Comment|[[User:Rita R|Rita R]] 03:04, 2 January 2026 (UTC):}} Needs a timeline.';
const insertion: RemarkInsertion = {
  kind: 'add-remark',
  threadId: 't-rita',
  entry: ENTRY,
  param: 'Desc',
  wikitext: MINE,
};

const plan = (draft: PublishDraft, wiki: string, edits: RemarkEdit[], revision = BASE_REVISION) =>
  planPublish({
    profile: XEN_PROFILE,
    page: page(wiki, revision),
    drafts: [draft],
    remarks: edits.map((edit) => ({ draftId: draft.id, edit })),
  });

describe('a resolved remark removed at the next publish', () => {
  it('goes with its line in the same edit as the draft, byte for byte, and the diff shows it', () => {
    const result = plan(draftOf(SEED, 1, { Difficulty: 'Hard' }), SEED, [removal(SEED)]);
    const expected = replaceOnce(SEED, `${LARS}\n`, '');
    expect(result.newText).toBe(expected.replace('|Difficulty=\n', '|Difficulty=Hard\n'));
    expect(result.publishable).toBe(true);
    expect(
      result.diff
        .flatMap((hunk) => hunk.lines)
        .filter((line) => line.kind === 'removed')
        .map((l) => l.text),
    ).toContain(LARS);
    expect(result.entries[0]!.remarks).toEqual([
      { threadId: 't-lars', kind: 'remove-remark', line: 'Removes the remark by Lars.kurth (resolved)' },
    ]);
  });

  it('publishes a draft with no other change', () => {
    const result = plan(draftOf(SEED, 1), SEED, [removal(SEED)]);
    expect(result.newText).toBe(replaceOnce(SEED, `${LARS}\n`, ''));
    expect(result.entries[0]!.action).toBe('update');
    expect(result.publishable).toBe(true);
  });

  it('is no conflict when the wiki changed Desc elsewhere, and follows the remark where it moved', () => {
    const wiki = replaceOnce(
      SEED,
      '* Fix any upcoming issues.\n',
      '* Fix any upcoming issues.\n* Another task.\n',
    );
    const result = plan(draftOf(SEED, 1, { Difficulty: 'Hard' }), wiki, [removal(SEED)], BASE_REVISION + 1);
    expect(result.conflicts).toEqual([]);
    expect(result.newText).toBe(
      replaceOnce(wiki, `${LARS}\n`, '').replace('|Difficulty=\n', '|Difficulty=Hard\n'),
    );
  });

  it('is refused with a note when the remark is in the entry twice, and nothing else of it changes', () => {
    const wiki = replaceOnce(SEED, `${LARS}\n`, `${LARS}\n${LARS}\n`);
    const shifted = { ...removal(SEED), start: 0, end: LARS.length };
    const result = plan(draftOf(SEED, 1, { Difficulty: 'Hard' }), wiki, [shifted], BASE_REVISION + 1);
    expect(result.newText).toBe(replaceOnce(wiki, '|Difficulty=\n', '|Difficulty=Hard\n'));
    expect(result.entries[0]!.notes).toContain(
      'Does not remove the remark by Lars.kurth: The remark is in the wikitext more than once; remove it by hand.',
    );
    expect(result.entries[0]!.remarks).toEqual([]);
  });
});

describe('a comment published as a remark', () => {
  it('is appended to Desc on a line of its own, the value’s other bytes kept', () => {
    const result = plan(draftOf(SEED, 1), SEED, [insertion]);
    expect(result.newText).toBe(replaceOnce(SEED, `${LARS}\n`, `${LARS}\n${MINE}\n`));
    expect(result.publishable).toBe(true);
    expect(result.entries[0]!.remarks).toEqual([
      { threadId: 't-rita', kind: 'add-remark', line: 'Adds your comment as a remark signed by Rita R' },
    ]);
  });

  it('goes in with a removal and a draft change in one edit', () => {
    const result = plan(draftOf(SEED, 1, { Difficulty: 'Hard' }), SEED, [insertion, removal(SEED)]);
    expect(result.newText).toBe(
      replaceOnce(SEED, `${LARS}\n`, `${MINE}\n`).replace('|Difficulty=\n', '|Difficulty=Hard\n'),
    );
    expect(result.entries[0]!.remarks.map((remark) => remark.kind)).toEqual(['remove-remark', 'add-remark']);
  });
});
