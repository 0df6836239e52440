import { fieldForParam, type SiteProfile } from '../model/profile';
import { insertEntry } from '../wikitext/entries';
import { templateMatcher } from '../wikitext/names';
import { headingPaths, scanPage } from '../wikitext/page';
import type { PageScan, ScanOptions, TextEdit } from '../wikitext/types';
import { sectionName, type WikiEntry, wikiEntries } from './locate';
import type { ConflictChoice, ConflictPick, PlanProblem, WikiPage } from './plan-schema';
import { scanOptionsOfPage } from './scan-options';
import { valueIssue } from './value-safety';

/** The wiki's page as the planner reads it: scanned once, entries with their titles and values. */
export interface PageContext {
  profile: SiteProfile;
  text: string;
  scan: PageScan;
  entries: WikiEntry[];
  options: ScanOptions;
  sections: string[][];
}

export function pageContext(profile: SiteProfile, page: WikiPage): PageContext {
  const options = scanOptionsOfPage(page);
  const scan = scanPage(page.wikitext, options);
  const matches = templateMatcher(profile.template);
  const transclusions = scan.transclusions.filter((t) => matches(t.template));
  return {
    profile,
    text: page.wikitext,
    scan,
    entries: wikiEntries(page.wikitext, transclusions, profile),
    options,
    sections: headingPaths(scan.headings),
  };
}

export const labelOf = (profile: SiteProfile, param: string) => fieldForParam(profile, param)?.label ?? param;

export const conflictId = (entryId: string, param: string | null) => JSON.stringify([entryId, param]);

/** The user's decision on a conflict, if one was made between these very values. */
export function decision(
  choices: Readonly<Record<string, ConflictChoice>>,
  id: string,
  mine: string | null,
  theirs: string | null,
): ConflictPick | null {
  const choice = Object.hasOwn(choices, id) ? choices[id] : undefined;
  return choice && choice.mine === mine && choice.theirs === theirs ? choice.use : null;
}

export function hasSection(context: PageContext, section: readonly string[]): boolean {
  const wanted = JSON.stringify(section);
  return section.length === 0 || context.sections.some((path) => JSON.stringify(path) === wanted);
}

/**
 * An entry added at the end of its section in the page's house style (insertEntry); `exact`, when
 * given, is written instead of the house-style copy (an entry added back keeps its own layout).
 */
export function insertion(
  context: PageContext,
  section: readonly string[],
  params: [string, string][],
  exact?: string,
): { edit: TextEdit; entry: string } {
  const edit = insertEntry(context.text, context.scan, section, context.profile.template.name, params);
  const added = scanPage(edit.text, context.options).transclusions.find(
    (t) => !t.nested && t.end === edit.text.length,
  );
  const start = added?.start ?? edit.text.search(/\{\{/);
  const entry = exact ?? edit.text.slice(start);
  return { edit: { ...edit, text: edit.text.slice(0, start) + entry }, entry };
}

/** Problems with the values an entry would be written with: each one that would not read back. */
export function valueProblems(
  context: PageContext,
  entryId: string,
  entryTitle: string,
  writes: readonly { param: string; value: string | null }[],
): PlanProblem[] {
  return writes.flatMap(({ param, value }) => {
    if (value === null || value === '') return [];
    const label = labelOf(context.profile, param);
    const issue = valueIssue(label, value, false, context.options);
    return issue
      ? [
          {
            entryId,
            entryTitle,
            param,
            label,
            severity: 'error' as const,
            code: issue.code,
            message: issue.message,
            fix: issue.fix,
          },
        ]
      : [];
  });
}

/** Where an added entry goes, in words (a section that is gone sends it to the end of the page). */
export function placeNote(context: PageContext, section: readonly string[], what: string): string {
  return hasSection(context, section)
    ? `${what} at the end of ${sectionName(section)}.`
    : `${what} at the end of the page: the section ${sectionName(section)} is no longer on the wiki.`;
}

/** An entry whose edited text would not read back as intended. */
export function unreadable(
  entryId: string,
  entryTitle: string,
  failure: { param: string | null; reason: string },
  label: string | null = failure.param,
): PlanProblem {
  return {
    entryId,
    entryTitle,
    param: failure.param,
    label: failure.param === null ? null : label,
    severity: 'error',
    code: 'would-not-read-back',
    message: `“${entryTitle}” cannot be published as it is: ${failure.reason}.`,
    fix: null,
  };
}
