import * as z from 'zod/mini';
import { PageViewSchema } from '../mediawiki/page-view';
import { defineRequest } from '../messaging/channel';
import { SiteProfileSchema } from '../model/profile';
import { PanelTargetSchema, WikiUrlSchema } from './panel-link';

/** Requests the editor panel sends to the background (the panel is an extension page; see senders.ts). */

export const OpenDraftRequestSchema = z.object({
  wiki: WikiUrlSchema,
  view: PageViewSchema,
  target: PanelTargetSchema,
});
export type OpenDraftRequest = z.infer<typeof OpenDraftRequestSchema>;

export const OpenDraftResultSchema = z.object({
  /** The page's Yjs document (the panel's replica connects to it) and the entry in it. */
  docName: z.string(),
  entryId: z.string(),
  /** The wiki's site profile: which fields, labels, kinds, suggestions. */
  profile: SiteProfileSchema,
  /** The revision the draft is based on, and the one the wiki page is at now. */
  baseRevision: z.int(),
  pageRevision: z.int(),
  /** The draft was there before (restored), rather than seeded or created just now. */
  restored: z.boolean(),
});
export type OpenDraftResult = z.infer<typeof OpenDraftResultSchema>;

/** Panel → background: find the entry's open draft, or seed one from the page's wikitext. */
export const openDraft = defineRequest('openDraft', OpenDraftRequestSchema, OpenDraftResultSchema);

export const PreviewRequestSchema = z.object({
  wiki: WikiUrlSchema,
  view: PageViewSchema,
  /** The draft's transclusion, as it would be published. */
  wikitext: z.string().check(z.maxLength(2_000_000)),
});
export type PreviewRequest = z.infer<typeof PreviewRequestSchema>;

export const PreviewResultSchema = z.object({
  /** The wiki's HTML for it (action=parse): still to be sanitised before display. */
  html: z.string(),
});

/** Panel → background: the wiki's rendering of a draft. */
export const previewEntry = defineRequest('previewEntry', PreviewRequestSchema, PreviewResultSchema);
