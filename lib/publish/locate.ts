import { type EntryIdentity, entryTitle, valuesFromParams } from '../model/entry';
import type { ParamValues, SiteProfile } from '../model/profile';
import type { Transclusion } from '../wikitext/types';

/**
 * Finding a draft's entry on the wiki as it is now. The draft knows the entry as it was in its base
 * revision (ordinal, title, exact text); since then others may have added entries before it, moved
 * it, renamed it or deleted it. Tried in order: the same place with the same title; the very same
 * text elsewhere; the same title elsewhere; the entry most like the base in its other fields.
 */
export type MatchHow = 'same-place' | 'moved' | 'renamed';

export interface Located {
  /** Index among the page's entries (ordinal − 1). */
  index: number;
  how: MatchHow;
  explanation: string | null;
}

export interface WikiEntry {
  transclusion: Transclusion;
  source: string;
  title: string;
  values: ParamValues;
}

export function wikiEntries(
  text: string,
  transclusions: readonly Transclusion[],
  profile: SiteProfile,
): WikiEntry[] {
  return transclusions.map((transclusion) => {
    const values = valuesFromParams(transclusion.params);
    return {
      transclusion,
      source: text.slice(transclusion.start, transclusion.end),
      title: entryTitle(profile, values),
      values,
    };
  });
}

/** How many of the fields other than the title are the same, out of those either side has. */
function likeness(profile: SiteProfile, a: ParamValues, b: ParamValues): { same: number; of: number } {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  names.delete(profile.titleParam);
  let same = 0;
  for (const name of names)
    if (Object.hasOwn(a, name) && Object.hasOwn(b, name) && a[name] === b[name]) same++;
  return { same, of: names.size };
}

/** Half or more of the other fields the same: enough to call it the same entry under a new title. */
const LIKENESS_NEEDED = 0.5;

const quoted = (s: string) => `“${s}”`;

function nearest(candidates: readonly number[], ordinal: number): number | undefined {
  return [...candidates].sort((a, b) => Math.abs(a + 1 - ordinal) - Math.abs(b + 1 - ordinal) || a - b)[0];
}

function movedNote(index: number, identity: EntryIdentity): string | null {
  return index + 1 === identity.ordinal
    ? null
    : `Entries were added or removed above it on the wiki: it is now entry ${index + 1} of the page (it was entry ${identity.ordinal}).`;
}

export function locateEntry(
  entries: readonly WikiEntry[],
  profile: SiteProfile,
  identity: EntryIdentity,
  baseValues: ParamValues,
  claimed: ReadonlySet<number>,
): Located | null {
  const free = entries.map((_, index) => index).filter((index) => !claimed.has(index));
  const here = identity.ordinal - 1;
  if (free.includes(here) && entries[here]!.title === identity.title) {
    return { index: here, how: 'same-place', explanation: null };
  }
  const byText = nearest(
    free.filter((index) => entries[index]!.source === identity.baseWikitext),
    identity.ordinal,
  );
  const byTitle =
    byText ??
    nearest(
      free.filter((index) => entries[index]!.title === identity.title),
      identity.ordinal,
    );
  if (byTitle !== undefined)
    return { index: byTitle, how: 'moved', explanation: movedNote(byTitle, identity) };
  let best: { index: number; score: number; same: number; of: number } | undefined;
  for (const index of free) {
    const { same, of } = likeness(profile, baseValues, entries[index]!.values);
    const score = of === 0 ? 0 : same / of;
    const closer = best && score === best.score && Math.abs(index - here) < Math.abs(best.index - here);
    if (score >= LIKENESS_NEEDED && (!best || score > best.score || closer))
      best = { index, score, same, of };
  }
  if (!best) return null;
  const now = entries[best.index]!.title;
  return {
    index: best.index,
    how: 'renamed',
    explanation:
      `It was renamed on the wiki from ${quoted(identity.title)} to ${quoted(now)}; it was found by its other ` +
      `fields (${best.same} of ${best.of} the same).`,
  };
}

/** A heading path as people read it. */
export const sectionName = (section: readonly string[]) =>
  section.length === 0 ? 'the top of the page' : quoted(section.join(' › '));
