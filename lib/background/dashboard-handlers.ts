import { discardDrafts, importDraftsFile, readDraftValues, restoreDrafts } from '../dashboard/draft-actions';
import type { DraftHub } from '../drafts/hub';
import { exportDrafts } from '../drafts/transfer';
import type { Router, SenderInfo } from '../messaging/channel';
import * as protocol from '../messaging/dashboard-protocol';
import type { DraftIndex } from '../store/draft-index';

export interface DashboardServices {
  hub: DraftHub;
  index: DraftIndex;
}

/** The extension pages allowed to send these requests (path within the extension's origin). */
export const DASHBOARD_PAGES: readonly string[] = ['/dashboard.html'];

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * Only the dashboard may list, discard, export or import every draft. The router has checked that the
 * sender is this extension; a content script of ours runs in a wiki page (an http(s) URL), where the
 * page's own scripts can reach it, so the sender's URL must be the dashboard page's.
 */
export function assertFromDashboard(sender: SenderInfo): void {
  let url: URL | null = null;
  try {
    url = sender.url ? new URL(sender.url) : null;
  } catch {
    url = null;
  }
  if (!url || !EXTENSION_PROTOCOLS.has(url.protocol) || !DASHBOARD_PAGES.includes(url.pathname))
    throw new Error('Refused: only the Project Desk dashboard can ask for that.');
}

/** Adds the dashboard's requests to the background's router. */
export function registerDashboardHandlers(router: Router, services: DashboardServices): void {
  router
    .on(protocol.discardDrafts, async ({ ids }, sender) => {
      assertFromDashboard(sender);
      return { discarded: await discardDrafts(services, ids) };
    })
    .on(protocol.restoreDrafts, async ({ drafts }, sender) => {
      assertFromDashboard(sender);
      return { restored: await restoreDrafts(services, drafts) };
    })
    .on(protocol.exportDraftsFile, async (_payload, sender) => {
      assertFromDashboard(sender);
      return exportDrafts(services);
    })
    .on(protocol.importDraftsFile, async ({ text }, sender) => {
      assertFromDashboard(sender);
      return importDraftsFile(services, text);
    })
    .on(protocol.readDraftValues, async ({ docNames }, sender) => {
      assertFromDashboard(sender);
      return { docs: await readDraftValues(services, docNames) };
    });
}
