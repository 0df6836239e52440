import { describe, expect, it } from 'vitest';
import { WikiAccess } from '../../../lib/background/wiki-access';
import { API, ENABLED, ORIGIN, TestWiki, TITLE } from './wiki-fixture';

const view = (revisionId: number | null, apiUrl: string | null = API) => ({
  title: TITLE,
  revisionId,
  apiUrl,
});

describe('reaching an enabled wiki from the background', () => {
  it('refuses a wiki that is not enabled', async () => {
    const wiki = new TestWiki();
    const access = new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch });
    await expect(access.context('http://evil.test', view(100))).rejects.toThrow(/not an enabled wiki/);
    expect(wiki.requests).toEqual([]);
  });

  it('uses the API a page names only on the page’s own origin', async () => {
    const wiki = new TestWiki();
    const access = new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch });
    const named = await access.context(ORIGIN, view(100));
    expect(named.api.apiUrl).toBe(API);
    expect(named.profile.id).toBe('xen');
    const foreign = await access.context(ORIGIN, view(100, 'http://evil.test/api.php'));
    expect(foreign.api.apiUrl.startsWith(ORIGIN)).toBe(true);
    expect(wiki.requests.some((request) => request.url.startsWith('http://evil.test'))).toBe(false);
  });

  it('reads a revision once and keeps it; the latest is always read afresh', async () => {
    const wiki = new TestWiki();
    const access = new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch, sourceLimit: 2 });
    const context = await access.context(ORIGIN, view(100));
    wiki.revisions.set(101, 'text of 101');
    wiki.revisions.set(102, 'text of 102');
    const first = await access.source(context, view(100));
    expect((await access.source(context, view(100))).wikitext).toBe(first.wikitext);
    expect(wiki.requests).toHaveLength(1);
    await access.source(context, view(101));
    await access.source(context, view(102));
    // At most two kept: 100 was the oldest and went.
    await access.source(context, view(100));
    expect(wiki.requests).toHaveLength(4);
    expect((await access.source(context, view(null))).revisionId).toBe(102);
    await access.source(context, view(null));
    expect(wiki.requests).toHaveLength(6);
  });

  it('forgets a failed read, so the next one tries again', async () => {
    const wiki = new TestWiki();
    const access = new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch });
    const context = await access.context(ORIGIN, view(100));
    wiki.reachable = false;
    await expect(access.source(context, view(100))).rejects.toThrow(/could not be reached/);
    wiki.reachable = true;
    expect((await access.source(context, view(100))).revisionId).toBe(100);
  });
});
