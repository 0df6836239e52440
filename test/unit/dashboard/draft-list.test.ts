import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  matchesQuery,
  matchesStatus,
  STATUS_FILTERS,
  StatusFilterSchema,
  selectDrafts,
} from '../../../lib/dashboard/draft-list';
import type { DraftRecord } from '../../../lib/store/records';

let next = 0;
function record(fields: Partial<DraftRecord>): DraftRecord {
  next++;
  return {
    id: `project-desk|drafts|https%3A%2F%2Fwiki.xenproject.org|GSoC#r1-e${next}`,
    wiki: 'https://wiki.xenproject.org',
    page: 'GSoC 2014',
    docName: 'project-desk|drafts|https%3A%2F%2Fwiki.xenproject.org|GSoC',
    entryId: `r1-e${next}`,
    identity: { ordinal: next, title: 'x', baseWikitext: '{{project}}' },
    baseRevision: 1,
    status: 'draft',
    isNew: false,
    section: ['GSoC Projects'],
    title: `Idea ${next}`,
    updatedAt: 1_000,
    ...fields,
  };
}

const lazy = record({ title: 'Lazy restore using memory paging', updatedAt: 3_000 });
const resume = record({
  title: 'Résumé of VM state',
  page: 'Outreachy',
  updatedAt: 5_000,
  status: 'conflict',
});
const other = record({
  title: 'Wiki docs',
  wiki: 'https://wiki.example.org',
  section: ['Documentation', 'Tutorials'],
  updatedAt: 4_000,
  status: 'published',
});
const gone = record({ title: 'Thrown away', updatedAt: 9_000, status: 'discarded' });
const all = [lazy, resume, other, gone];
const titles = (list: DraftRecord[]) => list.map((item) => item.title);

describe('searching drafts', () => {
  it('folds case and accents, so a plain query finds an accented title', () => {
    expect(foldForSearch('Résumé ÉTÉ İstanbul')).toBe('resume ete istanbul');
    expect(matchesQuery(resume, 'resume')).toBe(true);
    expect(matchesQuery(resume, 'RÉSUMÉ')).toBe(true);
  });

  it('needs every word, in any order, from title, wiki host, page, sections or status', () => {
    expect(matchesQuery(lazy, 'paging lazy')).toBe(true);
    expect(matchesQuery(lazy, 'lazy outreachy')).toBe(false);
    expect(matchesQuery(other, 'example.org')).toBe(true);
    expect(matchesQuery(other, 'tutorials')).toBe(true);
    expect(matchesQuery(resume, 'outreachy conflict')).toBe(true);
    expect(matchesQuery(lazy, 'https')).toBe(false);
  });

  it('matches everything with an empty or blank query', () => {
    expect(matchesQuery(lazy, '')).toBe(true);
    expect(matchesQuery(lazy, '   ')).toBe(true);
  });
});

describe('filtering and sorting drafts', () => {
  it('hides discarded drafts by default and shows only them under Discarded', () => {
    expect(titles(selectDrafts(all, { query: '', status: 'open' }))).toEqual([
      'Résumé of VM state',
      'Wiki docs',
      'Lazy restore using memory paging',
    ]);
    expect(titles(selectDrafts(all, { query: '', status: 'discarded' }))).toEqual(['Thrown away']);
    expect(titles(selectDrafts(all, { query: '', status: 'all' }))).toHaveLength(4);
    expect(matchesStatus(resume, 'conflict')).toBe(true);
    expect(matchesStatus(resume, 'draft')).toBe(false);
  });

  it('sorts newest first and breaks ties by title, not by input order', () => {
    const a = record({ title: 'Beta', updatedAt: 7_000 });
    const b = record({ title: 'Alpha', updatedAt: 7_000 });
    expect(titles(selectDrafts([lazy, a, b], { query: '', status: 'all' }))).toEqual([
      'Alpha',
      'Beta',
      'Lazy restore using memory paging',
    ]);
    expect(titles(selectDrafts([b, lazy, a], { query: '', status: 'all' }))).toEqual([
      'Alpha',
      'Beta',
      'Lazy restore using memory paging',
    ]);
  });

  it('combines search and status', () => {
    expect(titles(selectDrafts(all, { query: 'wiki', status: 'published' }))).toEqual(['Wiki docs']);
    expect(titles(selectDrafts(all, { query: 'lazy', status: 'published' }))).toEqual([]);
  });

  it('offers each status once, and the select values parse back', () => {
    const values = STATUS_FILTERS.map((filter) => filter.value);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(StatusFilterSchema.parse(value)).toBe(value);
    expect(StatusFilterSchema.safeParse('everything').success).toBe(false);
  });
});
