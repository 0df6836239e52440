import { requestResult, transactionDone } from './idb-request';

/**
 * Where the Yjs documents are persisted: one IndexedDB database per document, laid out as y-indexeddb
 * lays it out (an auto-increment `updates` store of Uint8Array updates, and a `custom` store), so
 * y-indexeddb's IndexeddbPersistence reads what we write and we read what it wrote.
 *
 * Why not IndexeddbPersistence itself: it gives no promise per update, so a hub could not say "this
 * keystroke is stored" before acknowledging it; it compacts only after a 1 s pause in updates, so a
 * user typing steadily (or a service worker stopped mid-typing) leaves every keystroke stored
 * separately; and it reaches for the global indexedDB, where tests pass fake-indexeddb's factory.
 */
export interface DocLog {
  readonly name: string;
  /** Every stored update, oldest first. */
  readAll(): Promise<Uint8Array[]>;
  /** Stores one update; resolves once its transaction has committed. */
  append(update: Uint8Array): Promise<void>;
  /**
   * Replaces every stored update by one, in a single transaction: `combine` receives what is stored at
   * that moment and returns the update to keep (it must contain all of them).
   */
  compact(combine: (stored: Uint8Array[]) => Uint8Array): Promise<void>;
  count(): Promise<number>;
  /** Bytes of the stored updates (the values; IndexedDB's own overhead is not counted). */
  storedBytes(): Promise<number>;
  close(): void;
}

export interface DocStorage {
  open(name: string): Promise<DocLog>;
  /** Deletes a document's database entirely. */
  remove(name: string): Promise<void>;
}

const UPDATES = 'updates';
const CUSTOM = 'custom';

/**
 * 'relaxed' commits once the write is handed to the operating system without waiting for the disk:
 * that survives a killed tab or browser process (the e2e SIGKILL test checks it), not a power cut.
 * 'strict' waits for the disk too, at a cost on every keystroke.
 */
export type Durability = 'relaxed' | 'strict';

class IndexedDbDocLog implements DocLog {
  constructor(
    readonly name: string,
    private readonly db: IDBDatabase,
    private readonly durability: Durability,
  ) {}

  private store(mode: IDBTransactionMode): { transaction: IDBTransaction; store: IDBObjectStore } {
    const transaction = this.db.transaction([UPDATES], mode, { durability: this.durability });
    return { transaction, store: transaction.objectStore(UPDATES) };
  }

  async readAll(): Promise<Uint8Array[]> {
    const values = await requestResult(this.store('readonly').store.getAll());
    return values.map((value) => new Uint8Array(value as ArrayBufferLike));
  }

  async append(update: Uint8Array): Promise<void> {
    const { transaction, store } = this.store('readwrite');
    store.add(update);
    await transactionDone(transaction);
  }

  async compact(combine: (stored: Uint8Array[]) => Uint8Array): Promise<void> {
    const { transaction, store } = this.store('readwrite');
    const done = transactionDone(transaction);
    const all = store.getAll();
    let failure: unknown;
    all.onsuccess = () => {
      try {
        const merged = combine(all.result.map((value) => new Uint8Array(value as ArrayBufferLike)));
        store.clear();
        store.add(merged);
      } catch (error) {
        failure = error;
        transaction.abort();
      }
    };
    try {
      await done;
    } catch (error) {
      throw failure ?? error;
    }
  }

  count(): Promise<number> {
    return requestResult(this.store('readonly').store.count());
  }

  async storedBytes(): Promise<number> {
    const values = await requestResult(this.store('readonly').store.getAll());
    return values.reduce((sum: number, value: ArrayBufferView) => sum + value.byteLength, 0);
  }

  close(): void {
    this.db.close();
  }
}

export class IndexedDbDocStorage implements DocStorage {
  constructor(
    private readonly factory: IDBFactory = globalThis.indexedDB,
    private readonly durability: Durability = 'relaxed',
  ) {}

  async open(name: string): Promise<DocLog> {
    const request = this.factory.open(name);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
    };
    const db = await requestResult(request);
    // Let a deletion (or a newer layout) proceed instead of waiting on us forever.
    db.onversionchange = () => db.close();
    return new IndexedDbDocLog(name, db, this.durability);
  }

  async remove(name: string): Promise<void> {
    await requestResult(this.factory.deleteDatabase(name) as IDBRequest<unknown>);
  }
}
