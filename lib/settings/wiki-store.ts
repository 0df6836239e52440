import { storage } from 'wxt/utils/storage';
import { readWikiList, type WikiSettings, withoutWiki, withWiki } from './wikis';

/**
 * The enabled wikis, in the extension's own storage (never the wiki page's). Read back through
 * readWikiList, so a corrupt record is dropped with a logged reason instead of breaking every page.
 */
const wikisItem = storage.defineItem<unknown>('local:wikis', { fallback: [], version: 1 });

export async function loadWikis(): Promise<WikiSettings[]> {
  const { wikis, dropped } = readWikiList(await wikisItem.getValue());
  for (const reason of dropped) console.warn(`Project Desk: ignored a stored wiki setting: ${reason}`);
  return wikis;
}

export async function saveWiki(wiki: WikiSettings): Promise<void> {
  await wikisItem.setValue(withWiki(await loadWikis(), wiki));
}

export async function removeWiki(origin: string): Promise<void> {
  await wikisItem.setValue(withoutWiki(await loadWikis(), origin));
}

export function watchWikis(onChange: () => void): () => void {
  return wikisItem.watch(onChange);
}
