import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { locateEntries } from '../../../lib/adapter/locate-entries';
import { candidateApiUrls, findArticleRoot, readPageView } from '../../../lib/mediawiki/page-view';

/** Saved from the test wiki (MediaWiki 1.39) with ?useskin=…, so skin changes break one test here. */
const SKINS = ['vector', 'vector-2022', 'monobook', 'timeless'];
const SEED_TITLE = 'Archived/2014 GSoC and OPW Round 8 Projects';
const ORIGIN = 'http://127.0.0.1:8182';
const URL_OF_SEED = `${ORIGIN}/index.php?title=Archived/2014_GSoC_and_OPW_Round_8_Projects`;

function load(name: string): Document {
  const html = readFileSync(path.join(import.meta.dirname, '../../fixtures/skins', `${name}.html`), 'utf8');
  return parseHTML(html).document;
}

describe.each(SKINS)('an article view in the %s skin', (skin) => {
  const doc = load(skin);

  it('is recognised, with its title, revision and API', () => {
    const view = readPageView(doc, `${URL_OF_SEED}&useskin=${skin}`);
    expect(view?.title).toBe(SEED_TITLE);
    expect(view?.revisionId).toBeGreaterThan(0);
    expect(view?.apiUrl).toBe(`${ORIGIN}/api.php`);
  });

  it('has its authored content found, and entries located in it', () => {
    const root = findArticleRoot(doc);
    expect(root?.classList.contains('mw-parser-output')).toBe(true);
    const entry = {
      ordinal: 1,
      title: 'Lazy restore using memory paging',
      section: ['Accepted Projects', 'GSoC Projects'],
      nested: false,
    };
    const located = locateEntries(root!, [entry], []);
    expect(located.entries.get(1)?.textContent?.trim()).toBe(entry.title);
    expect(located.sections.get('Accepted Projects / GSoC Projects')?.tagName).toBe('H3');
  });
});

describe('pages that are not article views', () => {
  it.each([
    ['vector-edit', `${URL_OF_SEED}&action=edit`],
    ['vector-history', `${URL_OF_SEED}&action=history`],
    ['vector-special', `${ORIGIN}/index.php?title=Special:RecentChanges`],
  ])('%s is left alone', (name, url) => {
    expect(readPageView(load(name), url)).toBeNull();
  });

  it('a page that is not MediaWiki at all is left alone', () => {
    const { document } = parseHTML('<html><body><main>Hello</main></body></html>');
    expect(readPageView(document, 'https://example.org/')).toBeNull();
  });

  it('a diff or an old revision is left alone', () => {
    expect(readPageView(load('vector'), `${URL_OF_SEED}&diff=3&oldid=2`)).toBeNull();
  });
});

describe('without the inline configuration', () => {
  it('falls back to the title in the URL and the usual API paths', () => {
    const { document } = parseHTML(
      '<html><body><div id="mw-content-text"><div class="mw-parser-output"><p>x</p></div></div></body></html>',
    );
    expect(readPageView(document, 'https://wiki.example.org/wiki/Summer_of_Code_2026')).toEqual({
      title: 'Summer of Code 2026',
      revisionId: null,
      apiUrl: null,
    });
    expect(candidateApiUrls('https://wiki.example.org')[0]).toBe('https://wiki.example.org/w/api.php');
  });

  it('ignores a configuration that is not valid JSON', () => {
    const { document } = parseHTML(
      '<html><head><script>RLCONF={"wgPageName":};RLSTATE={};</script></head><body><div id="mw-content-text"></div></body></html>',
    );
    expect(readPageView(document, 'https://wiki.example.org/index.php?title=Ideas')?.title).toBe('Ideas');
  });
});
