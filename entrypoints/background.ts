import '../lib/zod-jitless';
import { browser } from 'wxt/browser';
import { registerPageAdapter } from '../lib/background/adapter-registration';
import { handleScanPage } from '../lib/background/scan-page';
import { Router } from '../lib/messaging/channel';
import { scanPage } from '../lib/messaging/protocol';
import { watchWikis } from '../lib/settings/wiki-store';

export default defineBackground(() => {
  const router = new Router(browser.runtime.id).on(scanPage, (view, sender) =>
    handleScanPage(view, sender, (input, init) => fetch(input, init)),
  );

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const info = { id: sender.id, url: sender.url, tabId: sender.tab?.id };
    router.dispatch(message, info).then((reply) => reply && sendResponse(reply));
    return true;
  });

  const reregister = () => {
    registerPageAdapter().catch((error) =>
      console.error('Project Desk: could not register the page adapter', error),
    );
  };
  browser.runtime.onInstalled.addListener(reregister);
  browser.runtime.onStartup.addListener(reregister);
  browser.permissions.onAdded.addListener(reregister);
  browser.permissions.onRemoved.addListener(reregister);
  watchWikis(reregister);
});
