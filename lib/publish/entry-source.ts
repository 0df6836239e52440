import { valuesFromParams } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import { addParam, applyEdits, getParamValue, removeParam, setParamValue } from '../wikitext/edits';
import { scanPage } from '../wikitext/page';
import type { ScanOptions, Transclusion } from '../wikitext/types';
import type { Side } from './values';

/**
 * One entry's new source: its text as the wiki holds it now with each changed parameter edited in
 * place (set where it is, added where the profile's order puts it, removed), so every other byte
 * stays. Edits go one at a time, each against the text the previous one left, and the result is read
 * back: what does not read back as intended is refused, never published.
 */
export interface ParamWrite {
  param: string;
  value: Side;
}

export type EntrySourceResult =
  | { ok: true; text: string }
  | { ok: false; param: string | null; reason: string };

function entryOf(text: string, options?: ScanOptions): Transclusion | undefined {
  return scanPage(text, options).transclusions.find(
    (t) => t.start === 0 && t.end === text.length && !t.nested,
  );
}

export function editEntrySource(
  source: string,
  profile: SiteProfile,
  writes: readonly ParamWrite[],
  options?: ScanOptions,
): EntrySourceResult {
  const order = profile.fields.map((field) => field.param);
  const problemsBefore = scanPage(source, options).problems.length;
  let text = source;
  for (const { param, value } of writes) {
    const entry = entryOf(text, options);
    if (!entry) return { ok: false, param, reason: 'the entry does not read as one template any more' };
    const present = entry.params.some((p) => p.name === param);
    const edit =
      value === null
        ? removeParam(text, entry, param)
        : present
          ? setParamValue(text, entry, param, value)
          : addParam(text, entry, param, value, order);
    if (value !== null || present) text = applyEdits(text, [edit]);
  }
  const result = entryOf(text, options);
  if (!result) return { ok: false, param: null, reason: 'the edited entry does not read as one template' };
  if (scanPage(text, options).problems.length > problemsBefore) {
    return {
      ok: false,
      param: null,
      reason: 'the edited entry has markup the wiki would not read as intended',
    };
  }
  const before = valuesFromParams(entryOf(source, options)?.params ?? []);
  const after = valuesFromParams(result.params);
  const wanted = new Map<string, Side>(Object.entries(before));
  for (const { param, value } of writes) wanted.set(param, value);
  for (const name of new Set([...wanted.keys(), ...Object.keys(after)])) {
    const expected = wanted.get(name) ?? null;
    if ((getParamValue(result, name) ?? null) !== expected) {
      return { ok: false, param: name, reason: `${name} would not read back as written` };
    }
  }
  return { ok: true, text };
}
