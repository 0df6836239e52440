import type { ParamValues } from '../model/profile';
import type { TextEdit } from '../wikitext/types';
import type { ParamWrite } from './entry-source';
import { labelOf, type PageContext } from './page-context';
import type {
  Conflict,
  ConflictChoice,
  EntryPlan,
  ParamChange,
  PlanProblem,
  PublishDraft,
} from './plan-schema';

/**
 * One draft's part of a publish, as the entry planners (plan-entry, plan-new, plan-gone) hand it to
 * the page planner: the entry's plan for the dialog, its conflicts and problems, and its page edit.
 */
export type PageEdit =
  | { kind: 'replace'; index: number; text: string }
  | { kind: 'insert'; edit: TextEdit }
  | { kind: 'delete'; index: number };

export interface EntryOutcome {
  plan: EntryPlan;
  conflicts: Conflict[];
  problems: PlanProblem[];
  edit: PageEdit | null;
  /** The values the entry is published with (for validation), null when nothing is written. */
  values: ParamValues | null;
}

export type Choices = Readonly<Record<string, ConflictChoice>>;

export function outcome(plan: EntryPlan, extra: Partial<Omit<EntryOutcome, 'plan'>> = {}): EntryOutcome {
  return { plan, conflicts: [], problems: [], edit: null, values: null, ...extra };
}

export function blankPlan(draft: PublishDraft, title: string): EntryPlan {
  return {
    entryId: draft.id,
    title,
    action: 'unchanged',
    match: { how: 'same-place', ordinal: null, explanation: null },
    changes: [],
    keptFromWiki: [],
    before: null,
    after: null,
    notes: [],
    remarks: [],
  };
}

export const changesOf = (
  context: PageContext,
  writes: readonly ParamWrite[],
  before: ParamValues,
): ParamChange[] =>
  writes.map(({ param, value }) => ({
    param,
    label: labelOf(context.profile, param),
    before: Object.hasOwn(before, param) ? before[param]! : null,
    after: value,
  }));

export function withWrites(values: ParamValues, writes: readonly ParamWrite[]): ParamValues {
  const map = new Map(Object.entries(values));
  for (const { param, value } of writes) {
    if (value === null) map.delete(param);
    else map.set(param, value);
  }
  return Object.fromEntries(map);
}
