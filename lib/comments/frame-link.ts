import * as z from 'zod/mini';
import { AnchorSchema } from '../anchoring/schema';
import { PageViewSchema } from '../mediawiki/page-view';
import { WikiUrlSchema } from '../panel/panel-link';

/**
 * What the page adapter tells the comments frame it opens (in its URL fragment, like the editor
 * panel's link): which page and entry, the entry's text as the page shows it (rendered threads are
 * anchored in it), the wiki user the page says is logged in, and the selection to comment on, if any.
 * It names things and carries page text, never a comment: the frame reads those from the background.
 *
 * And what the frame tells the adapter back, by postMessage on a channel of its own: its height,
 * that it closed, that the threads changed (redraw highlights and badges). Nothing else.
 *
 * zod/mini: the content script builds the link and reads the messages.
 */
export const COMMENTS_PAGE = '/comments.html';
export const COMMENTS_CHANNEL = 'project-desk-comments';
/** The most entry text a link carries (an entry is a few KB; a page pasted into one is not shown). */
export const MAX_ENTRY_TEXT = 200_000;

export const CommentsLinkSchema = z.object({
  wiki: WikiUrlSchema,
  view: PageViewSchema,
  entry: z.object({ ordinal: z.int().check(z.positive()), title: z.string().check(z.maxLength(1000)) }),
  /** The entry's rendered text (lib/adapter/entry-text.ts), or null when the page does not show it. */
  text: z.nullable(z.string().check(z.maxLength(MAX_ENTRY_TEXT))),
  /** The page's logged-in wiki user (RLCONF wgUserName): the comment author's name without a display name. */
  wikiUser: z.nullable(z.string().check(z.maxLength(300))),
  /** The selection the reviewer chose `Comment` on. */
  pending: z.nullable(AnchorSchema),
  /** Changes with every `Comment` click, so the same selection twice still opens the text box again. */
  nonce: z.int(),
});
export type CommentsLink = z.infer<typeof CommentsLinkSchema>;

export function encodeCommentsLink(link: CommentsLink): string {
  return encodeURIComponent(JSON.stringify(z.parse(CommentsLinkSchema, link)));
}

export type CommentsLinkRead = { ok: true; link: CommentsLink } | { ok: false; reason: string };

export function decodeCommentsLink(fragment: string): CommentsLinkRead {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(fragment.replace(/^#/, '')));
  } catch {
    return { ok: false, reason: 'The comments were opened without saying which entry.' };
  }
  const parsed = z.safeParse(CommentsLinkSchema, raw);
  return parsed.success
    ? { ok: true, link: parsed.data }
    : { ok: false, reason: `The comments were opened with a bad link: ${z.prettifyError(parsed.error)}` };
}

/** The frame's title (and the accessible name of the iframe). */
export const commentsFrameTitle = (title: string): string => `Comments on ${title}`;

export const CommentsFrameMessageSchema = z.discriminatedUnion('type', [
  z.object({
    channel: z.literal(COMMENTS_CHANNEL),
    type: z.literal('size'),
    height: z.number().check(z.nonnegative(), z.lte(20_000)),
  }),
  z.object({ channel: z.literal(COMMENTS_CHANNEL), type: z.literal('close') }),
  z.object({ channel: z.literal(COMMENTS_CHANNEL), type: z.literal('changed') }),
]);
export type CommentsFrameMessage = z.infer<typeof CommentsFrameMessageSchema>;

export function readCommentsFrameMessage(raw: unknown): CommentsFrameMessage | null {
  const parsed = z.safeParse(CommentsFrameMessageSchema, raw);
  return parsed.success ? parsed.data : null;
}
