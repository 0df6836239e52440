/**
 * Opening a draft on its wiki page: the dashboard links to the page with a fragment that names the
 * draft entry, and the page adapter (content script) opens that entry's panel when it sees it.
 *
 *   <wiki origin>/index.php?title=<Page_title>#project-desk-edit=<entry id>
 *
 * The entry id is the draft's key in its page document (`r<revision>-e<ordinal>` for an existing entry,
 * `new-<uuid>` for a new one), percent-encoded; the page itself says which document. A fragment, not a
 * query parameter: it never reaches the wiki's server, its logs or its caches. No zod and no imports
 * here: the content script carries the parser.
 */
export const EDIT_FRAGMENT_KEY = 'project-desk-edit';

export function editFragment(entryId: string): string {
  return `#${EDIT_FRAGMENT_KEY}=${encodeURIComponent(entryId)}`;
}

/** The entry id a location hash names (with or without its `#`), or null when it names none. */
export function entryIdFromHash(hash: string): string | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${EDIT_FRAGMENT_KEY}=`;
  if (!text.startsWith(prefix)) return null;
  try {
    const id = decodeURIComponent(text.slice(prefix.length));
    return id === '' ? null : id;
  } catch {
    return null;
  }
}

/**
 * The address of a wiki page. index.php at the wiki's root is where the Xen wiki and our test wiki
 * have it; a wiki whose scripts live elsewhere (Wikipedia's /w/) needs its script path, which the
 * wiki settings do not record yet.
 */
export function wikiPageUrl(wiki: string, page: string): string {
  const title = encodeURIComponent(page.replaceAll(' ', '_')).replaceAll('%2F', '/').replaceAll('%3A', ':');
  return `${new URL(wiki).origin}/index.php?title=${title}`;
}

export function draftPageUrl(draft: { wiki: string; page: string; entryId: string }): string {
  return wikiPageUrl(draft.wiki, draft.page) + editFragment(draft.entryId);
}
