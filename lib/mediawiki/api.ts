import { z } from 'zod';

/**
 * A small MediaWiki Action API client. It takes `fetch` as a parameter so that it runs in the
 * background (with host permission), in the page (same-origin, with the user's session) and in Node tests.
 */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class WikiApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const ApiErrorSchema = z.object({ error: z.object({ code: z.string(), info: z.string() }) });

const PageRevisionSchema = z.object({
  query: z.object({
    general: z.object({ sitename: z.string() }).optional(),
    extensiontags: z.array(z.string()).optional(),
    badrevids: z.unknown().optional(),
    pages: z
      .array(
        z.object({
          title: z.string(),
          missing: z.boolean().optional(),
          invalid: z.boolean().optional(),
          revisions: z
            .array(
              z.object({
                revid: z.number().int(),
                timestamp: z.string().optional(),
                slots: z.object({
                  main: z.object({ content: z.string().optional(), texthidden: z.boolean().optional() }),
                }),
              }),
            )
            .optional(),
        }),
      )
      .optional(),
  }),
});

export const PageSourceSchema = z.object({
  title: z.string(),
  revisionId: z.number().int().positive(),
  timestamp: z.string().nullable(),
  wikitext: z.string(),
  /** Extension tags the wiki's parser knows, without angle brackets (from siteinfo). */
  extensionTags: z.array(z.string()),
});
export type PageSource = z.infer<typeof PageSourceSchema>;

export class WikiApi {
  constructor(
    readonly apiUrl: string,
    private readonly fetchFn: Fetch,
  ) {}

  async get(params: Record<string, string>): Promise<unknown> {
    const url = new URL(this.apiUrl);
    for (const [key, value] of Object.entries({ format: 'json', formatversion: '2', ...params })) {
      url.searchParams.set(key, value);
    }
    let response: Response;
    try {
      response = await this.fetchFn(url.href, { credentials: 'include' });
    } catch (error) {
      throw new WikiApiError(
        `The wiki at ${url.origin} could not be reached (${String(error)}).`,
        'unreachable',
      );
    }
    if (!response.ok)
      throw new WikiApiError(`The wiki answered HTTP ${response.status}.`, `http-${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new WikiApiError(
        `The wiki's API at ${this.apiUrl} did not answer with JSON: is it a MediaWiki?`,
        'not-json',
      );
    }
    const apiError = ApiErrorSchema.safeParse(body);
    if (apiError.success) throw new WikiApiError(apiError.data.error.info, apiError.data.error.code);
    return body;
  }

  /** The page's wikitext at a revision (or the latest), with the wiki's extension tags, in one request. */
  async readPage(title: string, revisionId: number | null): Promise<PageSource> {
    const target: Record<string, string> = revisionId ? { revids: String(revisionId) } : { titles: title };
    const body = await this.get({
      action: 'query',
      meta: 'siteinfo',
      siprop: 'general|extensiontags',
      prop: 'revisions',
      rvprop: 'ids|timestamp|content',
      rvslots: 'main',
      ...target,
    });
    const parsed = PageRevisionSchema.safeParse(body);
    if (!parsed.success)
      throw new WikiApiError(
        `Unexpected answer from the wiki: ${z.prettifyError(parsed.error)}`,
        'bad-answer',
      );
    const page = parsed.data.query.pages?.[0];
    if (!page || page.missing || page.invalid)
      throw new WikiApiError(`The page "${title}" does not exist on the wiki.`, 'missing');
    const revision = page.revisions?.[0];
    const content = revision?.slots.main.content;
    if (!revision || content === undefined)
      throw new WikiApiError(`The wikitext of "${title}" is not readable.`, 'hidden');
    return {
      title: page.title,
      revisionId: revision.revid,
      timestamp: revision.timestamp ?? null,
      wikitext: content,
      extensionTags: (parsed.data.query.extensiontags ?? []).map((tag) => tag.replace(/^<|>$/g, '')),
    };
  }

  /** The raw TemplateData of a template (`action=templatedata`), labels resolved to one language. */
  async templateData(template: string, lang = 'en'): Promise<unknown> {
    const title = /^template\s*:/i.test(template) ? template : `Template:${template}`;
    return this.get({ action: 'templatedata', titles: title, lang, redirects: '1' });
  }
}

/** Finds the wiki's api.php among candidate URLs: the first that answers a siteinfo query. */
export async function discoverApi(candidates: readonly string[], fetchFn: Fetch): Promise<WikiApi> {
  for (const candidate of candidates) {
    const api = new WikiApi(candidate, fetchFn);
    try {
      await api.get({ action: 'query', meta: 'siteinfo' });
      return api;
    } catch {
      // try the next usual place
    }
  }
  throw new WikiApiError(
    'No MediaWiki API was found on this site (tried the usual places of api.php).',
    'no-api',
  );
}
