import * as z from 'zod/mini';
import { AnchorSchema } from '../anchoring/schema';
import { PageViewSchema } from '../mediawiki/page-view';
import { defineRequest } from '../messaging/channel';

/**
 * The page adapter's question about comments: which threads to highlight and how many are open per
 * entry. Anchors only (quotes of the page's own text) and counts: no comment text reaches the page's
 * tab. zod/mini: the content script parses the answer.
 */
export const PageCommentsSchema = z.object({
  /** Open threads anchored in the rendered page, to highlight. */
  highlights: z.array(z.object({ threadId: z.string(), ordinal: z.int(), anchor: AnchorSchema })),
  /** Open threads per entry (attached or not, the wiki's remarks too). */
  counts: z.array(z.object({ ordinal: z.int().check(z.positive()), open: z.int().check(z.positive()) })),
});
export type PageComments = z.infer<typeof PageCommentsSchema>;

export const pageComments = defineRequest('comments.page', PageViewSchema, PageCommentsSchema);
