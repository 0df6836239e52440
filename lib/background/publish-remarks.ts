import { commentsDocName } from '../collab/doc-names';
import type { DraftEntry } from '../collab/draft-entry';
import { markRemarkPublished } from '../comments/operations';
import { pageEntrySources, remarkInsertionsForEntry, remarkRemovalsForEntry } from '../comments/page-threads';
import type { DraftHub } from '../drafts/hub';
import type { PageSource } from '../mediawiki/api';
import type { SiteProfile } from '../model/profile';
import type { PlanInput, PublishPlan } from '../publish/plan-schema';
import type { PublishResult } from '../publish/publish-result';

/**
 * The publish flow's side of the wiki's own remarks: what the page's comments document asks of each
 * draft's entry (remarks to remove, comments to add as remarks) goes into the plan's input, and once
 * the wiki holds the publish, each thread it acted on is marked so it is not acted on twice.
 */

export async function remarkEditsFor(
  hub: DraftHub,
  wiki: string,
  page: PageSource,
  profile: SiteProfile,
  drafts: readonly DraftEntry[],
): Promise<PlanInput['remarks']> {
  const doc = (await hub.doc(commentsDocName({ wiki, page: page.title }))).doc;
  const entries = pageEntrySources(page, profile);
  return drafts.flatMap((draft) => {
    const identity = draft.meta.identity;
    if (!identity) return [];
    const entry = { title: identity.title, ordinal: identity.ordinal, draftId: draft.id };
    return [
      ...remarkRemovalsForEntry(doc, entry, entries),
      ...remarkInsertionsForEntry(doc, entry, entries),
    ].map((edit) => ({ draftId: draft.id, edit }));
  });
}

/** After a verified publish: the remarks of the published entries are done with. */
export async function markRemarksDone(
  hub: DraftHub,
  wiki: string,
  plan: PublishPlan,
  result: PublishResult,
  at: string,
): Promise<void> {
  if (result.kind !== 'published') return;
  const published = new Set(result.entries.map((entry) => entry.entryId));
  const done = plan.entries.filter((entry) => published.has(entry.entryId)).flatMap((entry) => entry.remarks);
  if (done.length === 0) return;
  await hub.edit(commentsDocName({ wiki, page: plan.title }), (doc) => {
    for (const remark of done)
      markRemarkPublished(doc, {
        threadId: remark.threadId,
        kind: remark.kind,
        at,
        revisionId: result.revisionId,
      });
  });
}
