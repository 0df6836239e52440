import { describe, expect, it } from 'vitest';
import { handlePreview, parseWikitext } from '../../../lib/background/preview';
import { WikiAccess } from '../../../lib/background/wiki-access';
import type { Fetch } from '../../../lib/mediawiki/api';
import { API, ENABLED, ORIGIN, TestWiki, TITLE } from './wiki-fixture';

const OWN = 'ownextensionidownextensionidabcd';
const EXTENSION = `chrome-extension://${OWN}`;

describe('the wiki’s rendering of a draft', () => {
  it('posts the draft to action=parse on the page’s title and returns the HTML', async () => {
    const wiki = new TestWiki();
    const text = `{{project\n|Project=${'long '.repeat(2000)}\n}}`;
    const html = await parseWikitext(API, wiki.fetch, TITLE, text);
    expect(html).toBe(`<div class="mw-parser-output"><p>${text.length} chars</p></div>`);
    const [sent] = wiki.requests;
    expect(sent?.url).toBe(API);
    const body = new URLSearchParams(sent?.body ?? '');
    expect(Object.fromEntries(body)).toMatchObject({
      action: 'parse',
      title: TITLE,
      text,
      contentmodel: 'wikitext',
      prop: 'text',
    });
  });

  it('says why when the wiki cannot render it', async () => {
    const answering =
      (body: unknown, status = 200): Fetch =>
      async () =>
        Response.json(body, { status });
    await expect(
      parseWikitext(
        API,
        answering({ error: { code: 'readonly', info: 'The wiki is read-only' } }),
        TITLE,
        'x',
      ),
    ).rejects.toThrow('The wiki is read-only');
    await expect(parseWikitext(API, answering({}, 503), TITLE, 'x')).rejects.toThrow('HTTP 503');
    await expect(parseWikitext(API, answering({ parse: { html: 1 } }), TITLE, 'x')).rejects.toThrow(/shape/);
    const offline: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(parseWikitext(API, offline, TITLE, 'x')).rejects.toThrow(/could not be reached/);
  });

  it('serves our own pages only, for enabled wikis only', async () => {
    const wiki = new TestWiki();
    const deps = {
      access: new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch }),
      ownId: OWN,
      extensionOrigin: EXTENSION,
    };
    const request = {
      wiki: ORIGIN,
      view: { title: TITLE, revisionId: 100, apiUrl: API },
      wikitext: '{{project}}',
    };
    const panel = { id: OWN, url: `${EXTENSION}/panel.html` };
    expect((await handlePreview(request, panel, deps)).html).toContain('11 chars');
    await expect(handlePreview(request, { id: OWN, url: `${ORIGIN}/x`, tabId: 1 }, deps)).rejects.toThrow(
      /Refused/,
    );
    await expect(handlePreview({ ...request, wiki: 'http://other.test' }, panel, deps)).rejects.toThrow(
      /not an enabled wiki/,
    );
  });
});
