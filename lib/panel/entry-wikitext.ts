import type { DraftEntry } from '../collab/draft-entry';
import { trimLikeMediaWiki } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import { addParam, applyEdits, findTransclusions, getParamValue, setParamValue } from '../wikitext';
import type { TextEdit } from '../wikitext/types';

/**
 * The transclusion a draft stands for, as the preview sends it to the wiki's parser. An existing entry
 * is its base wikitext with the changed values edited in place (so comments, layout and parameters the
 * form does not show are rendered as they will be published); a new entry lists every profile field in
 * the profile's order, as the wiki's own entries do.
 */
export function draftWikitext(profile: SiteProfile, entry: DraftEntry): string {
  const identity = entry.meta.identity;
  const base = identity?.baseWikitext ?? `{{${profile.template.name}\n}}`;
  const transclusion = findTransclusions(base, profile.template).transclusions[0];
  if (!transclusion) return plainTransclusion(profile, entry);
  const order = profile.fields.map((field) => field.param);
  const edits: TextEdit[] = [];
  for (const [param, value] of orderedValues(order, entry.values)) {
    const current = getParamValue(transclusion, param);
    if (current === undefined) {
      if (identity !== null && trimLikeMediaWiki(value) === '') continue;
      edits.push(addParam(base, transclusion, param, value, order));
    } else if (current !== trimLikeMediaWiki(value)) {
      edits.push(setParamValue(base, transclusion, param, value));
    }
  }
  return applyEdits(base, edits);
}

/** Values in the profile's field order, then the others in the order the draft holds them. */
function orderedValues(order: readonly string[], values: Record<string, string>): [string, string][] {
  const rank = (name: string) => {
    const at = order.indexOf(name);
    return at < 0 ? order.length : at;
  };
  return Object.entries(values).sort(([a], [b]) => rank(a) - rank(b));
}

/** When the base text does not scan (it always should): one parameter per line. */
function plainTransclusion(profile: SiteProfile, entry: DraftEntry): string {
  const order = profile.fields.map((field) => field.param);
  const lines = orderedValues(order, entry.values).map(([param, value]) => `|${param}=${value}`);
  return `{{${profile.template.name}\n${lines.join('\n')}\n}}`;
}
