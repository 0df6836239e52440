import { PREFERRED_TRIM_SIZE } from 'y-indexeddb';
import * as Y from 'yjs';
import type { DocLog, DocStorage } from './doc-storage';

/**
 * A Yjs document bound to its stored log. Every update is appended as it comes (so each keystroke is
 * stored on its own at once), and after `trimSize` appends the log is compacted into one update of
 * the whole state, in the same transaction that removes the appended ones: y-indexeddb's own limit of
 * 500, but counted, not waiting for a pause in typing. Stored size therefore stays under the encoded
 * document plus `trimSize` updates, however long a user types.
 */
export interface PersistedDocOptions {
  trimSize?: number;
  /** A compaction that failed (the appended updates are still stored; the next one retries). */
  onError?: (error: unknown) => void;
}

/** Origin of the transaction that loads the stored updates into the document. */
export const LOAD_ORIGIN = Symbol('project-desk load');

export class PersistedDoc {
  private appendsSinceCompaction = 0;
  private compacting: Promise<void> | null = null;

  private constructor(
    readonly doc: Y.Doc,
    private readonly log: DocLog,
    private readonly trimSize: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Opens a document's log and applies what it holds to `doc` (a new document by default). */
  static async open(
    storage: DocStorage,
    name: string,
    doc: Y.Doc = new Y.Doc(),
    options: PersistedDocOptions = {},
  ): Promise<PersistedDoc> {
    const log = await storage.open(name);
    const stored = await log.readAll();
    Y.transact(
      doc,
      () => {
        for (const update of stored) Y.applyUpdate(doc, update);
      },
      LOAD_ORIGIN,
      false,
    );
    const persisted = new PersistedDoc(
      doc,
      log,
      options.trimSize ?? PREFERRED_TRIM_SIZE,
      options.onError ?? (() => {}),
    );
    persisted.appendsSinceCompaction = stored.length;
    if (stored.length > 1) await persisted.compact();
    return persisted;
  }

  get name(): string {
    return this.log.name;
  }

  /**
   * Stores an update that has been (or is being) applied to the document. Resolves once it is
   * committed; a compaction due after it starts in the background and never delays the answer.
   */
  async persist(update: Uint8Array): Promise<void> {
    const appended = this.log.append(update);
    if (++this.appendsSinceCompaction >= this.trimSize && this.compacting === null) {
      this.compacting = this.compact()
        .catch(this.onError)
        .finally(() => {
          this.compacting = null;
        });
    }
    await appended;
  }

  /**
   * Rewrites the log as one update: the document's state plus anything stored that the document lacks
   * (nothing, while this hub is the only writer, but another writer's update is merged, never deleted).
   */
  async compact(): Promise<void> {
    this.appendsSinceCompaction = 0;
    await this.log.compact((stored) => {
      const state = Y.encodeStateAsUpdate(this.doc);
      const vector = Y.encodeStateVector(this.doc);
      return Y.mergeUpdates([state, ...stored.map((update) => Y.diffUpdate(update, vector))]);
    });
  }

  /** Waits for a compaction under way (tests and shutdown). */
  async settled(): Promise<void> {
    await this.compacting;
  }

  storedBytes(): Promise<number> {
    return this.log.storedBytes();
  }

  storedCount(): Promise<number> {
    return this.log.count();
  }

  close(): void {
    this.log.close();
  }
}
