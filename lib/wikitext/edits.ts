import { BLANKS, core, phpTrim } from './names.ts';
import type { TextEdit, Transclusion } from './types.ts';

/**
 * Parameter edits. Each returns one TextEdit over the page text the transclusion was scanned from;
 * nothing outside its span changes. MediaWiki trims a named value, so the blanks around it are
 * layout and stay; a positional value is content and is replaced whole.
 */

/** Lengths of the blanks before and after a raw value's text; a blank value splits at its newline. */
export function blanks(raw: string): [number, number] {
  const [a, b] = core(raw, BLANKS);
  const nl = raw.search(/\r?\n|$/);
  return a < b ? [a, raw.length - b] : [nl, raw.length - nl];
}

/** The parameter MediaWiki reads under a name: the last one written. */
const findParam = (t: Transclusion, name: string) => t.params.findLast((p) => p.name === name);

/** A parameter's value as MediaWiki reads it (named values trimmed), or undefined when absent. */
export function getParamValue(t: Transclusion, name: string): string | undefined {
  const p = findParam(t, name);
  return p && (p.positional ? p.value : phpTrim(p.value));
}

/** Replaces a value, keeping the blanks around the old one; adds the parameter at the end if absent. */
export function setParamValue(text: string, t: Transclusion, name: string, value: string): TextEdit {
  const p = findParam(t, name);
  if (!p) return addParam(text, t, name, value, []);
  const [lead, trail] = p.positional ? [0, 0] : blanks(p.value);
  return { start: p.valueStart + lead, end: p.valueEnd - trail, text: p.positional ? value : phpTrim(value) };
}

/**
 * Adds a parameter where the profile's order puts it (before the first present parameter that comes
 * later in `order`, else last), written like its named neighbour: the neighbour's own text with name
 * and value swapped, so every blank around them is the same; one per line, or inline.
 */
export function addParam(
  text: string,
  t: Transclusion,
  name: string,
  value: string,
  order: readonly string[],
): TextEdit {
  if (findParam(t, name)) return setParamValue(text, t, name, value);
  const rank = (n: string) => order.indexOf(n) + 1 || 1e9;
  const { params } = t;
  const k = params.findIndex((p) => rank(p.name) > rank(name));
  const before = params[k];
  const model = [params[(k < 0 ? params.length : k) - 1], before].find((p) => p && !p.positional);
  const title = text.slice(t.nameStart, t.nameEnd);
  const trimmed = phpTrim(value);
  let line = `|${name}=${trimmed}`;
  let trail = title.slice(core(title, BLANKS)[1]);
  if (model) {
    const [lead, gap] = blanks(text.slice(model.nameStart, model.nameEnd));
    const [after, end] = blanks(model.value);
    const { start, nameStart, nameEnd, valueStart, valueEnd } = model;
    line = `${text.slice(start, nameStart + lead)}${name}${text.slice(nameEnd - gap, valueStart + after)}${trimmed}`;
    trail = text.slice(valueEnd - end, valueEnd);
    // Without a newline to end it, a parameter that starts a line still gets a line of its own.
    if (!trail.includes('\n') && /\n[ \t]*$/.test(text.slice(t.start, start))) {
      if (before) trail = '\n';
      else line = `\n${line}`;
    }
  }
  const at = before ? before.start : (params.at(-1)?.end ?? t.nameEnd);
  return { start: at, end: at, text: line + trail };
}

/** Removes a parameter: every copy of it, for MediaWiki would read a copy left behind. */
export function removeParam(text: string, t: Transclusion, name: string): TextEdit {
  const copies = t.params.filter((p) => p.name === name);
  let kept = '';
  let at = copies[0]?.start ?? t.end;
  const start = at;
  for (const p of copies) {
    kept += text.slice(at, p.start);
    at = p.end;
  }
  return { start, end: at, text: kept };
}

/** Applies non-overlapping edits (insertions at one offset keep their order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits.toSorted((a, b) => a.start - b.start || a.end - b.end)) {
    if (e.start < at || e.end < e.start || e.end > text.length)
      throw new RangeError('Edits overlap or leave the text');
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
