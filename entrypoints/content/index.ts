import '../../lib/zod-jitless';
import { browser } from 'wxt/browser';
import { mountPageControls, type PageControls } from '../../components/in-page/page-adapter';
import { mountPageComments } from '../../components/in-page/page-comments';
import { watchPagePresence } from '../../components/in-page/page-presence';
import {
  mountPagePublishControl,
  type PagePublishControl,
} from '../../components/in-page/page-publish-control';
import { PanelController } from '../../components/in-page/panels';
import { listenForWikiFetch } from '../../components/in-page/wiki-fetch-relay';
import { locateEntries, sectionKey } from '../../lib/adapter/locate-entries';
import { OWN_MARK } from '../../lib/adapter/page-text';
import { COMMENTS_PAGE, encodeCommentsLink } from '../../lib/comments/frame-link';
import { pageComments } from '../../lib/comments/page-protocol';
import { fromRuntimePort } from '../../lib/drafts/port';
import { findArticleRoot, type PageView, readPageView, readWikiUser } from '../../lib/mediawiki/page-view';
import { request } from '../../lib/messaging/client';
import { PAGE_PRESENCE_PORT_NAME } from '../../lib/messaging/presence-protocol';
import { pageDrafts, scanPage } from '../../lib/messaging/protocol';
import { encodePanelLink, PANEL_PAGE, type PanelTarget, STANDBY_FRAGMENT } from '../../lib/panel/panel-link';

const warn = (error: unknown) =>
  console.warn('Project Desk:', error instanceof Error ? error.message : error);

/** Puts the "Draft" badges on the entries and sections that have drafts; says whether there are any. */
async function showDrafts(view: PageView, controls: PageControls): Promise<boolean> {
  const drafts = await request(pageDrafts, view);
  controls.showDrafts(
    new Map(drafts.entries.map((entry) => [entry.ordinal, { behind: entry.behind }])),
    new Set(drafts.sections.map((item) => sectionKey(item.section))),
  );
  return drafts.entries.length + drafts.sections.length > 0;
}

// The page adapter: registered at run time by the background on enabled wikis only (no static matches).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    const view = readPageView(document, location.href);
    const root = findArticleRoot(document);
    if (!view || !root) return;
    const scan = await request(scanPage, view).catch((error: unknown) => {
      warn(error);
      return null;
    });
    if (!scan || ctx.isInvalid) return;
    if (scan.entries.length === 0 && scan.malformed.length === 0) return;
    const located = locateEntries(root, scan.entries, scan.malformed);
    // Publishing from a panel of this tab goes through here, with the user's wiki session.
    const stopRelay = listenForWikiFetch(location.origin);
    const panelUrl = (target: PanelTarget) =>
      `${browser.runtime.getURL(PANEL_PAGE)}#${encodePanelLink({ wiki: location.origin, view, target })}`;
    let controls: PageControls | null = null;
    let pagePublish: PagePublishControl | null = null;
    const refresh = () => {
      if (controls)
        showDrafts(view, controls)
          .then((any) => pagePublish?.show(any))
          .catch(warn);
    };
    const panels = new PanelController({
      window,
      root,
      // scheme://id of the extension (URL.origin is "null" for extension URLs in some browsers).
      extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
      panelUrl,
      standbyUrl: `${browser.runtime.getURL(PANEL_PAGE)}#${STANDBY_FRAGMENT}`,
      onClosed: refresh,
    });
    // The pointer (or focus) on a button is the moment to load the panel page, before the click.
    const buttons = ['edit', 'new', 'unlocated'].map((kind) => `[${OWN_MARK}="${kind}"]`).join(',');
    const prepare = (event: Event) => {
      if (event.target instanceof Element && event.target.closest(buttons)) panels.prepare();
    };
    root.addEventListener('pointerover', prepare, { passive: true });
    root.addEventListener('focusin', prepare);
    controls = mountPageControls(document, root, scan.entries, located, {
      editEntry: (entry) => {
        const control = controls?.entries.get(entry.ordinal);
        if (control) panels.toggle({ kind: 'entry', ordinal: entry.ordinal, title: entry.title }, control);
      },
      newEntry: (section) => {
        const control = controls?.sections.get(sectionKey(section));
        if (control) panels.toggle({ kind: 'new', section: [...section] }, control);
      },
    });
    pagePublish = mountPagePublishControl(document, root, () => {
      if (pagePublish) panels.toggle({ kind: 'page' }, pagePublish.control);
    });
    refresh();
    const comments = mountPageComments({
      window,
      root,
      view,
      wiki: location.origin,
      wikiUser: readWikiUser(document),
      entries: scan.entries,
      titles: located.entries,
      controls: controls.entries,
      extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
      commentsUrl: (link) => `${browser.runtime.getURL(COMMENTS_PAGE)}#${encodeCommentsLink(link)}`,
      load: () => request(pageComments, view),
      warn,
    });
    const stopPresence = watchPagePresence(view, controls.entries, () =>
      fromRuntimePort(browser.runtime.connect({ name: PAGE_PRESENCE_PORT_NAME })),
    );
    ctx.onInvalidated(() => {
      pagePublish?.control.host.remove();
      stopRelay();
      comments.destroy();
      stopPresence();
      root.removeEventListener('pointerover', prepare);
      root.removeEventListener('focusin', prepare);
      panels.destroy();
      controls?.remove();
    });
  },
});
