export { addParam, applyEdits, getParamValue, removeParam, setParamValue } from './edits.ts';
export { deleteEntry, insertEntry } from './entries.ts';
export { templateNameMatches } from './names.ts';
export { DEFAULT_EXTENSION_TAGS, findTransclusions, scanPage } from './page.ts';
export { readLegacyRemarks } from './remarks.ts';
export * from './types.ts';
