import { entryTitle } from '../model/entry';
import type { ParamValues } from '../model/profile';
import { type Choices, changesOf, type EntryOutcome, outcome, withWrites } from './entry-outcome';
import { editEntrySource } from './entry-source';
import {
  conflictId,
  decision,
  insertion,
  type PageContext,
  placeNote,
  unreadable,
  valueProblems,
} from './page-context';
import type { Conflict, EntryPlan, PublishDraft } from './plan-schema';
import { draftChangesBase, mergeParams } from './values';

/**
 * Entries that go: a draft that deletes its entry (asked first when someone changed it meanwhile),
 * and a draft whose entry the wiki no longer has (nothing to do, or a decision to add it back).
 */
export function deleteEntry(
  context: PageContext,
  draft: PublishDraft,
  plan: EntryPlan,
  base: ParamValues,
  index: number,
  choices: Choices,
): EntryOutcome {
  const wiki = context.entries[index]!;
  plan.title = wiki.title;
  const same =
    JSON.stringify(Object.entries(base).sort()) === JSON.stringify(Object.entries(wiki.values).sort());
  let conflicts: Conflict[] = [];
  if (!same) {
    const id = conflictId(draft.id, null);
    const choice = decision(choices, id, null, wiki.source);
    conflicts = [
      {
        id,
        entryId: draft.id,
        entryTitle: wiki.title,
        kind: 'changed-on-wiki',
        param: null,
        label: wiki.title,
        base: draft.meta.identity!.baseWikitext,
        mine: null,
        theirs: wiki.source,
        message: `“${wiki.title}” was changed on the wiki after you chose to delete it. Use mine to delete it anyway, or use the wiki's to keep it.`,
        choice,
      },
    ];
    if (choice !== 'mine') {
      if (choice === 'theirs') plan.action = 'drop';
      return outcome(plan, { conflicts });
    }
  }
  plan.action = 'delete';
  plan.after = null;
  return outcome(plan, { conflicts, edit: { kind: 'delete', index } });
}

/** The draft's entry is gone from the wiki: nothing to do, or a decision to add it back. */
export function deletedOnWiki(
  context: PageContext,
  draft: PublishDraft,
  plan: EntryPlan,
  base: ParamValues,
  choices: Choices,
): EntryOutcome {
  const identity = draft.meta.identity!;
  plan.match = {
    how: 'deleted-on-wiki',
    ordinal: null,
    explanation: `“${identity.title}” is no longer on the wiki.`,
  };
  if (draft.intent === 'delete') {
    plan.notes.push(`“${identity.title}” was already deleted on the wiki.`);
    return outcome(plan);
  }
  if (!draftChangesBase(base, draft.values)) {
    plan.action = 'drop';
    plan.notes.push(`“${identity.title}” was deleted on the wiki, and your draft did not change it.`);
    return outcome(plan);
  }
  const writes = mergeParams(base, draft.values, base)
    .filter((merge) => merge.kind === 'mine')
    .map((merge) => ({ param: merge.param, value: merge.mine }));
  const edited = editEntrySource(identity.baseWikitext, context.profile, writes, context.options);
  const mine = edited.ok ? edited.text : identity.baseWikitext;
  const id = conflictId(draft.id, null);
  const choice = decision(choices, id, mine, null);
  const conflict: Conflict = {
    id,
    entryId: draft.id,
    entryTitle: identity.title,
    kind: 'deleted-on-wiki',
    param: null,
    label: identity.title,
    base: identity.baseWikitext,
    mine,
    theirs: null,
    message: `“${identity.title}” was deleted on the wiki after your draft was started. Use mine to add it again with your changes, or use the wiki's to leave it deleted (your draft is then not published).`,
    choice,
  };
  if (choice !== 'mine') {
    if (choice === 'theirs') plan.action = 'drop';
    return outcome(plan, { conflicts: [conflict] });
  }
  const values = withWrites(base, writes);
  plan.title = entryTitle(context.profile, values) || identity.title;
  const problems = valueProblems(context, draft.id, plan.title, writes);
  plan.action = 'add';
  plan.changes = changesOf(context, writes, base);
  if (!edited.ok) problems.push(unreadable(draft.id, plan.title, edited));
  if (problems.length > 0) return outcome(plan, { conflicts: [conflict], problems, values });
  const { edit, entry } = insertion(context, draft.meta.section, Object.entries(values), mine);
  plan.after = entry;
  plan.notes.push(placeNote(context, draft.meta.section, 'It is added again'));
  return outcome(plan, { conflicts: [conflict], values, edit: { kind: 'insert', edit } });
}
