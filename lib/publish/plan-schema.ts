import { z } from 'zod';
import { DraftEntrySchema } from '../collab/draft-entry';
import { RemarkInsertionSchema, RemarkRemovalSchema } from '../comments/remark-edits';
import { SiteProfileSchema } from '../model/profile';

/**
 * The publish plan's vocabulary: what goes in (drafts, the wiki's page as it is now, the user's
 * decisions) and what comes out for the publish dialog (the new page text, per-entry changes,
 * conflicts to decide, problems, the diff, an edit summary). All plain data: it crosses the messaging
 * boundary to the dialog and is kept in the publish journal.
 */

const text = z.string();
const side = z.string().nullable();

export const PublishDraftSchema = DraftEntrySchema.extend({
  /** 'delete' takes the entry off the page; 'edit' publishes its values. */
  intent: z.enum(['edit', 'delete']).default('edit'),
});
export type PublishDraft = z.infer<typeof PublishDraftSchema>;

/** The wiki's page as it is now: the plan is computed against this revision and sent with it as baserevid. */
export const WikiPageSchema = z.object({
  title: z.string().min(1),
  revisionId: z.number().int().positive(),
  wikitext: text,
  /** The wiki's extension tags (siteinfo), so the page is scanned as the wiki reads it. */
  extensionTags: z.array(z.string()).optional(),
});
export type WikiPage = z.infer<typeof WikiPageSchema>;

export const ConflictPickSchema = z.enum(['mine', 'theirs']);
export type ConflictPick = z.infer<typeof ConflictPickSchema>;

/**
 * A decision, with the two values it was made between: when the wiki changes the value again before
 * the publish lands, the decision no longer applies and the conflict is asked again.
 */
export const ConflictChoiceSchema = z.object({ use: ConflictPickSchema, mine: side, theirs: side });
export type ConflictChoice = z.infer<typeof ConflictChoiceSchema>;

export const RemarkEditSchema = z.discriminatedUnion('kind', [RemarkRemovalSchema, RemarkInsertionSchema]);
export type RemarkEdit = z.infer<typeof RemarkEditSchema>;

/** A remark edit this plan carries out, with the dialog's explanation line; marks its thread once verified. */
export const PlannedRemarkSchema = z.object({
  threadId: text,
  kind: z.enum(['remove-remark', 'add-remark']),
  line: text,
});
export type PlannedRemark = z.infer<typeof PlannedRemarkSchema>;

export const PlanInputSchema = z.object({
  profile: SiteProfileSchema,
  page: WikiPageSchema,
  drafts: z.array(PublishDraftSchema).min(1),
  /** Decisions by conflict id. */
  choices: z.record(z.string(), ConflictChoiceSchema).default({}),
  /** The wiki's own remarks to remove from or add to a draft's entry in the same edit (lib/comments). */
  remarks: z.array(z.object({ draftId: z.string(), edit: RemarkEditSchema })).default([]),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;
export type PlanInputLike = z.input<typeof PlanInputSchema>;

export const ParamChangeSchema = z.object({ param: text, label: text, before: side, after: side });
export type ParamChange = z.infer<typeof ParamChangeSchema>;

/**
 * Something the user decides. `value`: a field changed both in the draft and on the wiki.
 * `deleted-on-wiki`: the draft edits an entry the wiki no longer has (mine = add it again).
 * `changed-on-wiki`: the draft deletes an entry someone changed meanwhile (mine = delete it anyway).
 */
export const ConflictSchema = z.object({
  id: text,
  entryId: text,
  entryTitle: text,
  kind: z.enum(['value', 'deleted-on-wiki', 'changed-on-wiki']),
  /** The parameter, for a value conflict. */
  param: side,
  /** What the dialog names the conflict's group: the field's label, or the entry's title. */
  label: text,
  base: side,
  mine: side,
  theirs: side,
  message: text,
  choice: ConflictPickSchema.nullable(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const EntryActionSchema = z.enum(['update', 'add', 'delete', 'unchanged', 'drop']);
export type EntryAction = z.infer<typeof EntryActionSchema>;

export const EntryMatchSchema = z.object({
  how: z.enum(['same-place', 'moved', 'renamed', 'new', 'deleted-on-wiki']),
  /** The entry's ordinal on the wiki now (null when it is not there). */
  ordinal: z.number().int().positive().nullable(),
  explanation: side,
});

export const EntryPlanSchema = z.object({
  entryId: text,
  title: text,
  action: EntryActionSchema,
  match: EntryMatchSchema,
  /** What this publish changes in the wiki's entry: before = the wiki's value now. */
  changes: z.array(ParamChangeSchema),
  /** Changes others made on the wiki since the draft's base, kept: before = the base's value. */
  keptFromWiki: z.array(ParamChangeSchema),
  /** The entry's wikitext on the wiki now, and after publishing (null when absent). */
  before: side,
  after: side,
  notes: z.array(text),
  /** The wiki remarks this publish removes from or adds to the entry. */
  remarks: z.array(PlannedRemarkSchema).default([]),
});
export type EntryPlan = z.infer<typeof EntryPlanSchema>;

export const PlanProblemSchema = z.object({
  entryId: side,
  entryTitle: text,
  param: side,
  label: side,
  severity: z.enum(['error', 'warning']),
  code: text,
  message: text,
  /** A value that would fix it (e.g. a `|` escaped), for a dialog's "Fix" button. */
  fix: side,
});
export type PlanProblem = z.infer<typeof PlanProblemSchema>;

export const DiffLineSchema = z.object({
  kind: z.enum(['context', 'removed', 'added']),
  text,
  /** 1-based line numbers in the old and new text (null on the side the line is not in). */
  oldLine: z.number().int().positive().nullable(),
  newLine: z.number().int().positive().nullable(),
});
export type DiffLine = z.infer<typeof DiffLineSchema>;

export const DiffHunkSchema = z.object({
  oldStart: z.number().int().nonnegative(),
  oldCount: z.number().int().nonnegative(),
  newStart: z.number().int().nonnegative(),
  newCount: z.number().int().nonnegative(),
  lines: z.array(DiffLineSchema),
});
export type DiffHunk = z.infer<typeof DiffHunkSchema>;

export const PublishPlanSchema = z.object({
  input: PlanInputSchema,
  title: text,
  /** The revision the new text is based on; the edit is sent with it as baserevid. */
  revisionId: z.number().int().positive(),
  newText: text,
  entries: z.array(EntryPlanSchema),
  conflicts: z.array(ConflictSchema),
  problems: z.array(PlanProblemSchema),
  /** Page-level explanations (e.g. that the wiki changed since the draft was started). */
  notes: z.array(text),
  diff: z.array(DiffHunkSchema),
  summary: text,
  /** Every conflict decided, no error, and something to publish. */
  publishable: z.boolean(),
  /** Why not, in words, when not publishable. */
  blockers: z.array(text),
});
export type PublishPlan = z.infer<typeof PublishPlanSchema>;
