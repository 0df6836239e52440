import { describe, expect, it } from 'vitest';
import { XEN_PROFILE } from '../../../lib/model';
import {
  expectationsOf,
  MemoryPublishJournal,
  type PublishRecord,
  planPublish,
  publishedEntries,
  unmetExpectations,
} from '../../../lib/publish';
import { draftOf, entryText, newDraft, page, replaceOnce, SEED } from './drafts';

const plan = planPublish({
  profile: XEN_PROFILE,
  page: page(SEED),
  drafts: [
    draftOf(SEED, 2, { Difficulty: 'Hard' }),
    newDraft(['Accepted Projects', 'OPW Round 8'], { Project: 'Added idea' }),
    draftOf(SEED, 6, {}, { intent: 'delete' }),
  ],
});
const expectations = expectationsOf(plan);

describe('what a saved page must hold', () => {
  it('is each updated and added entry as previewed, and each deleted one gone', () => {
    expect(expectations.map((e) => [e.action, e.count])).toEqual([
      ['update', 1],
      ['add', 1],
      ['delete', 0],
    ]);
    expect(unmetExpectations(expectations, plan.newText, XEN_PROFILE)).toEqual([]);
    expect(unmetExpectations(expectations, SEED, XEN_PROFILE).map((e) => e.action)).toEqual([
      'update',
      'add',
      'delete',
    ]);
  });

  it('holds when others changed other entries, and not when they changed a published one', () => {
    const elsewhere = replaceOnce(plan.newText, '|Skills=OCaml\n', '|Skills=OCaml, Xen\n');
    expect(unmetExpectations(expectations, elsewhere, XEN_PROFILE)).toEqual([]);
    const ours = replaceOnce(plan.newText, '|Difficulty=Hard\n', '|Difficulty=Easy\n');
    expect(unmetExpectations(expectations, ours, XEN_PROFILE).map((e) => e.title)).toEqual([
      'Lazy restore using memory paging',
    ]);
  });

  it('is counted, so a duplicate already on the page does not pass for the added entry', () => {
    const added = expectations[1]!;
    const once = replaceOnce(plan.newText, `\n\n${added.text}`, '');
    const elsewhere = replaceOnce(once, entryText(once, 1), `${added.text}\n\n${entryText(once, 1)}`);
    expect(unmetExpectations([added], elsewhere, XEN_PROFILE)).toEqual([]);
    expect(unmetExpectations([{ ...added, count: 2 }], elsewhere, XEN_PROFILE)).toEqual([
      { ...added, count: 2 },
    ]);
  });

  it('gives each published entry its identity in the new revision', () => {
    const entries = publishedEntries(expectations, plan.newText, XEN_PROFILE);
    expect(entries).toEqual([
      {
        entryId: expectations[0]!.entryId,
        title: 'Lazy restore using memory paging',
        action: 'update',
        identity: {
          ordinal: 2,
          title: 'Lazy restore using memory paging',
          baseWikitext: expectations[0]!.text,
        },
      },
      {
        entryId: expectations[1]!.entryId,
        title: 'Added idea',
        action: 'add',
        identity: { ordinal: 8, title: 'Added idea', baseWikitext: expectations[1]!.text },
      },
      { entryId: expectations[2]!.entryId, title: expectations[2]!.title, action: 'delete', identity: null },
    ]);
  });
});

describe('the memory journal', () => {
  const record: PublishRecord = {
    publishId: 'p1',
    state: 'in-flight',
    input: plan.input,
    request: {
      title: plan.title,
      text: plan.newText,
      baseRevisionId: plan.revisionId,
      summary: plan.summary,
    },
    sinceRevisionId: plan.revisionId,
    expectations,
    attempts: 1,
    updatedAt: 1,
    result: null,
  };

  it('reads back what it was given, parsed', async () => {
    const journal = new MemoryPublishJournal();
    expect(await journal.read('p1')).toBeUndefined();
    await journal.write(record);
    expect(await journal.read('p1')).toEqual(record);
    await journal.write({ ...record, state: 'done' });
    expect((await journal.all()).map((r) => r.state)).toEqual(['done']);
  });

  it('refuses a record of the wrong shape', async () => {
    const journal = new MemoryPublishJournal();
    await expect(journal.write({ ...record, state: 'sent' as never })).rejects.toThrow();
  });
});
