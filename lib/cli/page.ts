import { type Entry, entryFromTransclusion } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import { duplicateParamProblems, type ValidationProblem, validateEntry } from '../model/validation';
import { findTransclusions, templateNameMatches } from '../wikitext';
import type { Transclusion, WikitextProblem } from '../wikitext/types';

/** One entry of a page with everything the commands report about it. */
export interface PageEntry {
  /** Counted from 1 in page order, as `set --entry` takes it. */
  number: number;
  transclusion: Transclusion;
  entry: Entry;
  /** What the codec found malformed inside the entry's span. */
  wikitextProblems: WikitextProblem[];
  validation: ValidationProblem[];
}

export interface ReadPage {
  entries: PageEntry[];
  /** Codec problems outside every entry; `unreadableEntry` marks the ones that open the entry template. */
  pageProblems: (WikitextProblem & { unreadableEntry: boolean })[];
}

function within(problem: WikitextProblem, transclusion: Transclusion): boolean {
  return problem.start >= transclusion.start && problem.start < transclusion.end;
}

/** Whether the text at `offset` opens a transclusion of the profile's template, e.g. an unclosed `{{project`. */
function opensEntryTemplate(text: string, offset: number, profile: SiteProfile): boolean {
  const name = /^\{\{([^{}|]*)/.exec(text.slice(offset, offset + 300))?.[1];
  return name !== undefined && templateNameMatches(name, profile.template);
}

/** The page's entries in page order (nested ones included, flagged), validated, with the codec's findings. */
export function readPage(text: string, profile: SiteProfile): ReadPage {
  const scan = findTransclusions(text, profile.template);
  const entries = scan.transclusions.map((transclusion, index) => {
    const entry = entryFromTransclusion(text, transclusion, profile, index + 1);
    return {
      number: index + 1,
      transclusion,
      entry,
      wikitextProblems: scan.problems.filter((problem) => within(problem, transclusion)),
      validation: [
        ...validateEntry(profile, entry.values),
        ...duplicateParamProblems(profile, transclusion.params),
      ],
    };
  });
  const pageProblems = scan.problems
    .filter((problem) => !scan.transclusions.some((transclusion) => within(problem, transclusion)))
    .map((problem) => ({ ...problem, unreadableEntry: opensEntryTemplate(text, problem.start, profile) }));
  return { entries, pageProblems };
}

/** 1-based line and column of an offset, for messages a maintainer can find in an editor. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
