import Dexie, { type Table, type Transaction } from 'dexie';
import { upgradeToV2 } from './migrations';
import type { StoredPublish } from './publish-journal';
import type { DraftRecord, OutboxRecord, QuarantineRecord, SettingRecord } from './records';

/**
 * The extension's own database (its origin, never the wiki page's): the index of drafts, settings,
 * the outbox of queued publishes, the publish journal, and the quarantine of records that did not read back. The drafts
 * themselves are Yjs documents, persisted separately (see doc-storage.ts); the drafts table indexes them
 * so the dashboard can list drafts without opening every document.
 */
export const DATABASE_NAME = 'project-desk';

export interface IndexedDbEnvironment {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** The first shape (v1): drafts of existing entries, settings, outbox. */
export const SCHEMA_V1 = {
  drafts: 'id, [wiki+page], docName, status, updatedAt',
  settings: 'key',
  outbox: '++seq, draftId',
};

/** v2: new-entry drafts and titles (see records.ts), outbox attempts, and the quarantine table. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  drafts: 'id, [wiki+page], docName, status, updatedAt, title',
  quarantine: '++id, table',
};

/** Declares v1 alone, as the first released build did (the upgrade test opens a database like that). */
export function declareV1(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
}

export function declareV2(db: Dexie): void {
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((transaction: Transaction) => upgradeToV2(transaction));
}

/**
 * v3: the publish journal (lib/publish/journal.ts), one record per publish id, so that a click whose
 * answer was lost (a stopped service worker, a closed tab, the network gone) is never sent twice. A
 * new table only: nothing to convert.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  publishes: 'publishId, state, updatedAt',
};

export function declareV3(db: Dexie): void {
  db.version(3).stores(SCHEMA_V3);
}

export class ProjectDeskDb extends Dexie {
  drafts!: Table<DraftRecord, string>;
  settings!: Table<SettingRecord, string>;
  outbox!: Table<OutboxRecord, number>;
  quarantine!: Table<QuarantineRecord, number>;
  publishes!: Table<StoredPublish, string>;

  /** Without an environment the browser's own IndexedDB is used; tests pass fake-indexeddb's. */
  constructor(name = DATABASE_NAME, environment?: IndexedDbEnvironment) {
    super(
      name,
      environment ? { indexedDB: environment.indexedDB, IDBKeyRange: environment.IDBKeyRange } : {},
    );
    declareV1(this);
    declareV2(this);
    declareV3(this);
  }
}
