import type { ScanOptions } from '../wikitext/types';
import type { WikiPage } from './plan-schema';

/** The page is scanned with the wiki's own extension tags when the plan knows them. */
export const scanOptionsOfPage = (page: WikiPage): ScanOptions =>
  page.extensionTags ? { extensionTags: page.extensionTags } : {};
