import { discoverApi, type Fetch, type PageSource, WikiApi } from '../mediawiki/api';
import { candidateApiUrls, type PageView } from '../mediawiki/page-view';
import type { SiteProfile } from '../model/profile';
import type { WikiSettings } from '../settings/wikis';
import { profileForWiki } from './profiles';

/**
 * Reaching an enabled wiki from the background: which wiki an origin is (enabled ones only), its API
 * and site profile, and the wikitext of a page revision. A revision's text never changes, so it is
 * kept (a few pages, in memory) between the page adapter's scan and the panel's open, and the editor
 * opens without a second round trip to the wiki. A stopped service worker simply reads it again.
 */
export interface WikiContext {
  origin: string;
  wiki: WikiSettings;
  api: WikiApi;
  profile: SiteProfile;
}

export interface WikiAccessOptions {
  /** The wikis enabled now (settings and granted permissions). */
  enabledWikis: () => Promise<WikiSettings[]>;
  fetchFn: Fetch;
  /** Page revisions kept in memory. */
  sourceLimit?: number;
}

export class WikiAccess {
  private readonly sources = new Map<string, Promise<PageSource>>();
  private readonly discovered = new Map<string, Promise<WikiApi>>();

  constructor(private readonly options: WikiAccessOptions) {}

  get fetchFn(): Fetch {
    return this.options.fetchFn;
  }

  /** The enabled wiki at `origin`, with the API the page names (only when on that origin) or one found. */
  async context(origin: string, view: Pick<PageView, 'apiUrl'>): Promise<WikiContext> {
    const wiki = (await this.options.enabledWikis()).find((item) => item.origin === origin);
    if (!wiki) throw new Error(`Refused: ${origin} is not an enabled wiki.`);
    const named = view.apiUrl !== null && sameOrigin(view.apiUrl, origin) ? view.apiUrl : null;
    const api = named ? new WikiApi(named, this.options.fetchFn) : await this.discover(origin);
    return { origin, wiki, api, profile: profileForWiki(wiki) };
  }

  /** The page's wikitext at the view's revision (the latest when the view names none). */
  source(context: WikiContext, view: Pick<PageView, 'title' | 'revisionId'>): Promise<PageSource> {
    if (view.revisionId === null) return context.api.readPage(view.title, null);
    const key = `${context.api.apiUrl}|${view.revisionId}`;
    const known = this.sources.get(key);
    if (known) {
      // Most recently used last, so the oldest is the first to go.
      this.sources.delete(key);
      this.sources.set(key, known);
      return known;
    }
    const reading = context.api.readPage(view.title, view.revisionId);
    this.sources.set(key, reading);
    reading.catch(() => this.sources.delete(key));
    const limit = this.options.sourceLimit ?? 8;
    while (this.sources.size > limit) this.sources.delete(this.sources.keys().next().value!);
    return reading;
  }

  private discover(origin: string): Promise<WikiApi> {
    const known = this.discovered.get(origin);
    if (known) return known;
    const finding = discoverApi(candidateApiUrls(origin), this.options.fetchFn);
    this.discovered.set(origin, finding);
    finding.catch(() => this.discovered.delete(origin));
    return finding;
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
