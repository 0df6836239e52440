import { z } from 'zod';
import { PageViewSchema } from '../mediawiki/page-view';
import { defineRequest } from '../messaging/channel';
import { PublishPlanSchema } from '../publish/plan-schema';
import { PublishResultSchema } from '../publish/publish-result';
import { WikiUrlSchema } from './panel-link';

/**
 * Requests of the publish dialog (an extension page) to the background. Full zod: neither end is the
 * content script. The background sends the edit through the page adapter of the dialog's own tab.
 */
const PageOfDraft = {
  wiki: WikiUrlSchema,
  view: PageViewSchema,
  /** The page's drafts document. */
  docName: z.string().min(1),
};

export const PreparePublishRequestSchema = z.object({
  ...PageOfDraft,
  /** The draft entries to publish; null for every open draft of the page. */
  entryIds: z.array(z.string().min(1)).nullable(),
});

export const WikiSessionSchema = z.object({
  state: z.enum(['logged-in', 'anonymous', 'no-rights', 'unknown']),
  userName: z.string().nullable(),
  /** The wiki's login page, returning to the page. */
  loginUrl: z.string(),
  /** Why the session is not known (the wiki could not be asked). */
  problem: z.string().nullable(),
});
export type WikiSession = z.infer<typeof WikiSessionSchema>;

export const UnfinishedPublishSchema = z.object({
  publishId: z.string(),
  state: z.enum(['pending', 'in-flight']),
  message: z.string(),
});
export type UnfinishedPublish = z.infer<typeof UnfinishedPublishSchema>;

export const PreparePublishResultSchema = z.object({
  /** The drafts document, by the page's canonical title: publish and retry name this one. */
  docName: z.string().min(1),
  /** Null when nothing can be planned (no open draft, the page is gone); `reason` says why. */
  plan: PublishPlanSchema.nullable(),
  reason: z.string().nullable(),
  session: WikiSessionSchema,
  /** Publishes of these drafts that were queued or whose answer was lost: to take up again first. */
  unfinished: z.array(UnfinishedPublishSchema),
});
export type PreparePublishResult = z.infer<typeof PreparePublishResultSchema>;

/** Dialog → background: plan publishing these drafts against the wiki's page as it is now. */
export const preparePublish = defineRequest(
  'preparePublish',
  PreparePublishRequestSchema,
  PreparePublishResultSchema,
);

export const PublishRequestSchema = z.object({
  ...PageOfDraft,
  /** Made once per click: the same id never publishes twice. */
  publishId: z.string().min(8).max(100),
  plan: PublishPlanSchema,
  summary: z.string().max(500),
  /** Offline: journal it only, to send when the user confirms. */
  hold: z.boolean(),
});

/** Dialog → background: publish this plan (as previewed, with the user's decisions). */
export const publishDrafts = defineRequest('publishDrafts', PublishRequestSchema, PublishResultSchema);

export const RetryPublishRequestSchema = z.object({
  ...PageOfDraft,
  publishId: z.string().min(8).max(100),
});

/** Dialog → background: take a queued or interrupted publish up again (checks the wiki first). */
export const retryPublish = defineRequest('retryPublish', RetryPublishRequestSchema, PublishResultSchema);
