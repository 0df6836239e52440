import { describe, expect, it } from 'vitest';
import { parseBuildWikis } from '../../../lib/model/build-wikis';
import {
  effectiveWikis,
  originPattern,
  readWikiList,
  withoutWiki,
  withWiki,
} from '../../../lib/settings/wikis';

const wiki = (origin: string, template = 'Project') => ({
  origin,
  template,
  profile: null,
  addedAt: '2026-01-01',
});

describe('build-time wikis', () => {
  it('reads origins, trims paths and drops duplicates', () => {
    expect(
      parseBuildWikis(
        ' http://127.0.0.1:8781/index.php , http://127.0.0.1:8781,https://wiki.xenproject.org ',
      ),
    ).toEqual(['http://127.0.0.1:8781', 'https://wiki.xenproject.org']);
    expect(parseBuildWikis('')).toEqual([]);
  });

  it('fails the build on a bad origin, naming it', () => {
    expect(() => parseBuildWikis('ftp://x.org')).toThrow(/must start with http/);
    expect(() => parseBuildWikis('not a url')).toThrow(/"not a url" is not a web address/);
  });
});

describe('wiki settings', () => {
  it('makes host patterns; Firefox patterns carry no port', () => {
    expect(originPattern('http://127.0.0.1:8781')).toBe('http://127.0.0.1:8781/*');
    expect(originPattern('http://127.0.0.1:8781', 'firefox')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://wiki.xenproject.org')).toBe('https://wiki.xenproject.org/*');
  });

  it('adds, replaces and removes by origin', () => {
    const list = withWiki(withWiki([], wiki('https://a.org')), wiki('https://a.org', 'Idea'));
    expect(list).toEqual([wiki('https://a.org', 'Idea')]);
    expect(withoutWiki(list, 'https://a.org')).toEqual([]);
  });

  it('merges build wikis with stored ones, stored settings winning', () => {
    const merged = effectiveWikis([wiki('https://a.org', 'Idea')], ['https://a.org', 'https://b.org']);
    expect(merged.map((w) => [w.origin, w.template])).toEqual([
      ['https://a.org', 'Idea'],
      ['https://b.org', 'Project'],
    ]);
  });

  it('drops corrupt stored records with a reason and keeps the rest', () => {
    const { wikis, dropped } = readWikiList([wiki('https://a.org'), { origin: 42 }, 'junk']);
    expect(wikis).toHaveLength(1);
    expect(dropped).toHaveLength(2);
    expect(readWikiList({ not: 'a list' }).dropped).toEqual(['the wiki list was not a list']);
    expect(readWikiList(undefined)).toEqual({ wikis: [], dropped: [] });
  });
});
