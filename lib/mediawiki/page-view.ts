import * as z from 'zod/mini';

/**
 * Everything that knows how a MediaWiki page looks from the outside lives here, so that a change in
 * MediaWiki's markup or a skin breaks one small module (and its tests on saved skin HTML), nothing else.
 */

/** The part of the page's inline `RLCONF={…}` configuration we rely on; every field is optional on purpose. */
const PageConfigSchema = z.object({
  wgPageName: z.optional(z.string()),
  wgRevisionId: z.optional(z.int()),
  wgCurRevisionId: z.optional(z.int()),
  wgAction: z.optional(z.string()),
  wgIsArticle: z.optional(z.boolean()),
  wgNamespaceNumber: z.optional(z.int()),
  wgScriptPath: z.optional(z.string()),
  wgUserName: z.optional(z.nullable(z.string())),
});
type PageConfig = z.infer<typeof PageConfigSchema>;

export const PageViewSchema = z.object({
  /** Page title as MediaWiki names it, spaces not underscores ("Archived/2014 GSoC and OPW Round 8 Projects"). */
  title: z.string().check(z.minLength(1)),
  /** The revision this view shows; null when the page does not say (then the latest is read). */
  revisionId: z.nullable(z.int().check(z.positive())),
  /** Absolute URL of api.php, or null when the page does not say (then the usual paths are tried). */
  apiUrl: z.nullable(z.url()),
});
export type PageView = z.infer<typeof PageViewSchema>;

/** Selectors for the parts of a rendered article; all skins of MediaWiki 1.35+ share them. */
export const SELECTORS = {
  articleContent: '#mw-content-text .mw-parser-output',
  articleContentFallback: '#mw-content-text',
  headings: 'h1, h2, h3, h4, h5, h6',
  /** Generated, not authored: the table of contents and the section edit links. */
  notAuthored: '#toc, .toc, .mw-editsection, .mw-cite-backlink, .mw-empty-elt',
  headingText: '.mw-headline',
} as const;

/** Reads the inline page configuration MediaWiki writes into every page (`RLCONF={…};RLSTATE=`). */
export function readPageConfig(doc: Document): PageConfig | null {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const start = text.indexOf('RLCONF=');
    if (start < 0) continue;
    const from = start + 'RLCONF='.length;
    // The object is followed by `;RLSTATE=` in every MediaWiki since 1.32; `};` is the fallback.
    const stateAt = text.indexOf('};RLSTATE=', from);
    const end = stateAt >= 0 ? stateAt : text.indexOf('};', from);
    if (end < 0) return null;
    try {
      const parsed = PageConfigSchema.safeParse(JSON.parse(text.slice(from, end + 1)));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  return null;
}

function apiUrlFrom(doc: Document, baseUrl: string): string | null {
  const editUri = doc.querySelector('link[rel="EditURI"]')?.getAttribute('href');
  if (!editUri) return null;
  try {
    const url = new URL(editUri, baseUrl);
    url.search = '';
    return url.pathname.endsWith('api.php') ? url.href : null;
  } catch {
    return null;
  }
}

function titleFromUrl(pageUrl: string): string | null {
  const url = new URL(pageUrl);
  const fromQuery = url.searchParams.get('title');
  if (fromQuery) return fromQuery;
  const match = /\/(?:wiki|index\.php)\/(.+)$/.exec(url.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * Recognises a MediaWiki article view (not an edit form, history, diff or special page) and says which
 * page and revision it shows. Returns null for anything else, so the adapter does nothing there.
 */
export function readPageView(doc: Document, pageUrl: string): PageView | null {
  if (!doc.querySelector(SELECTORS.articleContentFallback)) return null;
  const config = readPageConfig(doc);
  const url = new URL(pageUrl);
  if (config) {
    if (config.wgAction !== undefined && config.wgAction !== 'view') return null;
    if (config.wgIsArticle === false) return null;
    if (config.wgNamespaceNumber !== undefined && config.wgNamespaceNumber < 0) return null;
  } else if (url.searchParams.has('action') && url.searchParams.get('action') !== 'view') {
    return null;
  }
  if (url.searchParams.has('diff') || url.searchParams.has('oldid')) return null;
  const rawTitle = config?.wgPageName ?? titleFromUrl(pageUrl);
  if (!rawTitle) return null;
  const revision = config?.wgRevisionId ?? config?.wgCurRevisionId ?? 0;
  return {
    title: rawTitle.replace(/_/g, ' '),
    revisionId: revision > 0 ? revision : null,
    apiUrl: apiUrlFrom(doc, pageUrl),
  };
}

/** The logged-in wiki user the page names (RLCONF wgUserName), or null for an anonymous reader. */
export function readWikiUser(doc: Document): string | null {
  const name = readPageConfig(doc)?.wgUserName;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** The element holding the article's authored content. */
export function findArticleRoot(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.articleContent) ?? doc.querySelector(SELECTORS.articleContentFallback);
}

/** The usual places of api.php, tried in order when the page names none. */
export function candidateApiUrls(origin: string): string[] {
  return [
    `${origin}/w/api.php`,
    `${origin}/api.php`,
    `${origin}/wiki/api.php`,
    `${origin}/mediawiki/api.php`,
  ];
}
