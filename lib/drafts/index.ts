// The draft hub the background runs, the replica the panel runs, the typed messages between them,
// and export/import of every draft.
export * from './draft-indexer';
export * from './draft-record';
export * from './hub';
export * from './hub-doc';
export * from './messages';
export * from './port';
export * from './replica';
export * from './transfer';
