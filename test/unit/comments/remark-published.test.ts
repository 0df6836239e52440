// From the comments document to the publish plan and back: a resolved wiki remark and a comment asked
// to be published go into the plan with their real offsets, and once marked published are not again.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor } from '../../../lib/anchoring';
import {
  adoptLegacyThread,
  createThread,
  entryRefOf,
  pageEntrySources,
  pageThreads,
  remarkInsertionsForEntry,
  remarkRemovalsForEntry,
  resolveThread,
  setPublishAsRemark,
} from '../../../lib/comments';
import { markRemarkPublished } from '../../../lib/comments/operations';
import { XEN_PROFILE } from '../../../lib/model';
import { type PublishDraft, planPublish } from '../../../lib/publish';
import { draftOf, page, replaceOnce, SEED } from '../publish/drafts';

const ME = { id: 'device:me', name: 'Rita Reviewer' };
const AT = '2026-01-02T03:04:05.000Z';
const entries = pageEntrySources({ wikitext: SEED }, XEN_PROFILE);

/** The edits the background reads for a draft (lib/background/publish-remarks.ts), then the plan. */
function planWith(doc: Y.Doc, draft: PublishDraft) {
  const identity = draft.meta.identity!;
  const entry = { title: identity.title, ordinal: identity.ordinal, draftId: draft.id };
  const edits = [
    ...remarkRemovalsForEntry(doc, entry, entries),
    ...remarkInsertionsForEntry(doc, entry, entries),
  ];
  const remarks = edits.map((edit) => ({ draftId: draft.id, edit }));
  return planPublish({ profile: XEN_PROFILE, page: page(SEED), drafts: [draft], remarks });
}

describe('a resolved wiki remark through the publish', () => {
  it('removes exactly that remark, then is not offered again', () => {
    const doc = new Y.Doc();
    const remark = pageThreads(doc, SEED, entries).threads.find(
      (thread) => thread.anchor.target.entry.ordinal === 2,
    )!;
    const id = adoptLegacyThread(doc, remark);
    expect(resolveThread(doc, { threadId: id, actor: ME, at: AT }).ok).toBe(true);
    const draft = draftOf(SEED, 2);
    const plan = planWith(doc, draft);
    const line = '* {{Comment|[[User:Dushyant|dushyant]]}} Hi, I am working on this project.\n';
    expect(plan.newText).toBe(replaceOnce(SEED, line, ''));
    expect(plan.entries[0]!.remarks).toEqual([
      { threadId: id, kind: 'remove-remark', line: 'Removes the remark by Dushyant (resolved)' },
    ]);
    expect(
      markRemarkPublished(doc, { threadId: id, kind: 'remove-remark', at: AT, revisionId: 101 }).ok,
    ).toBe(true);
    expect(planWith(doc, draft).entries[0]!.remarks).toEqual([]);
  });
});

describe('a comment published as a remark', () => {
  it('is appended to the entry’s Desc, then not asked for again', () => {
    const doc = new Y.Doc();
    const anchor = createAnchor(
      { entry: entryRefOf(entries[1]!), scope: { kind: 'rendered' } },
      'Lazy restore',
      0,
      4,
    );
    const made = createThread(doc, { anchor, text: 'Needs a timeline', author: ME, at: AT });
    if (!made.ok) throw new Error(made.message);
    expect(setPublishAsRemark(doc, { threadId: made.threadId, wikiUser: 'Rita R', at: AT }).ok).toBe(true);
    const draft = draftOf(SEED, 2);
    const plan = planWith(doc, draft);
    const desc = 'This is a good way to address the problem.\n';
    const mine = '{{Comment|[[User:Rita R|Rita R]] 03:04, 2 January 2026 (UTC):}} Needs a timeline\n';
    expect(plan.newText).toBe(replaceOnce(SEED, desc, `${desc}${mine}`));
    expect(plan.publishable).toBe(true);
    const done = { threadId: made.threadId, kind: 'add-remark', at: AT, revisionId: 101 } as const;
    expect(markRemarkPublished(doc, done).ok).toBe(true);
    expect(remarkInsertionsForEntry(doc, entryRefOf(entries[1]!), entries)).toEqual([]);
    expect(markRemarkPublished(doc, { ...done, threadId: 'gone' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
