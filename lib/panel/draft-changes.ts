import type { DraftEntry } from '../collab/draft-entry';
import { seedFields } from '../collab/seed';
import { trimLikeMediaWiki, valuesFromParams } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import { findTransclusions } from '../wikitext';

/**
 * Whether a draft differs from what it was seeded from. Opening an entry seeds its draft at once (the
 * panel is a replica of the hub's document), so a draft that exists is not yet one anybody wrote: only
 * a changed one earns a "Draft" badge. A new entry counts as changed once any field holds text.
 */
export function seededValues(profile: SiteProfile, entry: DraftEntry): Record<string, string> | null {
  const base = entry.meta.identity?.baseWikitext;
  if (base === undefined) return null;
  const transclusion = findTransclusions(base, profile.template).transclusions[0];
  if (!transclusion) return null;
  const fields = seedFields(profile, valuesFromParams(transclusion.params));
  return Object.fromEntries(fields.map((field) => [field.param, field.value]));
}

export function draftChanged(profile: SiteProfile, entry: DraftEntry): boolean {
  const seeded = seededValues(profile, entry);
  if (seeded === null) return Object.values(entry.values).some((value) => trimLikeMediaWiki(value) !== '');
  const params = new Set([...Object.keys(seeded), ...Object.keys(entry.values)]);
  return [...params].some((param) => (entry.values[param] ?? '') !== (seeded[param] ?? ''));
}
