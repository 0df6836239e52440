import '../lib/zod-jitless';
import { browser } from 'wxt/browser';
import { enabledWikis, registerPageAdapter } from '../lib/background/adapter-registration';
import { deviceAuthorId, storedDatabaseNames } from '../lib/background/comment-author';
import { registerCommentsHandlers } from '../lib/background/comments-handlers';
import { registerDashboardHandlers } from '../lib/background/dashboard-handlers';
import { acceptPagePresencePort } from '../lib/background/page-presence';
import { acceptDraftPort, registerPanelHandlers } from '../lib/background/panel-wiring';
import { registerPublishHandlers } from '../lib/background/publish-wiring';
import { handleScanPage } from '../lib/background/scan-page';
import { draftServices } from '../lib/background/services';
import { acceptSyncPort, startSync } from '../lib/background/sync-wiring';
import { WikiAccess } from '../lib/background/wiki-access';
import { tabFetch } from '../lib/mediawiki/tab-fetch';
import { Router } from '../lib/messaging/channel';
import { scanPage } from '../lib/messaging/protocol';
import { loadSyncSettings, watchSyncSettings } from '../lib/settings/sync-store';
import { watchWikis } from '../lib/settings/wiki-store';
import { DexiePublishJournal } from '../lib/store/publish-journal';

export default defineBackground(() => {
  const ownId = browser.runtime.id;
  // scheme://id, not URL.origin (which is "null" for extension URLs in some browsers).
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const services = draftServices();
  const access = new WikiAccess({ enabledWikis, fetchFn: (input, init) => fetch(input, init) });
  const router = new Router(ownId).on(scanPage, (view, sender) => handleScanPage(view, sender, access));
  registerPanelHandlers(router, {
    services,
    access,
    ownId,
    extensionOrigin,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  });
  registerDashboardHandlers(router, { hub: services.hub, index: services.index });
  registerPublishHandlers(router, {
    hub: services.hub,
    access,
    journal: new DexiePublishJournal(services.db),
    ownId,
    extensionOrigin,
    // The top frame's page adapter sends the edit with the user's own wiki session.
    tabFetch: (tabId) => tabFetch((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 })),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  });
  registerCommentsHandlers(router, {
    hub: services.hub,
    access,
    ownId,
    extensionOrigin,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    author: async () => ({
      deviceId: await deviceAuthorId(),
      displayName: (await loadSyncSettings()).displayName,
    }),
    storedDocNames: storedDatabaseNames,
    sync: services.sync,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const info = { id: sender.id, url: sender.url, tabId: sender.tab?.id };
    router.dispatch(message, info).then((reply) => reply && sendResponse(reply));
    return true;
  });
  const syncStarted = startSync({
    sync: services.sync,
    settings: { load: loadSyncSettings, watch: watchSyncSettings },
    alarms: browser.alarms,
  });
  browser.runtime.onConnect.addListener((port) => {
    acceptDraftPort(port, { services, ownId, extensionOrigin });
    acceptSyncPort(port, { sync: services.sync, ownId, extensionOrigin });
    const presence = { sync: services.sync, hub: services.hub, access, extensionOrigin, ready: syncStarted };
    acceptPagePresencePort(port, presence);
  });

  const refreshProfiles = () => {
    enabledWikis()
      .then((wikis) => services.profiles.update(wikis))
      .catch((error) => console.error('Project Desk: could not read the enabled wikis', error));
  };
  const reregister = () => {
    refreshProfiles();
    registerPageAdapter().catch((error) =>
      console.error('Project Desk: could not register the page adapter', error),
    );
  };
  refreshProfiles();
  browser.runtime.onInstalled.addListener(reregister);
  browser.runtime.onStartup.addListener(reregister);
  browser.permissions.onAdded.addListener(reregister);
  browser.permissions.onRemoved.addListener(reregister);
  watchWikis(reregister);
});
