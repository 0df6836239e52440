import '../../lib/zod-jitless';
import { mountPageControls } from '../../components/in-page/page-adapter';
import { locateEntries, type PageEntry } from '../../lib/adapter/locate-entries';
import { findArticleRoot, readPageView } from '../../lib/mediawiki/page-view';
import { request } from '../../lib/messaging/client';
import { scanPage } from '../../lib/messaging/protocol';

// The page adapter: registered at run time by the background on enabled wikis only (no static matches).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    const view = readPageView(document, location.href);
    const root = findArticleRoot(document);
    if (!view || !root) return;
    const scan = await request(scanPage, view).catch((error: unknown) => {
      console.warn('Project Desk:', error instanceof Error ? error.message : error);
      return null;
    });
    if (!scan || ctx.isInvalid) return;
    if (scan.entries.length === 0 && scan.malformed.length === 0) return;
    const located = locateEntries(root, scan.entries, scan.malformed);
    const unmount = mountPageControls(document, root, scan.entries, located, {
      editEntry: (entry: PageEntry) =>
        document.dispatchEvent(new CustomEvent('project-desk:edit', { detail: entry.ordinal })),
      newEntry: () => undefined,
    });
    ctx.onInvalidated(unmount);
  },
});
