import { addParam, applyEdits } from './edits.ts';
import { BLANKS, core, templateMatcher } from './names.ts';
import { headingPaths, scanPage } from './page.ts';
import type { PageScan, TextEdit, Transclusion } from './types.ts';

/** Whole entries: a new one at the end of a section in the page's house style, or one removed. */

const isBlankLine = (s: string) => !/[^ \t\r]/.test(s);

/**
 * A new entry at the end of the section under `sectionPath` (before the next heading of the same or a
 * higher level; the page's end if there is no such section), in the house style: a copy of the page's
 * last entry of that template (the section's own if it has one) holding these parameters, separated
 * from what precedes it as that entry is from the one before it.
 */
export function insertEntry(
  text: string,
  scan: PageScan,
  sectionPath: readonly string[],
  templateName: string,
  params: [string, string][],
): TextEdit {
  const { headings } = scan;
  const wanted = JSON.stringify(sectionPath);
  const k = headingPaths(headings).findIndex((path) => JSON.stringify(path) === wanted);
  const h = headings[k];
  const from = h?.end ?? 0;
  // The section ends at the next heading of its level or higher; the page's lead at the first heading.
  const level = h?.level ?? (sectionPath.length ? 0 : 6);
  const to = headings.find((x, j) => j > k && x.level <= level)?.start ?? text.length;
  const matches = templateMatcher({ name: templateName, aliases: [] });
  const entries = scan.transclusions.filter((t) => !t.nested && matches(t.template));
  const model = entries.findLast((t) => t.start >= from && t.end <= to) ?? entries.at(-1);
  const at = from + core(text.slice(from, to), BLANKS)[1];
  const previous = entries[entries.indexOf(model!) - 1];
  const between = previous ? text.slice(previous.end, model!.start) : '';
  const sep = !at ? '' : at === from ? '\n' : /^[ \t\r\n]*\n$/.test(between) ? between : '\n\n';
  const source = model ? text.slice(model.start, model.end) : `{{${templateName}\n}}`;
  const copy = scanPage(source).transclusions[0]!;
  const names = params.map(([name]) => name);
  // Parameters the new entry does not have go, one by one (removeParam would span the copies).
  const edits = copy.params
    .filter((p) => !names.includes(p.name))
    .map((p) => ({ start: p.start, end: p.end, text: '' }));
  for (const [name, value] of params) edits.push(addParam(source, copy, name, value, names));
  return { start: at, end: at, text: sep + applyEdits(source, edits) };
}

/** Removes an entry and the line it leaves empty (and a doubled blank line that would remain). */
export function deleteEntry(text: string, t: Transclusion): TextEdit {
  const start = text.lastIndexOf('\n', t.start - 1) + 1;
  const nl = text.indexOf('\n', t.end);
  const end = nl < 0 ? text.length : nl;
  if (!isBlankLine(text.slice(start, t.start) + text.slice(t.end, end)))
    return { start: t.start, end: t.end, text: '' };
  if (nl < 0) return { start: Math.max(0, start - 1), end, text: '' };
  const after = text.indexOf('\n', end + 1);
  const doubled = start && isBlankLine(text.slice(text.lastIndexOf('\n', start - 2) + 1, start - 1));
  return {
    start,
    end: doubled && after >= 0 && isBlankLine(text.slice(end + 1, after)) ? after + 1 : end + 1,
    text: '',
  };
}
