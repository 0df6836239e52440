// Publishing drafts to the wiki: planning (pure: minimal edit, three-way merge, conflicts, diff,
// summary), value safety, and the publisher that sends a plan once, verifies it, and keeps a journal.
export * from './journal';
export * from './line-diff';
export { type MatchHow, sectionName } from './locate';
export * from './plan';
export * from './plan-schema';
export * from './publish';
export * from './publish-result';
export { escapeBarePipes, type ValueIssue, type ValueIssueCode, valueIssue } from './value-safety';
export { draftSide, mergeParams, normalizeValue, type ParamMerge, type Side } from './values';
export * from './verify';
