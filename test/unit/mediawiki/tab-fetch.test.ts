import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../../lib/mediawiki/api';
import { isWikiApiUrl, relayWikiFetch, tabFetch, WIKI_FETCH_CHANNEL } from '../../../lib/mediawiki/tab-fetch';

const ORIGIN = 'https://wiki.example.org';
const API = `${ORIGIN}/w/api.php`;

/** The content script's relay wired straight to the background's fetch, with a fake wiki behind it. */
function relayed(wiki: Fetch) {
  const seen: { url: string; method?: string; body?: string; credentials?: string }[] = [];
  const pageFetch: Fetch = async (input, init = {}) => {
    seen.push({
      url: String(input),
      method: init.method,
      body: init.body === undefined ? undefined : String(init.body),
      credentials: init.credentials,
    });
    return wiki(input, init);
  };
  return { seen, fetchFn: tabFetch((message) => relayWikiFetch(message, ORIGIN, pageFetch)) };
}

describe('API calls relayed through the wiki’s tab', () => {
  it('sends a POST form same-origin with the cookies and hands back status and body', async () => {
    const { seen, fetchFn } = relayed(
      async () => new Response('{"edit":{"result":"Success"}}', { status: 200 }),
    );
    const response = await fetchFn(API, {
      method: 'POST',
      body: new URLSearchParams({ action: 'edit', text: 'a&b' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ edit: { result: 'Success' } });
    expect(seen).toEqual([
      { url: API, method: 'POST', body: 'action=edit&text=a%26b', credentials: 'include' },
    ]);
  });

  it('passes HTTP errors through as answers, and a failure on the way as a TypeError', async () => {
    expect((await relayed(async () => new Response('', { status: 503 })).fetchFn(`${API}?a=1`)).status).toBe(
      503,
    );
    const offline = relayed(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.fetchFn(API)).rejects.toThrow(TypeError);
  });

  it('calls only an api.php on the page’s own origin', async () => {
    expect(isWikiApiUrl(API, ORIGIN)).toBe(true);
    expect(isWikiApiUrl(`${ORIGIN}/w/index.php?title=X`, ORIGIN)).toBe(false);
    expect(isWikiApiUrl('https://evil.example/w/api.php', ORIGIN)).toBe(false);
    expect(isWikiApiUrl(`https://user:pw@wiki.example.org/w/api.php`, ORIGIN)).toBe(false);
    const { seen, fetchFn } = relayed(async () => new Response('{}'));
    await expect(fetchFn('https://evil.example/api.php')).rejects.toThrow(/only the wiki/);
    expect(seen).toEqual([]);
    expect(
      await relayWikiFetch(
        { channel: WIKI_FETCH_CHANNEL, url: API, method: 'PUT', body: null },
        ORIGIN,
        fetch,
      ),
    ).toMatchObject({ ok: false });
  });
});
