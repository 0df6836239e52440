// The extension's side of sync (issue 6): the background's SyncManager over one shared socket, the
// per-page bridge between the hub and the server, offline detection, presence, and the panel's port.
// README.md in this folder says how the background wires it.
export * from './connection-test';
export * from './connection-watch';
export * from './doc-address';
export * from './messages';
export * from './page-entry';
export * from './page-sync';
export * from './pending-docs';
export * from './presence';
export * from './status';
export * from './sync-manager';
export { defaultOnline, Emitter } from './sync-options';
export * from './sync-socket';
export * from './waiting-ledger';
export * from './wire';
