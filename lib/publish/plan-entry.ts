import { entryTitle, valuesFromParams } from '../model/entry';
import type { ParamValues } from '../model/profile';
import { scanPage } from '../wikitext/page';
import { blankPlan, type Choices, changesOf, type EntryOutcome, outcome, withWrites } from './entry-outcome';
import { editEntrySource, type ParamWrite } from './entry-source';
import { type Located, locateEntry, sectionName } from './locate';
import { conflictId, decision, labelOf, type PageContext, unreadable, valueProblems } from './page-context';
import { deletedOnWiki, deleteEntry } from './plan-gone';
import type { Conflict, EntryPlan, PlanProblem, PublishDraft } from './plan-schema';
import { mergeParams, type Side } from './values';

/**
 * One draft of an existing entry: where its entry is on the wiki now, how its values merge with the
 * wiki's, and the page edit that publishes it. New entries are planned in plan-new.ts, entries that go
 * in plan-gone.ts.
 */

/**
 * The draft's entry on the wiki now. One entry is published by one draft at most: when another draft
 * of this publish already took it, this one is refused (unless it sits at its own place, as two
 * entries of the same title do), rather than matched to some other entry.
 */
function locateDraft(
  context: PageContext,
  draft: PublishDraft,
  base: ParamValues,
  claimed: ReadonlySet<number>,
): Located | 'taken' | null {
  const identity = draft.meta.identity!;
  const anyway = locateEntry(context.entries, context.profile, identity, base, new Set());
  if (!anyway || !claimed.has(anyway.index)) return anyway;
  const free = locateEntry(context.entries, context.profile, identity, base, claimed);
  return free?.how === 'same-place' ? free : 'taken';
}

function sameEntryTwice(draft: PublishDraft): PlanProblem {
  const title = draft.meta.identity?.title ?? '';
  return {
    entryId: draft.id,
    entryTitle: title,
    param: null,
    label: null,
    severity: 'error',
    code: 'same-entry-twice',
    message: `Two drafts in this publish edit “${title}”; publish them one at a time.`,
    fix: null,
  };
}

/** An existing entry's draft (isNew false). */
export function planExistingEntry(
  context: PageContext,
  draft: PublishDraft,
  choices: Choices,
  claimed: Set<number>,
): EntryOutcome {
  const identity = draft.meta.identity!;
  const plan = blankPlan(draft, identity.title);
  const baseEntry = scanPage(identity.baseWikitext, context.options).transclusions.find(
    (t) => t.start === 0 && !t.nested,
  );
  if (!baseEntry) {
    const message = `The draft's copy of “${identity.title}” does not read as an entry, so it cannot be merged.`;
    const problem: PlanProblem = {
      entryId: draft.id,
      entryTitle: identity.title,
      param: null,
      label: null,
      severity: 'error',
      code: 'base-unreadable',
      message,
      fix: null,
    };
    return outcome(plan, { problems: [problem] });
  }
  const base = valuesFromParams(baseEntry.params);
  const located = locateDraft(context, draft, base, claimed);
  if (located === 'taken') return outcome(plan, { problems: [sameEntryTwice(draft)] });
  if (!located) return deletedOnWiki(context, draft, plan, base, choices);
  claimed.add(located.index);
  const wiki = context.entries[located.index]!;
  plan.match = { how: located.how, ordinal: located.index + 1, explanation: located.explanation };
  plan.before = wiki.source;
  plan.after = wiki.source;
  if (located.explanation) plan.notes.push(located.explanation);
  const section = wiki.transclusion.section;
  if (JSON.stringify(section) !== JSON.stringify(draft.meta.section)) {
    plan.notes.push(
      `It was moved on the wiki from ${sectionName(draft.meta.section)} to ${sectionName(section)}; it is edited where it is now.`,
    );
  }
  return draft.intent === 'delete'
    ? deleteEntry(context, draft, plan, base, located.index, choices)
    : updateEntry(context, draft, plan, base, located.index, choices);
}

function updateEntry(
  context: PageContext,
  draft: PublishDraft,
  plan: EntryPlan,
  base: ParamValues,
  index: number,
  choices: Choices,
): EntryOutcome {
  const wiki = context.entries[index]!;
  const conflicts: Conflict[] = [];
  const writes: ParamWrite[] = [];
  for (const merge of mergeParams(base, draft.values, wiki.values)) {
    let result: Side = merge.result;
    if (merge.kind === 'conflict') {
      const label = labelOf(context.profile, merge.param);
      const id = conflictId(draft.id, merge.param);
      const choice = decision(choices, id, merge.mine, merge.theirs);
      if (choice === 'mine') result = merge.mine;
      conflicts.push({
        id,
        entryId: draft.id,
        entryTitle: wiki.title,
        kind: 'value',
        param: merge.param,
        label,
        base: merge.base,
        mine: merge.mine,
        theirs: merge.theirs,
        message: `${label} of “${wiki.title}” was changed both in your draft and on the wiki. Choose which to keep.`,
        choice,
      });
    } else if (merge.kind === 'theirs') {
      plan.keptFromWiki.push({
        param: merge.param,
        label: labelOf(context.profile, merge.param),
        before: merge.base,
        after: merge.theirs,
      });
    }
    if (result !== merge.theirs) writes.push({ param: merge.param, value: result });
  }
  const values = withWrites(wiki.values, writes);
  plan.title = entryTitle(context.profile, values) || wiki.title;
  plan.changes = changesOf(context, writes, wiki.values);
  const problems = valueProblems(context, draft.id, plan.title, writes);
  if (writes.length === 0) return outcome(plan, { conflicts });
  plan.action = 'update';
  if (problems.length > 0) return outcome(plan, { conflicts, problems, values });
  const edited = editEntrySource(wiki.source, context.profile, writes, context.options);
  if (!edited.ok) {
    problems.push(unreadable(draft.id, plan.title, edited, labelOf(context.profile, edited.param ?? '')));
    return outcome(plan, { conflicts, problems, values });
  }
  plan.after = edited.text;
  return outcome(plan, { conflicts, values, edit: { kind: 'replace', index, text: edited.text } });
}
