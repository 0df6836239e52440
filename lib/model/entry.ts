import { z } from 'zod';
import type { TemplateParam, Transclusion } from '../wikitext/types';
import { fieldForParam, ownValue, type ParamValues, type SiteProfile, TITLE_PARAM_NAMES } from './profile';

/**
 * Which entry a draft belongs to, in the revision it was based on: publishing finds it again by these
 * and three-way merges field by field against `baseWikitext`.
 */
export const EntryIdentitySchema = z.object({
  /** Position among the page's entries in page order, counted from 1 (as the CLI's --entry and the adapter). */
  ordinal: z.number().int().positive(),
  /** The title field's value, trimmed as MediaWiki trims it. */
  title: z.string(),
  /** The exact source text of the transclusion, from `{{` to `}}`. */
  baseWikitext: z.string(),
});
export type EntryIdentity = z.infer<typeof EntryIdentitySchema>;

export const EntrySchema = z.object({
  /**
   * Values by parameter name as the template sees them: named ones trimmed, the last duplicate winning.
   * Comments stay: this is the text the editor shows and writes back, not the rendered one.
   */
  values: z.record(z.string(), z.string()),
  identity: EntryIdentitySchema,
});
export type Entry = z.infer<typeof EntrySchema>;

/**
 * MediaWiki trims named parameter values with PHP's trim(): space, tab, LF, CR, NUL and vertical tab
 * only. A no-break space or other unicode space stays (String.prototype.trim would drop it).
 */
export function trimLikeMediaWiki(value: string): string {
  return value.replace(/^[ \t\n\r\0\v]+|[ \t\n\r\0\v]+$/g, '');
}

/** The value of a parameter as the template receives it; positional values are not trimmed. */
export function effectiveValue(param: TemplateParam): string {
  return param.positional ? param.value : trimLikeMediaWiki(param.value);
}

/** Values by name; a later duplicate replaces an earlier one, as MediaWiki does. */
export function valuesFromParams(params: readonly TemplateParam[]): ParamValues {
  const byName = new Map<string, string>();
  for (const param of params) byName.set(param.name, effectiveValue(param));
  return Object.fromEntries(byName);
}

/** The entry's title: the profile's title field, or for a profile without fields a usual title param. */
export function entryTitle(profile: SiteProfile, values: ParamValues): string {
  const field = fieldForParam(profile, profile.titleParam);
  if (field) {
    for (const name of [field.param, ...field.aliases]) {
      const value = ownValue(values, name);
      if (value !== undefined) return trimLikeMediaWiki(value);
    }
    return '';
  }
  const names = Object.keys(values);
  for (const wanted of [profile.titleParam, ...TITLE_PARAM_NAMES]) {
    const name = names.find((candidate) => candidate.toLowerCase() === wanted.toLowerCase());
    if (name !== undefined) return trimLikeMediaWiki(ownValue(values, name) ?? '');
  }
  return '';
}

/** The entry a transclusion holds; `ordinal` is its position among the page's entries. */
export function entryFromTransclusion(
  pageText: string,
  transclusion: Transclusion,
  profile: SiteProfile,
  ordinal: number,
): Entry {
  const values = valuesFromParams(transclusion.params);
  return {
    values,
    identity: {
      ordinal,
      title: entryTitle(profile, values),
      baseWikitext: pageText.slice(transclusion.start, transclusion.end),
    },
  };
}

/** Names given more than once in one transclusion: only the last counts, the others are silently lost. */
export function duplicateParamNames(params: readonly TemplateParam[]): string[] {
  const counts = new Map<string, number>();
  for (const param of params) counts.set(param.name, (counts.get(param.name) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([name]) => name);
}
