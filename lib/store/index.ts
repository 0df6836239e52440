// The extension's storage: the Dexie database of records (drafts index, settings, outbox, quarantine),
// its versions and upgrade, and the IndexedDB persistence of the Yjs documents.
export * from './database';
export * from './doc-storage';
export * from './draft-index';
export * from './migrations';
export * from './outbox';
export * from './persisted-doc';
export * from './publish-journal';
export * from './record-reader';
export * from './records';
export * from './settings-store';
