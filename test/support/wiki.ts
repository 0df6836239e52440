/**
 * The real MediaWiki of the tests and the demo (Debian's 1.39 on `php -S 127.0.0.1:PORT`, SQLite, all
 * state in one directory), and a small API session for tests that act on the wiki directly.
 *
 *   const wiki = await ensureWiki({ stateDir: '.state/wiki-e2e', port: 8182 });
 *   // wiki.origin, wiki.indexUrl, wiki.apiUrl, wiki.users.mentor, wiki.pages.seed2014 …
 *   await wiki.stop();
 */
import path from 'node:path';
import {
  ensureWiki as ensureWikiAt,
  type RunningWiki,
  stopWiki as stopWikiAt,
} from '../../scripts/mediawiki/lifecycle';
import { REPO_ROOT } from '../../scripts/mediawiki/paths';
import { WIKI_USERS, type WikiAccount, type WikiUserRole } from '../../scripts/mediawiki/users';

export { type RunningWiki, resetWiki, wikiStatus } from '../../scripts/mediawiki/lifecycle';
export { DEFAULT_PORT, DEFAULT_STATE_DIR } from '../../scripts/mediawiki/paths';
export { WIKI_PAGES, WIKI_TEMPLATES } from '../../scripts/mediawiki/seed-content';
export { WIKI_ADMIN, WIKI_USERS, type WikiAccount, type WikiUserRole } from '../../scripts/mediawiki/users';

/** A wiki for end-to-end tests, apart from the demo's (.state/wiki on 8181). */
/** The e2e wiki; PROJECT_DESK_E2E_WIKI_PORT moves it, e.g. to run two checkouts' tests side by side. */
export const E2E_WIKI = {
  stateDir: path.join(REPO_ROOT, '.state', 'wiki-e2e'),
  port: Number(process.env.PROJECT_DESK_E2E_WIKI_PORT ?? 8182),
} as const;

export interface EnsureWikiOptions {
  stateDir: string;
  /** Default 8181; 0 picks a free port. A running wiki keeps its port. */
  port?: number;
  /** Write all seed content again, undoing edits a test made to seeded pages. */
  reseed?: boolean;
  log?: (message: string) => void;
}

/** Installs (first time), seeds what changed, starts and waits for the wiki; reports a running one. */
export function ensureWiki(options: EnsureWikiOptions): Promise<RunningWiki> {
  return ensureWikiAt(options);
}

/** Stops the wiki of `stateDir` and the workers of its server. Returns whether it was running. */
export function stopWiki(stateDir: string): Promise<boolean> {
  return stopWikiAt(stateDir);
}

type ApiParams = Record<string, string | number | boolean>;

/** An API error, with MediaWiki's error code (`permissiondenied`, `editconflict`, …). */
export class WikiApiError extends Error {
  constructor(
    readonly code: string,
    info: string,
  ) {
    super(`${code}: ${info}`);
    this.name = 'WikiApiError';
  }
}

/**
 * A session with the wiki's action API that keeps its cookies, as a browser would: anonymous until
 * `login`. For tests that prepare or check the wiki behind the extension's back.
 */
export class WikiApiSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly apiUrl: string) {}

  /** A session logged in as one of the seeded users (`mentor`, `reviewer`) or any account. */
  static async login(apiUrl: string, who: WikiUserRole | WikiAccount): Promise<WikiApiSession> {
    const session = new WikiApiSession(apiUrl);
    await session.login(typeof who === 'string' ? WIKI_USERS[who] : who);
    return session;
  }

  async login(account: WikiAccount): Promise<void> {
    const token = await this.token('login');
    const result = await this.post({
      action: 'clientlogin',
      username: account.username,
      password: account.password,
      logintoken: token,
      loginreturnurl: new URL('/', this.apiUrl).href,
    });
    const status = (result.clientlogin as { status?: string; message?: string } | undefined) ?? {};
    if (status.status !== 'PASS')
      throw new WikiApiError('loginfailed', status.message ?? JSON.stringify(result));
  }

  async token(type: 'csrf' | 'login'): Promise<string> {
    const result = await this.get({ action: 'query', meta: 'tokens', type });
    const tokens = (result.query as { tokens: Record<string, string> }).tokens;
    const token = tokens[`${type}token`];
    if (!token) throw new WikiApiError('notoken', `no ${type} token in ${JSON.stringify(result)}`);
    return token;
  }

  get(params: ApiParams): Promise<Record<string, unknown>> {
    const url = new URL(this.apiUrl);
    for (const [key, value] of Object.entries(this.withFormat(params)))
      url.searchParams.set(key, String(value));
    return this.send(url, { method: 'GET' });
  }

  post(params: ApiParams): Promise<Record<string, unknown>> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(this.withFormat(params))) body.set(key, String(value));
    return this.send(new URL(this.apiUrl), { method: 'POST', body });
  }

  /** Saves a page; returns the new revision id. Throws WikiApiError when the wiki refuses. */
  async edit(title: string, text: string, summary = 'test edit'): Promise<number> {
    const result = await this.post({ action: 'edit', title, text, summary, token: await this.token('csrf') });
    const edit = result.edit as { result?: string; newrevid?: number; oldrevid?: number } | undefined;
    if (edit?.result !== 'Success') throw new WikiApiError('editfailed', JSON.stringify(result));
    return edit.newrevid ?? edit.oldrevid ?? 0;
  }

  /** The current wikitext of a page, or undefined when it does not exist. */
  async wikitext(title: string): Promise<string | undefined> {
    const result = await this.get({
      action: 'query',
      prop: 'revisions',
      rvprop: 'content',
      rvslots: 'main',
      titles: title,
    });
    const page = (
      result.query as {
        pages: { missing?: boolean; revisions?: { slots: { main: { content: string } } }[] }[];
      }
    ).pages[0];
    return page?.missing ? undefined : page?.revisions?.[0]?.slots.main.content;
  }

  private withFormat(params: ApiParams): ApiParams {
    return { format: 'json', formatversion: 2, errorformat: 'plaintext', ...params };
  }

  private async send(url: URL, init: RequestInit): Promise<Record<string, unknown>> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator > 0) this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    if (!response.ok) throw new WikiApiError(`http${response.status}`, await response.text());
    const result = (await response.json()) as Record<string, unknown>;
    const errors = result.errors as { code: string; text?: string }[] | undefined;
    if (errors?.[0]) throw new WikiApiError(errors[0].code, errors[0].text ?? JSON.stringify(errors));
    return result;
  }
}
