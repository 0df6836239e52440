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
