// One wiki page's drafts as a Yjs document: its shape, seeding from wiki text, reading and editing it,
// noticing lost concurrent writes, and the names and wire encoding of documents. The comments document
// (threads, messages) will be a module of its own beside these, named by commentsDocName.
export * from './base64';
export * from './doc-names';
export * from './draft-entry';
export * from './find-draft';
export * from './overwrite-watch';
export * from './page-doc';
export * from './read-entry';
export * from './seed';
export * from './set-field';
export * from './text-diff';
