import { describe, expect, it } from 'vitest';
import { planSeed } from '../../../scripts/mediawiki/seed';
import type { SeedContent } from '../../../scripts/mediawiki/seed-content';
import { WIKI_USERS } from '../../../scripts/mediawiki/users';

const content = (texts: Record<string, string>): SeedContent => ({
  pages: Object.entries(texts).map(([title, text]) => ({ title, text, source: `${title}.wikitext` })),
  missing: [],
});

const titles = (plan: ReturnType<typeof planSeed>): string[] => plan.pages.map((page) => page.title);

describe('planSeed', () => {
  const first = content({ 'Template:Project': 'v1', 'Page A': 'a1', 'Page B': 'b1' });

  it('writes every page and user into a fresh wiki', () => {
    const plan = planSeed(first, undefined);
    expect(titles(plan)).toEqual(['Template:Project', 'Page A', 'Page B']);
    expect(plan.users).toEqual(Object.values(WIKI_USERS));
  });

  it('writes nothing when the content is unchanged', () => {
    const done = planSeed(first, undefined).record;
    const plan = planSeed(first, done);
    expect(plan.pages).toEqual([]);
    expect(plan.users).toEqual([]);
    expect(plan.hash).toBe(done.hash);
  });

  it('writes only the pages whose text changed, in content order', () => {
    const done = planSeed(first, undefined).record;
    const plan = planSeed(content({ 'Template:Project': 'v2', 'Page A': 'a1', 'Page B': 'b2' }), done);
    expect(titles(plan)).toEqual(['Template:Project', 'Page B']);
    expect(plan.users).toEqual([]);
    expect(plan.hash).not.toBe(done.hash);
  });

  it('writes a page that appeared since (a fixture written later)', () => {
    const done = planSeed(first, undefined).record;
    const plan = planSeed(
      content({ 'Template:Project': 'v1', 'Page A': 'a1', 'Page B': 'b1', 'Page C': 'c1' }),
      done,
    );
    expect(titles(plan)).toEqual(['Page C']);
  });

  it('remembers pages that are no longer in the content, without writing them', () => {
    const done = planSeed(first, undefined).record;
    const plan = planSeed(content({ 'Page A': 'a1' }), done);
    expect(plan.pages).toEqual([]);
    expect(Object.keys(plan.record.pages)).toEqual(['Template:Project', 'Page A', 'Page B']);
  });

  it('writes everything again when forced', () => {
    const done = planSeed(first, undefined).record;
    const plan = planSeed(first, done, true);
    expect(titles(plan)).toEqual(['Template:Project', 'Page A', 'Page B']);
    expect(plan.users).toHaveLength(2);
  });
});
