import { z } from 'zod';
import { validateEntry } from '../model/validation';
import { applyEdits } from '../wikitext/edits';
import { deleteEntry } from '../wikitext/entries';
import { templateMatcher } from '../wikitext/names';
import { scanPage } from '../wikitext/page';
import type { PageScan, TextEdit } from '../wikitext/types';
import type { EntryOutcome } from './entry-outcome';
import { lineDiff } from './line-diff';
import { labelOf, type PageContext, pageContext } from './page-context';
import { planExistingEntry } from './plan-entry';
import { planNewEntry } from './plan-new';
import { foldRemarks } from './plan-remarks';
import {
  ConflictPickSchema,
  type PlanInput,
  type PlanInputLike,
  PlanInputSchema,
  type PlanProblem,
  type PublishPlan,
  type WikiPage,
} from './plan-schema';
import { editSummary } from './summary';

/**
 * Planning a publish, purely: from the drafts, their base entries and the wiki's page as it is now, the
 * new page text as a minimal edit (only changed parameters differ, added entries at the end of their
 * section, deleted ones removed), with conflicts, problems, a diff and an edit summary for the dialog.
 */

/** MediaWiki strips trailing blanks off a page when saving (TextContent::preSaveTransform). */
const rtrim = (text: string) => text.replace(/[ \t\n\r\0\v]+$/, '');

function pageEdit(context: PageContext, outcome: EntryOutcome): TextEdit | null {
  const edit = outcome.edit;
  if (edit?.kind === 'insert') return edit.edit;
  if (edit?.kind !== 'replace') return null;
  const { start, end } = context.entries[edit.index]!.transclusion;
  return { start, end, text: edit.text };
}

/** Updates and additions in one pass; deletions after, each on the text as it is by then. */
function buildPage(context: PageContext, outcomes: readonly EntryOutcome[]): string {
  const edits = outcomes.map((outcome) => pageEdit(context, outcome)).filter((edit) => edit !== null);
  let text = applyEdits(context.text, edits);
  const shift = (at: number) =>
    edits
      .filter((edit) => edit.end <= at)
      .reduce((sum, edit) => sum + edit.text.length - (edit.end - edit.start), at);
  const deletions = outcomes
    .flatMap((outcome) => (outcome.edit?.kind === 'delete' ? [outcome.edit.index] : []))
    .map((index) => shift(context.entries[index]!.transclusion.start))
    .sort((a, b) => b - a);
  for (const start of deletions) {
    const entry = scanPage(text, context.options).transclusions.find((t) => t.start === start);
    if (!entry) throw new RangeError('an entry to delete was not found after the other edits');
    text = applyEdits(text, [deleteEntry(text, entry)]);
  }
  return rtrim(text);
}

function pageProblem(code: string, message: string): PlanProblem {
  return {
    entryId: null,
    entryTitle: '',
    param: null,
    label: null,
    severity: 'error',
    code,
    message,
    fix: null,
  };
}

/** The new page must read back as planned: the same headings, the expected entries, each as previewed. */
function checkPage(context: PageContext, outcomes: readonly EntryOutcome[], text: string): PlanProblem[] {
  const scan = scanPage(text, context.options);
  const matches = templateMatcher(context.profile.template);
  const sources = scan.transclusions
    .filter((t) => matches(t.template))
    .map((t) => text.slice(t.start, t.end));
  const added = outcomes.filter((o) => o.edit?.kind === 'insert').length;
  const deleted = outcomes.filter((o) => o.edit?.kind === 'delete').length;
  const headings = (found: PageScan) => JSON.stringify(found.headings.map((h) => [h.level, h.text]));
  const missing = outcomes.find((o) => o.edit && o.plan.after !== null && !sources.includes(o.plan.after));
  if (
    sources.length !== context.entries.length + added - deleted ||
    headings(scan) !== headings(context.scan) ||
    missing
  ) {
    return [
      pageProblem(
        'unexpected-result',
        'The new page would not read back as planned (its entries or headings would change in other ways). Publish the entries one at a time.',
      ),
    ];
  }
  return [];
}

function validation(context: PageContext, outcome: EntryOutcome): PlanProblem[] {
  if (!outcome.values || (outcome.plan.action !== 'update' && outcome.plan.action !== 'add')) return [];
  return validateEntry(context.profile, outcome.values).map((problem) => ({
    entryId: outcome.plan.entryId,
    entryTitle: outcome.plan.title,
    param: problem.field,
    label: labelOf(context.profile, problem.field),
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    fix: null,
  }));
}

function planEntries(context: PageContext, input: PlanInput): EntryOutcome[] {
  const claimed = new Set<number>();
  return input.drafts.map((draft) => {
    if (draft.meta.isNew) return planNewEntry(context, draft);
    const planned = planExistingEntry(context, draft, input.choices, claimed);
    const remarks = input.remarks.filter((item) => item.draftId === draft.id).map((item) => item.edit);
    return draft.intent === 'delete' ? planned : foldRemarks(context, planned, remarks);
  });
}

export function planPublish(raw: PlanInputLike): PublishPlan {
  const input = PlanInputSchema.parse(raw);
  const context = pageContext(input.profile, input.page);
  const outcomes = planEntries(context, input);
  const problems = outcomes.flatMap((outcome) => [...outcome.problems, ...validation(context, outcome)]);
  let newText = context.text;
  // Built even when something blocks, so the dialog shows what can be shown; an entry whose values
  // cannot be written has no edit and stays as the wiki has it.
  try {
    newText = buildPage(context, outcomes);
    problems.push(...checkPage(context, outcomes, newText));
  } catch (error) {
    problems.push(
      pageProblem(
        'overlapping-edits',
        `These drafts cannot be published together (${String(error)}); publish them one at a time.`,
      ),
    );
    newText = context.text;
  }
  const entries = outcomes.map((outcome) => outcome.plan);
  const conflicts = outcomes.flatMap((outcome) => outcome.conflicts);
  const notes: string[] = [];
  const oldest = Math.min(...input.drafts.map((draft) => draft.meta.baseRevision));
  if (oldest !== input.page.revisionId) {
    notes.push(
      `The wiki page changed since the draft was started (revision ${oldest} → ${input.page.revisionId}); changes made there meanwhile are kept.`,
    );
  }
  const blockers: string[] = [];
  const open = conflicts.filter((conflict) => conflict.choice === null).length;
  if (open > 0) blockers.push(open === 1 ? '1 conflict to decide.' : `${open} conflicts to decide.`);
  blockers.push(
    ...problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message),
  );
  const acting = entries.some((entry) => ['update', 'add', 'delete'].includes(entry.action));
  if (!acting && open === 0) blockers.push('Nothing to publish: the wiki already holds these values.');
  return {
    input,
    title: input.page.title,
    revisionId: input.page.revisionId,
    newText,
    entries,
    conflicts,
    problems,
    notes,
    diff: lineDiff(context.text, newText),
    summary: editSummary(entries, input.profile.template.name.replace(/^template\s*:\s*/i, '').toLowerCase()),
    publishable: blockers.length === 0,
    blockers,
  };
}

export const ConflictPicksSchema = z.record(z.string(), ConflictPickSchema);

/** The plan again with the user's decisions ("Use mine" / "Use the wiki's") by conflict id. */
export function resolveConflicts(
  plan: PublishPlan,
  picks: Readonly<Record<string, 'mine' | 'theirs'>>,
): PublishPlan {
  const chosen = ConflictPicksSchema.parse(picks);
  const choices = { ...plan.input.choices };
  for (const [id, use] of Object.entries(chosen)) {
    const conflict = plan.conflicts.find((candidate) => candidate.id === id);
    if (!conflict) throw new Error(`This plan has no conflict ${id}.`);
    choices[id] = { use, mine: conflict.mine, theirs: conflict.theirs };
  }
  return planPublish({ ...plan.input, choices });
}

/** The same drafts and decisions planned against the wiki's page as it is now. */
export function replan(plan: PublishPlan, page: WikiPage): PublishPlan {
  return planPublish({ ...plan.input, page });
}

/** Whether two plans publish the same entries with the same text (what the user saw in the preview). */
export function samePreview(a: PublishPlan, b: PublishPlan): boolean {
  const shown = (plan: PublishPlan) =>
    JSON.stringify(
      plan.entries.map((entry) => [
        entry.entryId,
        entry.action,
        entry.action === 'delete' ? entry.before : entry.after,
      ]),
    );
  return shown(a) === shown(b);
}
