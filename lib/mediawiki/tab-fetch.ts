import * as z from 'zod/mini';
import type { Fetch } from './api';

/**
 * Calling the wiki's API from the wiki's own tab. MediaWiki refuses cookie-authenticated cross-origin
 * writes, and with third-party cookies blocked the background's own requests carry no session, so a
 * publish is sent by the page adapter (the content script of the panel's tab): the background sends it
 * one request at a time, and the adapter fetches it same-origin with the user's cookies, only to the
 * wiki's api.php, and answers with the status and the body. The extension never sees a password.
 *
 * zod/mini: the content script parses these.
 */
export const WIKI_FETCH_CHANNEL = 'project-desk-wiki-fetch';

/** The largest request or answer body relayed (a page's wikitext is at most 2 MB on MediaWiki). */
const MAX_BODY = 8_000_000;

export const WikiFetchRequestSchema = z.object({
  channel: z.literal(WIKI_FETCH_CHANNEL),
  url: z.string().check(z.maxLength(8192)),
  method: z.enum(['GET', 'POST']),
  /** A POST's form body (application/x-www-form-urlencoded), null for a GET. */
  body: z.nullable(z.string().check(z.maxLength(MAX_BODY))),
});
export type WikiFetchRequest = z.infer<typeof WikiFetchRequestSchema>;

export const WikiFetchReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    status: z.int().check(z.gte(200), z.lte(599)),
    body: z.string().check(z.maxLength(MAX_BODY)),
  }),
  /** The request failed on the way (offline, refused): nothing is known about what the wiki did. */
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type WikiFetchReply = z.infer<typeof WikiFetchReplySchema>;

/** Whether `url` is a MediaWiki API endpoint (…/api.php) on the page's own origin, and nothing else. */
export function isWikiApiUrl(url: string, pageOrigin: string): boolean {
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  return (
    /^https?:$/.test(target.protocol) &&
    target.origin === pageOrigin &&
    target.pathname.endsWith('/api.php') &&
    target.username === '' &&
    target.password === ''
  );
}

/** The content script's side: one relayed request, refused unless it is for the page's own API. */
export async function relayWikiFetch(
  raw: unknown,
  pageOrigin: string,
  fetchFn: Fetch,
): Promise<WikiFetchReply> {
  const parsed = z.safeParse(WikiFetchRequestSchema, raw);
  if (!parsed.success) return { ok: false, error: 'Refused: not a wiki API request.' };
  const { url, method, body } = parsed.data;
  if (!isWikiApiUrl(url, pageOrigin))
    return { ok: false, error: 'Refused: only the wiki’s own API is called.' };
  try {
    const response = await fetchFn(url, {
      method,
      credentials: 'include',
      ...(method === 'POST' ? { body: new URLSearchParams(body ?? '') } : {}),
    });
    return { ok: true, status: response.status, body: await response.text() };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/**
 * The background's side: a Fetch that goes through `send` (browser.tabs.sendMessage to the tab's top
 * frame). A request that cannot be relayed or fails on the way throws a TypeError, as fetch does.
 */
export function tabFetch(send: (message: WikiFetchRequest) => Promise<unknown>): Fetch {
  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET';
    const body = init.body === undefined || init.body === null ? null : String(init.body);
    let raw: unknown;
    try {
      raw = await send({ channel: WIKI_FETCH_CHANNEL, url: String(input), method, body });
    } catch (error) {
      throw new TypeError(`The wiki's tab could not be reached (${String(error)}).`);
    }
    const reply = z.safeParse(WikiFetchReplySchema, raw);
    if (!reply.success) throw new TypeError('The wiki’s tab gave no valid answer.');
    if (!reply.data.ok) throw new TypeError(reply.data.error);
    const { status } = reply.data;
    // These statuses carry no body (the Response constructor refuses one).
    return new Response([204, 205, 304].includes(status) ? null : reply.data.body, {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
}
