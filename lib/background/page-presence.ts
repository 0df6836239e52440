import * as z from 'zod/mini';
import { pageDocName } from '../collab/doc-names';
import { readDraftEntries } from '../collab/read-entry';
import type { DraftHub } from '../drafts/hub';
import { fromRuntimePort, type RuntimePortLike } from '../drafts/port';
import {
  PAGE_PRESENCE_PORT_NAME,
  type PagePresence,
  type PagePresenceRequest,
  PagePresenceRequestSchema,
} from '../messaging/presence-protocol';
import type { EntryIdentity } from '../model/entry';
import type { Peer } from '../sync/presence';
import type { SyncManager } from '../sync/sync-manager';
import { entryIdentities } from './page-drafts';
import { contentScriptOrigin } from './senders';
import type { WikiAccess } from './wiki-access';

/**
 * Presence on the entry buttons of a wiki page: a page adapter names the page it shows; the background
 * syncs that page's document, and tells the adapter, whenever presence changes, which entries others
 * are editing, by ordinal and with names only. A peer's entry id is mapped to the entry the page shows
 * as opening a draft finds it (findOpenDraft): by its unchanged base text, then by its title.
 */
export function ordinalsOfPeers(
  peers: readonly Peer[],
  entryOf: (entryId: string) => EntryIdentity | null,
  identities: readonly EntryIdentity[],
): PagePresence['entries'] {
  const byOrdinal = new Map<number, string[]>();
  for (const peer of peers) {
    if (peer.entryId === null) continue;
    const identity = entryOf(peer.entryId);
    if (!identity) continue;
    const shown =
      identities.find((other) => other.baseWikitext === identity.baseWikitext) ??
      (identity.title === '' ? undefined : identities.find((other) => other.title === identity.title));
    if (!shown) continue;
    const names = byOrdinal.get(shown.ordinal) ?? [];
    if (!names.includes(peer.name)) names.push(peer.name);
    byOrdinal.set(shown.ordinal, names);
  }
  return [...byOrdinal].sort(([a], [b]) => a - b).map(([ordinal, names]) => ({ ordinal, names }));
}

export interface PagePresenceDeps {
  sync: SyncManager;
  hub: DraftHub;
  access: WikiAccess;
  extensionOrigin: string;
  /** Resolves once the stored sync options are applied (startSync). */
  ready: Promise<void>;
}

export interface PresencePort extends RuntimePortLike {
  name: string;
  sender?: { url?: string | undefined; tab?: { id?: number | undefined } | undefined } | undefined;
}

async function servePage(request: PagePresenceRequest, origin: string, deps: PagePresenceDeps) {
  const context = await deps.access.context(origin, request.view);
  const source = await deps.access.source(context, request.view);
  const docName = pageDocName({ wiki: origin, page: source.title });
  const identities = entryIdentities(source, context.profile);
  void deps.sync.open(docName).catch(() => undefined);
  const hubDoc = await deps.hub.doc(docName);
  const entryOf = (entryId: string) =>
    readDraftEntries(hubDoc.doc).entries.find((entry) => entry.id === entryId)?.meta.identity ?? null;
  return {
    docName,
    doc: hubDoc.doc,
    tell: (peers: readonly Peer[]) => ordinalsOfPeers(peers, entryOf, identities),
  };
}

/** Without a server there is nobody to show: the page is not read again for nothing. */
async function served(request: PagePresenceRequest, origin: string, deps: PagePresenceDeps) {
  await deps.ready;
  return deps.sync.hasServer ? servePage(request, origin, deps) : null;
}

/** Serves a page adapter's presence port; refuses (disconnects) anything but a content script in a tab. */
export function acceptPagePresencePort(port: PresencePort, deps: PagePresenceDeps): boolean {
  if (port.name !== PAGE_PRESENCE_PORT_NAME) return false;
  const sender = { url: port.sender?.url, tabId: port.sender?.tab?.id };
  const origin = contentScriptOrigin(sender, deps.extensionOrigin);
  if (origin === null) {
    port.disconnect();
    return true;
  }
  const channel = fromRuntimePort(port);
  let stop: (() => void) | null = null;
  let ended = false;
  const post = (message: PagePresence) => {
    try {
      channel.postMessage(message);
    } catch {
      ended = true;
    }
  };
  channel.onDisconnect(() => {
    ended = true;
    stop?.();
  });
  channel.onMessage((raw) => {
    const request = z.safeParse(PagePresenceRequestSchema, raw);
    if (!request.success || stop || ended) return;
    stop = () => undefined;
    served(request.data, origin, deps).then(
      (page) => {
        if (ended || page === null) return;
        const { docName, doc, tell } = page;
        let last = '';
        const send = (peers: readonly Peer[]) => {
          const message: PagePresence = { type: 'presence', entries: tell(peers) };
          const text = JSON.stringify(message);
          if (text !== last) post(message);
          last = text;
        };
        const stopPresence = deps.sync.on('presence', (event) => {
          if (event.doc === docName) send(event.peers);
        });
        // A peer's entry may reach this device after their presence does.
        const onUpdate = () => send(deps.sync.peers(docName));
        doc.on('update', onUpdate);
        stop = () => {
          stopPresence();
          doc.off('update', onUpdate);
        };
        send(deps.sync.peers(docName));
      },
      (error: unknown) => console.warn('Project Desk: no presence for this page:', error),
    );
  });
  return true;
}
