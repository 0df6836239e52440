import { z } from 'zod';
import type { SiteProfile } from '../model/profile';
import { lineAndColumn, type PageEntry, readPage } from './page';
import type { CliResult } from './result';

/** A problem as `entries --json` reports it: from the codec (with offsets) or from validation (with a field). */
export const EntryProblemJsonSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('wikitext'),
    severity: z.literal('warning'),
    code: z.string(),
    message: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  }),
  z.object({
    source: z.literal('validation'),
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    field: z.string(),
    message: z.string(),
  }),
]);
export type EntryProblemJson = z.infer<typeof EntryProblemJsonSchema>;

/** One element of `entries --json`: the contract scripts rely on (issue 3 §4). */
export const EntryJsonSchema = z.object({
  title: z.string(),
  section: z.array(z.string()),
  nested: z.boolean(),
  start: z.number().int(),
  end: z.number().int(),
  params: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      positional: z.boolean(),
      valueStart: z.number().int(),
      valueEnd: z.number().int(),
    }),
  ),
  problems: z.array(EntryProblemJsonSchema),
});
export type EntryJson = z.infer<typeof EntryJsonSchema>;

export function entryJson(item: PageEntry): EntryJson {
  const { transclusion } = item;
  return {
    title: item.entry.identity.title,
    section: transclusion.section,
    nested: transclusion.nested,
    start: transclusion.start,
    end: transclusion.end,
    params: transclusion.params.map(({ name, value, positional, valueStart, valueEnd }) => ({
      name,
      value,
      positional,
      valueStart,
      valueEnd,
    })),
    problems: [
      // Malformed bits inside an entry that the codec still read are advice; unreadable entries are not entries.
      ...item.wikitextProblems.map((problem) => ({
        source: 'wikitext' as const,
        severity: 'warning' as const,
        ...problem,
      })),
      ...item.validation.map((problem) => ({ source: 'validation' as const, ...problem })),
    ],
  };
}

const SECTION_SEPARATOR = ' > ';
const TITLE_WIDTH = 48;

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1)}…`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

export function problemSummary(problems: readonly { severity: string }[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''];
  return parts.filter(Boolean).join(', ') || 'ok';
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
    )
    .map((line) => line.trimEnd())
    .join('\n');
}

function entriesTable(text: string, entries: readonly PageEntry[]): string {
  const rows = entries.map((item) => [
    String(item.number),
    String(lineAndColumn(text, item.transclusion.start).line),
    clip(item.entry.identity.title || '(no title)', TITLE_WIDTH) +
      (item.transclusion.nested ? ' (nested)' : ''),
    item.transclusion.section.join(SECTION_SEPARATOR) || '(top of page)',
    problemSummary([...item.validation, ...item.wikitextProblems.map(() => ({ severity: 'warning' }))]),
  ]);
  return table([['#', 'Line', 'Title', 'Section', 'Problems'], ...rows]);
}

export function entriesCommand(text: string, profile: SiteProfile, json: boolean): CliResult {
  const page = readPage(text, profile);
  if (json) {
    return { stdout: `${JSON.stringify(page.entries.map(entryJson), null, 2)}\n`, stderr: '', exitCode: 0 };
  }
  const sections = new Set(page.entries.map((item) => JSON.stringify(item.transclusion.section))).size;
  const template = `{{${profile.template.name}}}`;
  const summary =
    page.entries.length === 0
      ? `No ${template} entries on this page.`
      : `${plural(page.entries.length, 'entry', 'entries')} in ${plural(sections, 'section')}.`;
  const unreadable = page.pageProblems.filter((problem) => problem.unreadableEntry);
  const notes = unreadable.map(
    (problem) =>
      `Line ${lineAndColumn(text, problem.start).line}: an entry that can't be read: ${problem.message}`,
  );
  const body = page.entries.length === 0 ? '' : `${entriesTable(text, page.entries)}\n\n`;
  return { stdout: `${body}${[summary, ...notes].join('\n')}\n`, stderr: '', exitCode: 0 };
}
