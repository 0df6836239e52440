import type { SiteProfile } from '../model/profile';
import { plural, problemSummary } from './entries';
import { lineAndColumn, readPage } from './page';
import type { CliResult } from './result';

interface LintLine {
  severity: 'error' | 'warning';
  where: string;
  message: string;
}

function formatLines(lines: readonly LintLine[]): string[] {
  const width = Math.max(...lines.map((line) => line.where.length));
  return lines.map((line) => `  ${line.severity.padEnd(7)}  ${line.where.padEnd(width)}  ${line.message}`);
}

/**
 * Every validation problem of every entry, grouped by entry (number and title), one line per problem
 * with its severity and field; then what the codec could not read. Exit 1 when anything is an error.
 */
export function lintCommand(text: string, profile: SiteProfile): CliResult {
  const page = readPage(text, profile);
  const blocks: string[] = [];
  const all: { severity: string }[] = [];
  for (const item of page.entries) {
    const lines: LintLine[] = [
      ...item.validation.map((problem) => ({
        severity: problem.severity,
        where: problem.field,
        message: problem.message,
      })),
      ...item.wikitextProblems.map((problem) => ({
        severity: 'warning' as const,
        where: `line ${lineAndColumn(text, problem.start).line}`,
        message: problem.message,
      })),
    ];
    all.push(...lines);
    if (lines.length === 0) continue;
    const title = item.entry.identity.title || '(no title)';
    blocks.push(
      [
        `#${item.number} ${title} (line ${lineAndColumn(text, item.transclusion.start).line})`,
        ...formatLines(lines),
      ].join('\n'),
    );
  }
  // An entry the codec cannot read at all blocks publishing; other oddities of the page are only noted.
  const pageLines: LintLine[] = page.pageProblems.map((problem) => ({
    severity: problem.unreadableEntry ? 'error' : 'warning',
    where: `line ${lineAndColumn(text, problem.start).line}`,
    message: problem.unreadableEntry ? `This entry can't be read: ${problem.message}` : problem.message,
  }));
  all.push(...pageLines);
  if (pageLines.length > 0) blocks.push(['Page', ...formatLines(pageLines)].join('\n'));
  const failed = all.some((problem) => problem.severity === 'error');
  const summary = `${plural(page.entries.length, 'entry', 'entries')} checked: ${problemSummary(all)}.`;
  return { stdout: `${[...blocks, summary].join('\n\n')}\n`, stderr: '', exitCode: failed ? 1 : 0 };
}
