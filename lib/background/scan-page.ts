import { scanEntries } from '../adapter/scan-entries';
import type { PageView } from '../mediawiki/page-view';
import type { SenderInfo } from '../messaging/channel';
import type { PageScanResult } from '../messaging/protocol';
import type { WikiAccess } from './wiki-access';

/** Answers a page adapter's scan request, for a page of an enabled wiki only. */
export async function handleScanPage(
  view: PageView,
  sender: SenderInfo,
  access: WikiAccess,
): Promise<PageScanResult> {
  if (!sender.url || sender.tabId === undefined)
    throw new Error('Refused: only a wiki page can ask for a scan.');
  const context = await access.context(new URL(sender.url).origin, view);
  const source = await access.source(context, view);
  return scanEntries(source, context.profile.template, context.profile.titleParam);
}
