import * as z from 'zod/mini';
import { MalformedEntrySchema, PageEntrySchema } from '../adapter/locate-entries';
import { PageViewSchema } from '../mediawiki/page-view';
import { defineRequest } from './channel';

/** Every request the background answers, one definition each, shared by both ends. */

export const PageScanResultSchema = z.object({
  /** The template that holds an entry on this wiki, as the user named it. */
  template: z.string(),
  revisionId: z.int().check(z.positive()),
  entries: z.array(PageEntrySchema),
  malformed: z.array(MalformedEntrySchema),
});
export type PageScanResult = z.infer<typeof PageScanResultSchema>;

/** Content script → background: read this page's wikitext and say which entries it holds. */
export const scanPage = defineRequest('scanPage', PageViewSchema, PageScanResultSchema);

export const PageDraftsSchema = z.object({
  /** The page's entries that have an open draft on this device, and whether the wiki changed since. */
  entries: z.array(z.object({ ordinal: z.int().check(z.positive()), behind: z.boolean() })),
  /** Sections that hold an open draft of a new entry (heading paths, outermost first). */
  sections: z.array(z.object({ section: z.array(z.string()) })),
});
export type PageDrafts = z.infer<typeof PageDraftsSchema>;

/** Content script → background: which of this page's entries have drafts (for the badges). */
export const pageDrafts = defineRequest('pageDrafts', PageViewSchema, PageDraftsSchema);
