import * as Y from 'yjs';
import { commentsDocName, parseDocName } from '../collab/doc-names';
import { readThreads } from '../comments/comments-doc';
import { commentAuthor } from '../comments/identity';
import { queryInbox } from '../comments/listing';
import { pageComments } from '../comments/page-protocol';
import { pageEntrySources, pageThreads, threadsByOrdinal } from '../comments/page-threads';
import {
  COMMENTS_READ_ONLY,
  type CommentsInbox,
  commentsInbox,
  type OpenCommentsResult,
  openComments,
} from '../comments/protocol';
import type { Person } from '../comments/schema';
import type { DraftHub } from '../drafts/hub';
import type { PageView } from '../mediawiki/page-view';
import type { Router, SenderInfo } from '../messaging/channel';
import type { SyncManager } from '../sync/sync-manager';
import { contentScriptOrigin, originOf, requireExtensionPage } from './senders';
import type { WikiAccess } from './wiki-access';

/**
 * The background's side of reviewer comments. The comments document of a page is one more document
 * of the hub (separate from the drafts document); the comments frame joins it as a replica over the
 * drafts port. These requests answer the rest: the page adapter's highlights and badge counts, what
 * the frame needs besides the document, and the dashboard's inbox.
 */
export interface CommentsDeps {
  hub: DraftHub;
  access: WikiAccess;
  ownId: string;
  extensionOrigin: string;
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** This device's comment author id and the display name from the sync settings ('' when none). */
  author: () => Promise<{ deviceId: string; displayName: string }>;
  /** Names of the documents stored on this device (IndexedDB database names). */
  storedDocNames: () => Promise<string[]>;
  /** The sync manager (lib/sync): comments documents sync like drafts; absent in tests without sync. */
  sync?: Pick<SyncManager, 'open' | 'canWrite' | 'status'>;
}

export type { COMMENTS_READ_ONLY };

/** Whether a sync server is configured (a document's status is 'local' otherwise). */
const syncing = (deps: CommentsDeps, name: string): boolean =>
  deps.sync !== undefined && deps.sync.status(name).state !== 'local';

/** The document if it exists on this device (or is open), else an empty one: a page view creates nothing. */
async function existingDoc(deps: CommentsDeps, name: string): Promise<Y.Doc> {
  // With a sync server the page's comments may be on it only: fetch them (resolves at once offline).
  if (syncing(deps, name)) await deps.sync!.open(name);
  if (
    syncing(deps, name) ||
    deps.hub.openDocNames().includes(name) ||
    (await deps.storedDocNames()).includes(name)
  )
    return (await deps.hub.doc(name)).doc;
  return new Y.Doc();
}

export async function handlePageComments(view: PageView, sender: SenderInfo, deps: CommentsDeps) {
  const origin = contentScriptOrigin(sender, deps.extensionOrigin);
  if (origin === null) throw new Error('Refused: only a wiki page can ask for its comment highlights.');
  const context = await deps.access.context(origin, view);
  const source = await deps.access.source(context, view);
  const entries = pageEntrySources(source, context.profile);
  const doc = await existingDoc(deps, commentsDocName({ wiki: origin, page: source.title }));
  const { threads } = pageThreads(doc, source.wikitext, entries);
  const highlights = [];
  const counts = [];
  for (const [ordinal, list] of threadsByOrdinal(threads, entries)) {
    const open = list.filter((thread) => !thread.resolved);
    if (open.length > 0) counts.push({ ordinal, open: open.length });
    for (const thread of open)
      if (thread.anchor.target.scope.kind === 'rendered')
        highlights.push({ threadId: thread.id, ordinal, anchor: thread.anchor });
  }
  return { highlights, counts };
}

export async function handleOpenComments(
  request: { wiki: string; view: PageView; wikiUser: string | null },
  sender: SenderInfo,
  deps: CommentsDeps,
): Promise<OpenCommentsResult> {
  requireExtensionPage(sender, deps.ownId, deps.extensionOrigin);
  const wiki = new URL(request.wiki).origin;
  if (sender.tabId !== undefined) {
    const embedding = originOf(await deps.tabUrl(sender.tabId));
    if (embedding !== wiki && embedding !== originOf(deps.extensionOrigin))
      throw new Error(`Refused: the comments of ${wiki} were opened inside another site.`);
  }
  const context = await deps.access.context(wiki, request.view);
  const source = await deps.access.source(context, request.view);
  const docName = commentsDocName({ wiki, page: source.title });
  await deps.sync?.open(docName);
  const { deviceId, displayName } = await deps.author();
  return {
    docName,
    me: commentAuthor(deviceId, { displayName, wikiUser: request.wikiUser }),
    wikitext: source.wikitext,
    extensionTags: source.extensionTags,
    template: context.profile.template,
    titleParam: context.profile.titleParam,
    readOnly: deps.sync && !deps.sync.canWrite(docName) ? COMMENTS_READ_ONLY : null,
  };
}

function inboxThreads(me: Person, pages: Array<{ wiki: string; page: string; doc: Y.Doc }>) {
  const sources = pages.map(({ wiki, page, doc }) => ({
    page: { wiki, page },
    threads: readThreads(doc).threads,
  }));
  const mine = new Set(
    queryInbox(sources, { me, view: 'mine', includeResolved: true }).map((i) => i.thread.id),
  );
  return queryInbox(sources, { me, view: 'open', includeResolved: true }).map(({ page, thread }) => ({
    wiki: page.wiki,
    page: page.page,
    threadId: thread.id,
    entryTitle: thread.anchor.target.entry.title,
    quote: thread.anchor.quote.exact,
    resolved: thread.resolved,
    lastActivity: thread.lastActivity,
    mine: mine.has(thread.id),
    mentionsMe: thread.mentions.includes(me.id),
    messages: thread.messages.map((message) => ({
      author: message.author.name,
      createdAt: message.createdAt,
      text: message.text,
      deleted: message.deleted,
    })),
  }));
}

export async function handleInbox(sender: SenderInfo, deps: CommentsDeps): Promise<CommentsInbox> {
  requireExtensionPage(sender, deps.ownId, deps.extensionOrigin);
  const { deviceId, displayName } = await deps.author();
  const me = commentAuthor(deviceId, { displayName });
  const names = new Set([...(await deps.storedDocNames()), ...deps.hub.openDocNames()]);
  const pages: Array<{ wiki: string; page: string; doc: Y.Doc }> = [];
  const problems: string[] = [];
  for (const name of names) {
    const parsed = parseDocName(name);
    if (parsed?.kind !== 'comments') continue;
    try {
      pages.push({ wiki: parsed.wiki, page: parsed.page, doc: (await deps.hub.doc(name)).doc });
    } catch (error) {
      problems.push(`The comments of ${parsed.page} could not be read: ${String(error)}`);
    }
  }
  return { me, threads: inboxThreads(me, pages), problems };
}

export function registerCommentsHandlers(router: Router, deps: CommentsDeps): void {
  router
    .on(pageComments, (view, sender) => handlePageComments(view, sender, deps))
    .on(openComments, (request, sender) => handleOpenComments(request, sender, deps))
    .on(commentsInbox, (_request, sender) => handleInbox(sender, deps));
}
