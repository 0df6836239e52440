import type * as Y from 'yjs';
import { pageDocName } from '../collab/doc-names';
import type { DraftEntry } from '../collab/draft-entry';
import { readDraftEntries } from '../collab/read-entry';
import type { DraftHub } from '../drafts/hub';
import type { Fetch, PageSource } from '../mediawiki/api';
import { WikiEditor } from '../mediawiki/edit';
import type { PageView } from '../mediawiki/page-view';
import type { SenderInfo } from '../messaging/channel';
import type { SiteProfile } from '../model/profile';
import { draftChanged } from '../panel/draft-changes';
import type { PreparePublishResult, UnfinishedPublish, WikiSession } from '../panel/publish-protocol';
import type { PublishJournal, PublishRecord } from '../publish/journal';
import { markPublished } from '../publish/mark-published';
import { planPublish } from '../publish/plan';
import type { PublishPlan } from '../publish/plan-schema';
import { Publisher } from '../publish/publish';
import type { PublishResult } from '../publish/publish-result';
import { markRemarksDone, remarkEditsFor } from './publish-remarks';
import { originOf, requireExtensionPage } from './senders';
import type { WikiAccess } from './wiki-access';

/**
 * The background's side of the publish dialog: plans against the wiki's page as it is now, publishes
 * through the dialog's own tab (the user's wiki session, see lib/mediawiki/tab-fetch.ts) with the
 * journal in the database, and marks the drafts published in their document once the wiki holds
 * them. One publish id runs once at a time, whatever number of requests ask for it.
 */
export interface PublishServiceDeps {
  hub: DraftHub;
  access: WikiAccess;
  journal: PublishJournal & { unfinished(): Promise<PublishRecord[]> };
  ownId: string;
  extensionOrigin: string;
  /** A fetch relayed through the page adapter of a tab. */
  tabFetch: (tabId: number) => Fetch;
  tabUrl: (tabId: number) => Promise<string | undefined>;
}

interface DraftPage {
  wiki: string;
  view: PageView;
  docName: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class PublishService {
  private readonly running = new Map<string, Promise<PublishResult>>();

  constructor(private readonly deps: PublishServiceDeps) {}

  async prepare(
    request: DraftPage & { entryIds: string[] | null },
    sender: SenderInfo,
  ): Promise<PreparePublishResult> {
    const { editor, profile } = await this.editorFor(request, sender);
    const session = await this.session(editor, request.view.title);
    let page: PageSource;
    try {
      page = await editor.readPage(request.view.title, null);
    } catch (error) {
      const reason = `The wiki page could not be read (${errorText(error)}).`;
      return { docName: request.docName, plan: null, reason, session, unfinished: [] };
    }
    // The page's dialog names the document by the title the page shows; the wiki's is canonical.
    const docName =
      request.entryIds === null
        ? pageDocName({ wiki: new URL(request.wiki).origin, page: page.title })
        : request.docName;
    const doc = (await this.deps.hub.doc(docName)).doc;
    const drafts = this.draftsToPublish(doc, request.entryIds, profile);
    const unfinished = await this.unfinished(page.title, new Set(drafts.map((d) => d.id)));
    if (drafts.length === 0) {
      const reason = 'There is no open draft to publish: it is published already, or discarded.';
      return { docName, plan: null, reason, session, unfinished };
    }
    const remarks = await remarkEditsFor(this.deps.hub, new URL(request.wiki).origin, page, profile, drafts);
    const plan = planPublish({ profile, page, drafts, remarks });
    return { docName, plan, reason: null, session, unfinished };
  }

  /**
   * An entry's own dialog publishes its draft, even one published before (its base moved there, so
   * only later changes go); the page's dialog takes every open draft somebody wrote in.
   */
  private draftsToPublish(doc: Y.Doc, entryIds: string[] | null, profile: SiteProfile): DraftEntry[] {
    const entries = readDraftEntries(doc).entries;
    if (entryIds !== null) {
      const wanted = new Set(entryIds);
      return entries.filter((entry) => wanted.has(entry.id) && entry.meta.status !== 'discarded');
    }
    return entries.filter(
      (entry) =>
        (entry.meta.status === 'draft' || entry.meta.status === 'conflict') && draftChanged(profile, entry),
    );
  }

  publish(
    request: DraftPage & { publishId: string; plan: PublishPlan; summary: string; hold: boolean },
    sender: SenderInfo,
  ): Promise<PublishResult> {
    return this.once(request.publishId, async () => {
      const publisher = await this.publisherFor(request, sender);
      const result = await publisher.publish(request.plan, request);
      const wiki = new URL(request.wiki).origin;
      await markRemarksDone(this.deps.hub, wiki, request.plan, result, new Date().toISOString());
      return this.after(request.docName, result);
    });
  }

  retry(request: DraftPage & { publishId: string }, sender: SenderInfo): Promise<PublishResult> {
    return this.once(request.publishId, async () => {
      const publisher = await this.publisherFor(request, sender);
      const result = await publisher.retry(request.publishId);
      // The journal keeps what was planned: planned again, it names the remarks this publish edited.
      const record = await this.deps.journal.read(request.publishId);
      if (record) {
        const wiki = new URL(request.wiki).origin;
        await markRemarksDone(
          this.deps.hub,
          wiki,
          planPublish(record.input),
          result,
          new Date().toISOString(),
        );
      }
      return this.after(request.docName, result);
    });
  }

  private once(publishId: string, work: () => Promise<PublishResult>): Promise<PublishResult> {
    const running = this.running.get(publishId);
    if (running) return running;
    const started = work().finally(() => this.running.delete(publishId));
    this.running.set(publishId, started);
    return started;
  }

  /** The wiki holds the drafts as previewed: mark them published, with their new base. */
  private async after(docName: string, result: PublishResult): Promise<PublishResult> {
    if (result.kind === 'published') {
      await this.deps.hub.edit(docName, (doc) => markPublished(doc, result.entries, result.revisionId));
    }
    return result;
  }

  private async publisherFor(request: DraftPage, sender: SenderInfo): Promise<Publisher> {
    const { editor } = await this.editorFor(request, sender);
    return new Publisher({ editor, journal: this.deps.journal });
  }

  /** The editor of the dialog's tab, only for a dialog of ours sitting in a page of that very wiki. */
  private async editorFor(request: DraftPage, sender: SenderInfo) {
    const { deps } = this;
    requireExtensionPage(sender, deps.ownId, deps.extensionOrigin);
    const wiki = new URL(request.wiki).origin;
    if (sender.tabId === undefined)
      throw new Error('Publishing is done from the wiki’s own page: open the page on the wiki first.');
    if (originOf(await deps.tabUrl(sender.tabId)) !== wiki)
      throw new Error(`Refused: the publish dialog of ${wiki} is not in a page of that wiki.`);
    const context = await deps.access.context(wiki, request.view);
    const editor = new WikiEditor(context.api.apiUrl, deps.tabFetch(sender.tabId));
    return { editor, profile: context.profile };
  }

  private async session(editor: WikiEditor, title: string): Promise<WikiSession> {
    const loginUrl = editor.loginUrl(title);
    try {
      const session = await editor.session();
      const state = session.anonymous ? 'anonymous' : session.canEdit ? 'logged-in' : 'no-rights';
      return { state, userName: session.anonymous ? null : session.userName, loginUrl, problem: null };
    } catch (error) {
      return { state: 'unknown', userName: null, loginUrl, problem: errorText(error) };
    }
  }

  private async unfinished(title: string, draftIds: Set<string>): Promise<UnfinishedPublish[]> {
    const records = await this.deps.journal.unfinished();
    // Pending ones that were refused or changed meanwhile are done with: a new plan replaces them.
    const open = (record: PublishRecord) =>
      record.state === 'in-flight' || ['queued', 'unreachable'].includes(record.result?.kind ?? '');
    return records
      .filter(
        (record) =>
          open(record) &&
          record.request.title === title &&
          record.input.drafts.some((draft) => draftIds.has(draft.id)),
      )
      .map((record) => ({
        publishId: record.publishId,
        state: record.state === 'in-flight' ? 'in-flight' : 'pending',
        message: record.result?.message ?? 'A publish of this draft was not finished.',
      }));
  }
}
