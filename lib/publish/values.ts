import { trimLikeMediaWiki } from '../model/entry';
import type { ParamValues } from '../model/profile';

/**
 * Parameter values as publishing compares and writes them, and the per-parameter three-way merge.
 * A side's value is `null` when the entry does not have the parameter at all: "absent" and "empty"
 * are different on the wiki (an absent parameter may take a template default), so they stay apart.
 */
export type Side = string | null;

/**
 * A draft value as the wiki will store it: line ends as MediaWiki keeps them (it turns CR LF into LF),
 * NFC (MediaWiki normalises every request to NFC), trimmed as it trims a named value. Comparing
 * these, not the raw text, keeps a stray CR or a trailing space from counting as a change.
 */
export function normalizeValue(value: string): string {
  return trimLikeMediaWiki(value.replace(/\r\n?/g, '\n').normalize('NFC'));
}

const own = (values: ParamValues, name: string): Side =>
  Object.hasOwn(values, name) ? (values[name] ?? null) : null;

/**
 * The draft's side of one parameter. A draft holds '' for every profile field, so '' for a parameter
 * the base lacks is no change (publishing never adds empty parameters); a parameter the draft does not
 * hold at all is unchanged too (a draft never removes a parameter by leaving it out).
 */
export function draftSide(base: ParamValues, draft: ParamValues, name: string): Side {
  const before = own(base, name);
  if (!Object.hasOwn(draft, name)) return before;
  const value = normalizeValue(draft[name] ?? '');
  return before === null && value === '' ? null : value;
}

/** How one parameter merges: who changed it since the base, and what the merged entry holds. */
export type MergeKind = 'unchanged' | 'mine' | 'theirs' | 'same' | 'conflict';

export interface ParamMerge {
  param: string;
  base: Side;
  mine: Side;
  theirs: Side;
  kind: MergeKind;
  /** The merged value; for a conflict, the wiki's until the user decides. */
  result: Side;
}

/**
 * Three-way merge per parameter: changed only on the wiki → the wiki's value; only in the draft → the
 * draft's; on both sides to the same value → that value; to different values → a conflict. Parameters
 * come in the wiki entry's order, then the base's, then the draft's own.
 */
export function mergeParams(base: ParamValues, draft: ParamValues, theirs: ParamValues): ParamMerge[] {
  const names = [...new Set([...Object.keys(theirs), ...Object.keys(base), ...Object.keys(draft)])];
  return names.map((param) => {
    const b = own(base, param);
    const m = draftSide(base, draft, param);
    const t = own(theirs, param);
    if (m === b)
      return { param, base: b, mine: m, theirs: t, kind: t === b ? 'unchanged' : 'theirs', result: t };
    if (t === b) return { param, base: b, mine: m, theirs: t, kind: 'mine', result: m };
    if (t === m) return { param, base: b, mine: m, theirs: t, kind: 'same', result: t };
    return { param, base: b, mine: m, theirs: t, kind: 'conflict', result: t };
  });
}

/** Whether the draft changes anything against its base. */
export function draftChangesBase(base: ParamValues, draft: ParamValues): boolean {
  return Object.keys(draft).some((param) => draftSide(base, draft, param) !== own(base, param));
}
