import { z } from 'zod';
import { type EntryIdentity, entryTitle, valuesFromParams } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import { templateMatcher } from '../wikitext/names';
import { scanPage } from '../wikitext/page';
import type { ScanOptions } from '../wikitext/types';
import type { PublishPlan } from './plan-schema';
import { scanOptionsOfPage } from './scan-options';

/**
 * What a page must hold for a publish to have landed: each added or updated entry's text exactly as
 * previewed, and each deleted entry's text gone. Counted, not just searched for, so that an entry
 * whose text the page already held once (a duplicate) is not taken for the published one.
 */
export const ExpectationSchema = z.object({
  entryId: z.string(),
  title: z.string(),
  action: z.enum(['update', 'add', 'delete']),
  /** The entry's text after publishing, or for a deletion the text that goes. */
  text: z.string(),
  /** How many entries of exactly this text the planned page holds. */
  count: z.number().int().nonnegative(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export function entrySources(text: string, profile: SiteProfile, options?: ScanOptions): string[] {
  const matches = templateMatcher(profile.template);
  return scanPage(text, options)
    .transclusions.filter((t) => matches(t.template))
    .map((t) => text.slice(t.start, t.end));
}

const countOf = (sources: readonly string[], text: string) => sources.filter((s) => s === text).length;

export function expectationsOf(plan: PublishPlan): Expectation[] {
  const options = scanOptionsOfPage(plan.input.page);
  const sources = entrySources(plan.newText, plan.input.profile, options);
  return plan.entries.flatMap((entry) => {
    if (entry.action !== 'update' && entry.action !== 'add' && entry.action !== 'delete') return [];
    const text = entry.action === 'delete' ? entry.before : entry.after;
    if (text === null) return [];
    return [
      {
        entryId: entry.entryId,
        title: entry.title,
        action: entry.action,
        text,
        count: countOf(sources, text),
      },
    ];
  });
}

/** The expectations a page's text does not meet (empty: the publish is there, as previewed). */
export function unmetExpectations(
  expectations: readonly Expectation[],
  text: string,
  profile: SiteProfile,
  options?: ScanOptions,
): Expectation[] {
  const sources = entrySources(text, profile, options);
  return expectations.filter((e) =>
    e.action === 'delete' ? countOf(sources, e.text) > e.count : countOf(sources, e.text) < e.count,
  );
}

export const PublishedEntrySchema = z.object({
  entryId: z.string(),
  title: z.string(),
  action: z.enum(['update', 'add', 'delete']),
  /** The entry in the new revision (its next draft's base), null for a deleted one. */
  identity: z
    .object({ ordinal: z.number().int().positive(), title: z.string(), baseWikitext: z.string() })
    .nullable(),
});
export type PublishedEntry = z.infer<typeof PublishedEntrySchema>;

/** Each published entry's identity in the saved text, so its draft can move its base there. */
export function publishedEntries(
  expectations: readonly Expectation[],
  text: string,
  profile: SiteProfile,
  options?: ScanOptions,
): PublishedEntry[] {
  const sources = entrySources(text, profile, options);
  const taken = new Set<number>();
  return expectations.map((e) => {
    if (e.action === 'delete')
      return { entryId: e.entryId, title: e.title, action: e.action, identity: null };
    const index = sources.findIndex((source, i) => source === e.text && !taken.has(i));
    taken.add(index);
    const found = index < 0 ? undefined : scanPage(e.text, options).transclusions[0];
    const identity: EntryIdentity | null =
      index < 0 || !found
        ? null
        : {
            ordinal: index + 1,
            title: entryTitle(profile, valuesFromParams(found.params)),
            baseWikitext: e.text,
          };
    return { entryId: e.entryId, title: e.title, action: e.action, identity };
  });
}
