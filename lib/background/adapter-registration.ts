import { browser } from 'wxt/browser';
import { buildTimeWikis } from '../settings/build-wikis';
import { loadWikis } from '../settings/wiki-store';
import { effectiveWikis, originPattern, type WikiSettings } from '../settings/wikis';

const ADAPTER_ID = 'project-desk-page-adapter';
const ADAPTER_FILE = 'content-scripts/content.js';

function browserKind(): 'chrome' | 'firefox' {
  return import.meta.env.FIREFOX ? 'firefox' : 'chrome';
}

/** The enabled wikis whose host permission the browser actually grants right now. */
export async function enabledWikis(): Promise<WikiSettings[]> {
  const wikis = effectiveWikis(await loadWikis(), buildTimeWikis());
  const granted: WikiSettings[] = [];
  for (const wiki of wikis) {
    const origins = [originPattern(wiki.origin, browserKind())];
    if (await browser.permissions.contains({ origins })) granted.push(wiki);
  }
  return granted;
}

/**
 * Registers the page adapter on the enabled wikis only: there is no static content script and no
 * <all_urls>, so a wiki the user did not enable never sees Project Desk. A registration that exists
 * (it persists across browser sessions) is updated in place, never removed and added again: a page
 * loading in between (a browser restoring its tabs at startup) would get no adapter.
 */
export async function registerPageAdapter(): Promise<void> {
  const wikis = await enabledWikis();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ADAPTER_ID] });
  if (wikis.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ADAPTER_ID] });
    return;
  }
  const script = {
    id: ADAPTER_ID,
    matches: [...new Set(wikis.map((wiki) => originPattern(wiki.origin, browserKind())))],
    js: [ADAPTER_FILE],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}
