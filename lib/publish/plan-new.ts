import { entryTitle } from '../model/entry';
import { fieldForParam, fieldValue, presentParamName } from '../model/profile';
import { type EntryOutcome, outcome } from './entry-outcome';
import { insertion, type PageContext, placeNote, valueProblems } from './page-context';
import type { PublishDraft } from './plan-schema';
import { normalizeValue } from './values';

/**
 * A new entry ("New project in <section>"): added at the end of its section in the page's house style.
 * The Xen wiki's entries list every field, empty ones too, so a new entry holds every profile field in
 * the profile's order, then any other parameter the draft gave a value.
 */
export function newEntryParams(context: PageContext, draft: PublishDraft): [string, string][] {
  const { profile } = context;
  const params: [string, string][] = profile.fields.map((field) => [
    presentParamName(field, draft.values) ?? field.param,
    normalizeValue(fieldValue(field, draft.values)),
  ]);
  for (const [param, value] of Object.entries(draft.values)) {
    if (!fieldForParam(profile, param) && normalizeValue(value) !== '')
      params.push([param, normalizeValue(value)]);
  }
  return params;
}

export function planNewEntry(context: PageContext, draft: PublishDraft): EntryOutcome {
  const params = newEntryParams(context, draft);
  const values = Object.fromEntries(params);
  const title = entryTitle(context.profile, values);
  const plan: EntryOutcome['plan'] = {
    entryId: draft.id,
    title,
    action: 'unchanged',
    match: { how: 'new', ordinal: null, explanation: null },
    changes: [],
    keptFromWiki: [],
    before: null,
    after: null,
    notes: [],
    remarks: [],
  };
  if (params.every(([, value]) => value === '')) {
    plan.notes.push('The new entry is empty: there is nothing to add.');
    return outcome(plan);
  }
  if (draft.intent === 'delete') {
    plan.notes.push('A new entry that is deleted is not added.');
    return outcome(plan);
  }
  plan.action = 'add';
  plan.changes = params
    .filter(([, value]) => value !== '')
    .map(([param, value]) => ({
      param,
      label: fieldForParam(context.profile, param)?.label ?? param,
      before: null,
      after: value,
    }));
  const writes = params.map(([param, value]) => ({ param, value }));
  const problems = valueProblems(context, draft.id, title, writes);
  if (context.entries.some((entry) => entry.title === title && title !== '')) {
    problems.push({
      entryId: draft.id,
      entryTitle: title,
      param: context.profile.titleParam,
      label: fieldForParam(context.profile, context.profile.titleParam)?.label ?? context.profile.titleParam,
      severity: 'warning',
      code: 'title-taken',
      message: `The page already has an entry titled “${title}”; readers will not tell them apart.`,
      fix: null,
    });
  }
  if (problems.some((problem) => problem.severity === 'error')) return outcome(plan, { problems, values });
  const { edit, entry } = insertion(context, draft.meta.section, params);
  plan.after = entry;
  plan.notes.push(placeNote(context, draft.meta.section, 'It is added'));
  return outcome(plan, { problems, values, edit: { kind: 'insert', edit } });
}
