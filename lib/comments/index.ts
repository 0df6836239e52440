// Reviewer comments: the page's comments document (threads, messages), the operations on it, lists
// per entry and across pages, the wiki's own {{Comment}} remarks as threads, and comment text that is
// safe to show. Anchoring of a thread to text is lib/anchoring's.
export * from './comments-doc';
export * from './identity';
export * from './legacy';
export * from './listing';
export * from './mentions';
export * from './operations';
export * from './page-threads';
export * from './remark-edits';
export * from './safe-text';
export * from './schema';
export * from './tokens';
