import { scanEntries } from '../adapter/scan-entries';
import { discoverApi, type Fetch, WikiApi } from '../mediawiki/api';
import { candidateApiUrls, type PageView } from '../mediawiki/page-view';
import type { SenderInfo } from '../messaging/channel';
import type { PageScanResult } from '../messaging/protocol';
import { enabledWikis } from './adapter-registration';
import { profileForWiki } from './profiles';

/** Answers a page adapter's scan request, for a page of an enabled wiki only. */
export async function handleScanPage(
  view: PageView,
  sender: SenderInfo,
  fetchFn: Fetch,
): Promise<PageScanResult> {
  if (!sender.url || sender.tabId === undefined)
    throw new Error('Refused: only a wiki page can ask for a scan.');
  const origin = new URL(sender.url).origin;
  const wiki = (await enabledWikis()).find((item) => item.origin === origin);
  if (!wiki) throw new Error(`Refused: ${origin} is not an enabled wiki.`);
  // The page names its API; trust that only on the page's own origin.
  const api =
    view.apiUrl && new URL(view.apiUrl).origin === origin
      ? new WikiApi(view.apiUrl, fetchFn)
      : await discoverApi(candidateApiUrls(origin), fetchFn);
  const source = await api.readPage(view.title, view.revisionId);
  const profile = profileForWiki(wiki);
  return scanEntries(source, profile.template, profile.titleParam);
}
