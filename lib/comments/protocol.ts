import { z } from 'zod';
import { PageViewSchema } from '../mediawiki/page-view';
import { defineRequest } from '../messaging/channel';
import { TemplateMatcherSchema } from '../wikitext/types';
import { PersonSchema } from './schema';

/**
 * The comments frame's and the dashboard's requests to the background (extension pages only; full
 * zod, never in the content script). The threads themselves come through the comments document's
 * replica (the drafts port), not through these.
 */

/** Why a role cannot write a page's comments (a viewer's token). */
export const COMMENTS_READ_ONLY =
  'Read only: your access token’s role may read this page’s comments but not write them.';

export const OpenCommentsRequestSchema = z.object({
  wiki: z.url({ protocol: /^https?$/ }),
  view: PageViewSchema,
  wikiUser: z.string().max(300).nullable(),
});
export type OpenCommentsRequest = z.infer<typeof OpenCommentsRequestSchema>;

export const OpenCommentsResultSchema = z.object({
  /** The page's comments document (commentsDocName): the frame's replica joins it. */
  docName: z.string(),
  /** Who writes: the display name from the sync settings, else the wiki user, with this device's id. */
  me: PersonSchema,
  /** The revision's wikitext (the wiki's own remarks are read from it) and how to find entries in it. */
  wikitext: z.string(),
  extensionTags: z.array(z.string()),
  template: TemplateMatcherSchema,
  titleParam: z.string(),
  /** Why comments are read-only here (e.g. a viewer's token), or null when they can be written. */
  readOnly: z.string().nullable(),
});
export type OpenCommentsResult = z.infer<typeof OpenCommentsResultSchema>;

export const openComments = defineRequest(
  'comments.open',
  OpenCommentsRequestSchema,
  OpenCommentsResultSchema,
);

export const InboxThreadSchema = z.object({
  wiki: z.string(),
  page: z.string(),
  threadId: z.string(),
  entryTitle: z.string(),
  quote: z.string(),
  resolved: z.boolean(),
  lastActivity: z.string().nullable(),
  mine: z.boolean(),
  mentionsMe: z.boolean(),
  messages: z.array(
    z.object({
      author: z.string(),
      createdAt: z.string().nullable(),
      text: z.string(),
      deleted: z.boolean(),
    }),
  ),
});
export type InboxThread = z.infer<typeof InboxThreadSchema>;

export const CommentsInboxSchema = z.object({
  me: PersonSchema,
  /** Every thread of every page with comments on this device, newest activity first. */
  threads: z.array(InboxThreadSchema),
  problems: z.array(z.string()),
});
export type CommentsInbox = z.infer<typeof CommentsInboxSchema>;

export const commentsInbox = defineRequest('comments.inbox', z.object({}), CommentsInboxSchema);
