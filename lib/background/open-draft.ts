import { pageDocName } from '../collab/doc-names';
import type { PageMeta } from '../collab/draft-entry';
import { findOpenDraft } from '../collab/find-draft';
import { readDraftEntries, readDraftEntry } from '../collab/read-entry';
import { addNewEntry, seedEntry, seededEntryId } from '../collab/seed';
import { setEntryStatus } from '../collab/set-field';
import type { DraftHub } from '../drafts/hub';
import type { PageSource } from '../mediawiki/api';
import type { SenderInfo } from '../messaging/channel';
import { entryFromTransclusion } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import type { OpenDraftRequest, OpenDraftResult } from '../panel/protocol';
import { findTransclusions } from '../wikitext';
import { originOf, requireExtensionPage } from './senders';
import type { WikiAccess } from './wiki-access';

/**
 * Opening an entry's draft for the editor panel. The background owns the documents, so it seeds here,
 * once: the hub's document is loaded from storage before anything is looked up (its "whenSynced"), an
 * open draft of the entry is restored when there is one, and only otherwise is the entry seeded from
 * the wikitext of the revision the page shows. The panel then joins the document as a replica.
 */
export interface OpenedEntry {
  entryId: string;
  baseRevision: number;
  restored: boolean;
}

/** What opening needs from the sync layer (SyncManager): wait for the server, and may this device write. */
export interface DraftSync {
  open(docName: string): Promise<void>;
  canWrite(docName: string): boolean;
}

/** Opening a draft this device may not write (a reviewer's or viewer's token) that nobody started. */
export const READ_ONLY_NO_DRAFT =
  'Your access token’s role may read this page’s drafts but not start one, and nobody has a draft of it yet.';

export interface DraftTarget {
  hub: DraftHub;
  /** Read-only: an open draft is shown, nothing is seeded (the server would refuse the seed anyway). */
  readOnly?: boolean;
  docName: string;
  page: PageMeta;
  source: PageSource;
  profile: SiteProfile;
}

export async function openEntryDraft(target: DraftTarget, ordinal: number): Promise<OpenedEntry> {
  const { hub, docName, source, profile } = target;
  const { transclusions } = findTransclusions(source.wikitext, profile.template, {
    extensionTags: source.extensionTags,
  });
  const transclusion = transclusions[ordinal - 1];
  if (!transclusion)
    throw new Error(`Revision ${source.revisionId} of this page has no entry ${ordinal}; reload the page.`);
  const doc = (await hub.doc(docName)).doc;
  const current = entryFromTransclusion(source.wikitext, transclusion, profile, ordinal).identity;
  const open = findOpenDraft(doc, current);
  if (open) return { entryId: open.id, baseRevision: open.meta.baseRevision, restored: true };
  if (target.readOnly) throw new Error(READ_ONLY_NO_DRAFT);
  const seededId = seededEntryId(source.revisionId, ordinal);
  const earlier = readDraftEntry(doc, seededId);
  if (earlier.ok) {
    // Seeded from this very revision before and since discarded: the same seed cannot be written
    // twice, so the draft comes back (the dashboard's undo does the same).
    await hub.edit(docName, (edited) => setEntryStatus(edited, seededId, 'draft'));
    return { entryId: seededId, baseRevision: source.revisionId, restored: true };
  }
  let entryId = seededId;
  await hub.edit(docName, (edited) => {
    entryId = seedEntry(edited, {
      page: target.page,
      pageText: source.wikitext,
      transclusion,
      ordinal,
      profile,
    });
  });
  return { entryId, baseRevision: source.revisionId, restored: false };
}

const sameSection = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((heading, index) => heading === b[index]);

/** A new entry's draft in a section: the open one there, if any, or a fresh one. */
export async function openNewDraft(target: DraftTarget, section: string[]): Promise<OpenedEntry> {
  const { hub, docName, profile } = target;
  const doc = (await hub.doc(docName)).doc;
  const open = readDraftEntries(doc).entries.find(
    (entry) => entry.meta.isNew && entry.meta.status === 'draft' && sameSection(entry.meta.section, section),
  );
  if (open) return { entryId: open.id, baseRevision: open.meta.baseRevision, restored: true };
  if (target.readOnly) throw new Error(READ_ONLY_NO_DRAFT);
  let entryId = '';
  await hub.edit(docName, (edited) => {
    entryId = addNewEntry(edited, { page: target.page, section, profile });
  });
  return { entryId, baseRevision: target.page.baseRevision, restored: false };
}

export interface OpenDraftDeps {
  access: WikiAccess;
  hub: DraftHub;
  /** The sync layer; without one (tests of opening alone) drafts are this device's only. */
  sync?: DraftSync;
  ownId: string;
  extensionOrigin: string;
  /** The URL of a tab (the page the panel sits in), when the browser tells it. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
}

/** Refuses a panel sitting in a page of another site than the wiki it asks about. */
async function checkEmbedding(sender: SenderInfo, wiki: string, deps: OpenDraftDeps): Promise<void> {
  if (sender.tabId === undefined) return;
  const origin = originOf(await deps.tabUrl(sender.tabId));
  if (origin !== wiki && origin !== originOf(deps.extensionOrigin))
    throw new Error(`Refused: the editor of ${wiki} was opened inside another site.`);
}

export async function handleOpenDraft(
  request: OpenDraftRequest,
  sender: SenderInfo,
  deps: OpenDraftDeps,
): Promise<OpenDraftResult> {
  requireExtensionPage(sender, deps.ownId, deps.extensionOrigin);
  const wiki = new URL(request.wiki).origin;
  await checkEmbedding(sender, wiki, deps);
  const context = await deps.access.context(wiki, request.view);
  const source = await deps.access.source(context, request.view);
  const page: PageMeta = { wiki, page: source.title, baseRevision: source.revisionId };
  const docName = pageDocName(page);
  // The server's state first: two people opening an entry first at the same moment then seed it once
  // (the seed is keyed by base revision, so the second finds the first's).
  await deps.sync?.open(docName);
  const readOnly = deps.sync ? !deps.sync.canWrite(docName) : false;
  const target: DraftTarget = { hub: deps.hub, docName, page, source, profile: context.profile, readOnly };
  const opened =
    request.target.kind === 'entry'
      ? await openEntryDraft(target, request.target.ordinal)
      : await openNewDraft(target, request.target.section);
  return {
    docName,
    entryId: opened.entryId,
    profile: context.profile,
    baseRevision: opened.baseRevision,
    pageRevision: source.revisionId,
    restored: opened.restored,
  };
}
