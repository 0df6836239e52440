import { z } from 'zod';
import { NotLoggedInReasonSchema } from '../mediawiki/edit';
import { PublishPlanSchema } from './plan-schema';
import { ExpectationSchema, PublishedEntrySchema } from './verify';

/**
 * How a publish ended, for the dialog. Only `published` means the wiki holds what was previewed (the
 * draft may be marked published and rebased on `revisionId`); every other kind keeps the draft.
 */
export const PublishResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    publishId: z.string(),
    revisionId: z.number().int().positive(),
    entries: z.array(PublishedEntrySchema),
    /** The wiki merged the edit with another one made while publishing (to other lines). */
    mergedByWiki: z.boolean(),
    /** This publish had already landed (an earlier answer was lost, or it was asked for again). */
    repeated: z.boolean(),
    message: z.string(),
  }),
  z.object({
    kind: z.literal('not-logged-in'),
    reason: NotLoggedInReasonSchema,
    message: z.string(),
    loginUrl: z.string(),
  }),
  /** The wiki changed while publishing in a way the preview did not show: review the new plan. */
  z.object({ kind: z.literal('changed'), message: z.string(), plan: PublishPlanSchema }),
  /** Saved, but the wiki's text is not what was previewed. */
  z.object({
    kind: z.literal('verify-failed'),
    revisionId: z.number().int().positive().nullable(),
    message: z.string(),
    unmet: z.array(ExpectationSchema),
  }),
  z.object({ kind: z.literal('refused'), code: z.string(), message: z.string() }),
  /** The answer was lost and the wiki could not be asked since; publishing again checks first. */
  z.object({ kind: z.literal('interrupted'), message: z.string() }),
  /** Held back (the device is offline): sent only when the user confirms, once back online. */
  z.object({ kind: z.literal('queued'), publishId: z.string(), message: z.string() }),
  /** Nothing was sent: the wiki could not be reached. */
  z.object({ kind: z.literal('unreachable'), message: z.string() }),
  z.object({ kind: z.literal('not-publishable'), message: z.string(), blockers: z.array(z.string()) }),
]);
export type PublishResult = z.infer<typeof PublishResultSchema>;
