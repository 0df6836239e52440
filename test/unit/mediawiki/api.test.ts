import { describe, expect, it } from 'vitest';
import { discoverApi, type Fetch, WikiApi } from '../../../lib/mediawiki/api';

/** A wiki that answers from a table of URL substrings; what it sees is recorded. */
function wiki(answers: Array<[string, unknown, number?]>): { fetch: Fetch; seen: string[] } {
  const seen: string[] = [];
  const fetch: Fetch = async (input) => {
    seen.push(input);
    const hit = answers.find(([part]) => input.includes(part));
    if (!hit) throw new TypeError('Failed to fetch');
    const [, body, status = 200] = hit;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return { fetch, seen };
}

const PAGE = {
  query: {
    extensiontags: ['<pre>', '<nowiki>', '<templatedata>'],
    pages: [
      {
        title: 'Ideas',
        revisions: [
          { revid: 42, timestamp: '2026-01-01T00:00:00Z', slots: { main: { content: '{{project}}' } } },
        ],
      },
    ],
  },
};

describe('WikiApi.readPage', () => {
  it('reads wikitext, revision and extension tags in one request, at the revision asked for', async () => {
    const { fetch, seen } = wiki([['api.php', PAGE]]);
    const source = await new WikiApi('https://w.example/api.php', fetch).readPage('Ideas', 42);
    expect(source).toEqual({
      title: 'Ideas',
      revisionId: 42,
      timestamp: '2026-01-01T00:00:00Z',
      wikitext: '{{project}}',
      extensionTags: ['pre', 'nowiki', 'templatedata'],
    });
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]!).searchParams.get('revids')).toBe('42');
  });

  it('asks by title when the page did not say its revision', async () => {
    const { fetch, seen } = wiki([['api.php', PAGE]]);
    await new WikiApi('https://w.example/api.php', fetch).readPage('Ideas', null);
    expect(new URL(seen[0]!).searchParams.get('titles')).toBe('Ideas');
  });

  it.each([
    ['a missing page', { query: { pages: [{ title: 'Gone', missing: true }] } }, 200, /does not exist/],
    [
      'an API error',
      { error: { code: 'nosuchrevid', info: 'There is no revision with ID 9.' } },
      200,
      /no revision with ID 9/,
    ],
    ['an HTTP error', 'oops', 500, /HTTP 500/],
    ['a page that is not JSON', '<html>login</html>', 200, /did not answer with JSON/],
    ['an unexpected shape', { query: { pages: 'many' } }, 200, /Unexpected answer/],
    [
      'hidden content',
      {
        query: { pages: [{ title: 'X', revisions: [{ revid: 1, slots: { main: { texthidden: true } } }] }] },
      },
      200,
      /not readable/,
    ],
  ])('explains %s', async (_what, body, status, message) => {
    const { fetch } = wiki([['api.php', body, status]]);
    await expect(new WikiApi('https://w.example/api.php', fetch).readPage('X', 1)).rejects.toThrow(message);
  });

  it('explains an unreachable wiki', async () => {
    const { fetch } = wiki([]);
    await expect(new WikiApi('https://w.example/api.php', fetch).readPage('X', 1)).rejects.toThrow(
      /could not be reached/,
    );
  });
});

describe('discoverApi', () => {
  it('takes the first usual place that answers like a MediaWiki', async () => {
    const { fetch } = wiki([
      ['/w/api.php', '<html>404</html>', 404],
      ['/api.php', { query: { general: { sitename: 'W' } } }],
    ]);
    const api = await discoverApi(['https://w.example/w/api.php', 'https://w.example/api.php'], fetch);
    expect(api.apiUrl).toBe('https://w.example/api.php');
  });

  it('says so when none does', async () => {
    const { fetch } = wiki([]);
    await expect(discoverApi(['https://w.example/api.php'], fetch)).rejects.toThrow(
      /No MediaWiki API was found/,
    );
  });
});
