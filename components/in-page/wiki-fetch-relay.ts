import { browser } from 'wxt/browser';
import { relayWikiFetch, WIKI_FETCH_CHANNEL } from '../../lib/mediawiki/tab-fetch';

/**
 * The page's own fetch: in Firefox a content script's global fetch is the extension's (its requests
 * carry the extension's origin, which MediaWiki takes for cross-origin); `content.fetch` is the page's.
 * Chromium's content-script fetch is the page's already.
 */
function pageFetch(): typeof fetch {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch;
  return page ? page.bind(globalThis) : window.fetch.bind(window);
}

/**
 * The page adapter's half of publishing with the user's own session (lib/mediawiki/tab-fetch.ts):
 * answers the extension's relayed API requests, and only the extension's (not another extension, not a
 * content script of another tab), with a same-origin fetch carrying the wiki's cookies.
 */
export function listenForWikiFetch(pageOrigin: string): () => void {
  const ownId = browser.runtime.id;
  const listener = (
    message: unknown,
    sender: { id?: string; tab?: unknown },
    reply: (answer: unknown) => void,
  ) => {
    if (sender.id !== ownId || sender.tab !== undefined) return undefined;
    if ((message as { channel?: unknown } | null)?.channel !== WIKI_FETCH_CHANNEL) return undefined;
    relayWikiFetch(message, pageOrigin, (input, init) => pageFetch()(input, init)).then(reply);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
