// Anchoring a comment to text that changes: a small pure module (no DOM, no browser globals).
// The content script (rendered page, no Yjs) imports text-anchor.ts and schema.ts directly;
// everything else imports from here.
export * from './approximate';
export { THRESHOLDS } from './context-score';
export * from './entry-match';
export * from './live-anchor';
export * from './prepared-text';
export * from './schema';
export * from './text-anchor';
