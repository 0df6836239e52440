import type { SenderInfo } from '../messaging/channel';

/**
 * Who may ask the background for what. The browser tells us who sent a message (never the message
 * itself): an extension page has our extension's origin; the page adapter runs in a tab showing a wiki
 * page. Drafts are served only to the extension's own pages (the editor panel, the dashboard), so a
 * wiki page's scripts, which share nothing with the content script but the DOM, can never reach them.
 */
export interface PortSender {
  id?: string | undefined;
  url?: string | undefined;
}

/**
 * scheme://host of a URL. Not URL.origin: outside a browser (and for some schemes inside one) that is
 * "null" for chrome-extension:// and moz-extension:// URLs, which would make every extension alike.
 */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Whether a sender is one of our own extension pages (not a content script, not another extension). */
export function isOwnExtensionPage(sender: PortSender, ownId: string, extensionOrigin: string): boolean {
  return sender.id === ownId && originOf(sender.url) === originOf(extensionOrigin);
}

/** The wiki origin of a page adapter's tab, or null when the sender is not a content script in a tab. */
export function contentScriptOrigin(sender: SenderInfo, extensionOrigin: string): string | null {
  if (sender.tabId === undefined) return null;
  const origin = originOf(sender.url);
  if (origin === null || origin === originOf(extensionOrigin)) return null;
  return /^https?:/.test(origin) ? origin : null;
}

export class RefusedError extends Error {}

/** Throws unless the sender is our own extension page. */
export function requireExtensionPage(sender: SenderInfo, ownId: string, extensionOrigin: string): void {
  if (!isOwnExtensionPage(sender, ownId, extensionOrigin))
    throw new RefusedError('Refused: only Project Desk’s own pages may ask for drafts.');
}
