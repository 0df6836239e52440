import { DRAFTS_PORT_NAME } from '../drafts/messages';
import { fromRuntimePort, type RuntimePortLike } from '../drafts/port';
import type { Router } from '../messaging/channel';
import { pageDrafts } from '../messaging/protocol';
import { openDraft, previewEntry } from '../panel/protocol';
import { handleOpenDraft } from './open-draft';
import { handlePageDrafts } from './page-drafts';
import { handlePreview } from './preview';
import { isOwnExtensionPage, type PortSender } from './senders';
import type { DraftServices } from './services';
import type { WikiAccess } from './wiki-access';

/**
 * How the editor panel reaches the background: its requests (open a draft, preview it), the page
 * adapter's badge question, and the drafts port the panel's replica talks to the hub through.
 */
export interface PanelWiringDeps {
  services: DraftServices;
  access: WikiAccess;
  ownId: string;
  /** The extension's own origin, e.g. chrome-extension://<id> */
  extensionOrigin: string;
  tabUrl: (tabId: number) => Promise<string | undefined>;
}

export function registerPanelHandlers(router: Router, deps: PanelWiringDeps): void {
  const { services, access, ownId, extensionOrigin } = deps;
  router
    .on(openDraft, (request, sender) =>
      handleOpenDraft(request, sender, {
        access,
        hub: services.hub,
        sync: services.sync,
        ownId,
        extensionOrigin,
        tabUrl: deps.tabUrl,
      }),
    )
    .on(previewEntry, (request, sender) => handlePreview(request, sender, { access, ownId, extensionOrigin }))
    .on(pageDrafts, (view, sender) =>
      handlePageDrafts(view, sender, { access, index: services.index, hub: services.hub, extensionOrigin }),
    );
}

export interface IncomingPort extends RuntimePortLike {
  name: string;
  sender?: PortSender | undefined;
}

/**
 * Serves a drafts port, or refuses it (disconnecting it) unless it comes from one of our own pages: a
 * content script, another extension or a wiki page never gets a replica of a draft. Returns whether
 * the port was ours to judge (other ports are left to other listeners).
 */
export function acceptDraftPort(
  port: IncomingPort,
  deps: Pick<PanelWiringDeps, 'services' | 'ownId' | 'extensionOrigin'>,
): boolean {
  if (port.name !== DRAFTS_PORT_NAME) return false;
  if (!isOwnExtensionPage(port.sender ?? {}, deps.ownId, deps.extensionOrigin)) {
    port.disconnect();
    return true;
  }
  deps.services.hub.attach(fromRuntimePort(port));
  return true;
}
