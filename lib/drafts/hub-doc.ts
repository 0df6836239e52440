import * as Y from 'yjs';
import { bytesToBase64 } from '../collab/base64';
import type { SiteProfile } from '../model/profile';
import type { DocStorage } from '../store/doc-storage';
import type { DraftIndex } from '../store/draft-index';
import { PersistedDoc } from '../store/persisted-doc';
import { DraftIndexer, type IndexProblem, type IndexReason } from './draft-indexer';
import type { HubMessage } from './messages';

/**
 * One page document as the hub holds it: loaded once, shared by every replica attached to it. An
 * update from a replica is applied, sent on to the other replicas at once, and stored; "stored" (what
 * the hub acknowledges) means its IndexedDB transaction has committed, and the drafts index records
 * it changed are written too.
 */
export interface Subscriber {
  send(message: HubMessage): void;
}

/** Origins of the hub's own changes: an edit from the dashboard or background, and an import. */
export const HUB_EDIT_ORIGIN = Symbol('project-desk hub edit');
export const IMPORT_ORIGIN = Symbol('project-desk import');

/** The origin of an update that came from a replica (already stored and sent on by `receive`). */
class FromReplica {
  constructor(readonly subscriber: Subscriber) {}
}

export interface HubDocOptions {
  storage: DocStorage;
  index: DraftIndex | null;
  profileFor: (wiki: string) => SiteProfile;
  now: () => number;
  trimSize: number | undefined;
  touchInterval: number;
  onProblem: (problem: IndexProblem) => void;
}

export class HubDoc {
  readonly subscribers = new Set<Subscriber>();
  private ownWrites: Promise<unknown>[] = [];

  private constructor(
    private readonly persisted: PersistedDoc,
    private readonly indexer: DraftIndexer | null,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin instanceof FromReplica) return;
      const reason: IndexReason = origin === IMPORT_ORIGIN ? 'import' : 'edit';
      this.fanOut(update, null);
      this.ownWrites.push(this.persisted.persist(update), this.index(reason));
    });
  }

  static async open(name: string, options: HubDocOptions): Promise<HubDoc> {
    const persisted = await PersistedDoc.open(options.storage, name, new Y.Doc(), {
      trimSize: options.trimSize,
      onError: (error) =>
        options.onProblem({ docName: name, entryId: null, reason: `compaction: ${String(error)}` }),
    });
    const indexer = options.index
      ? new DraftIndexer(name, persisted.doc, {
          index: options.index,
          profileFor: options.profileFor,
          now: options.now,
          touchInterval: options.touchInterval,
          onProblem: options.onProblem,
        })
      : null;
    indexer?.markAll();
    await indexer?.flush('reconcile');
    return new HubDoc(persisted, indexer);
  }

  get name(): string {
    return this.persisted.name;
  }

  get doc(): Y.Doc {
    return this.persisted.doc;
  }

  /**
   * Applies a replica's update (throws, storing nothing, when it is not a Yjs update), sends it on to
   * the other replicas, and resolves once it is stored. The bytes are stored as received, so an update
   * that still waits for one it depends on is kept too.
   */
  receive(update: Uint8Array, from: Subscriber): Promise<unknown> {
    Y.applyUpdate(this.doc, update, new FromReplica(from));
    this.fanOut(update, from);
    return Promise.all([this.persisted.persist(update), this.index('edit')]);
  }

  /** A change made by the hub itself (dashboard, background), stored before this resolves. */
  async edit(change: (doc: Y.Doc) => void, origin: symbol = HUB_EDIT_ORIGIN): Promise<void> {
    this.doc.transact(() => change(this.doc), origin);
    await Promise.all(this.ownWrites.splice(0));
  }

  /** Merges a state from elsewhere (an imported file); applying one twice changes nothing. */
  async merge(update: Uint8Array): Promise<void> {
    Y.applyUpdate(this.doc, update, IMPORT_ORIGIN);
    await Promise.all(this.ownWrites.splice(0));
  }

  storedBytes(): Promise<number> {
    return this.persisted.storedBytes();
  }

  async close(): Promise<void> {
    this.indexer?.stop();
    await this.persisted.settled();
    this.persisted.close();
    this.doc.destroy();
  }

  private fanOut(update: Uint8Array, except: Subscriber | null): void {
    const others = [...this.subscribers].filter((subscriber) => subscriber !== except);
    if (others.length === 0) return;
    const message: HubMessage = { type: 'update', doc: this.name, update: bytesToBase64(update) };
    for (const subscriber of others) subscriber.send(message);
  }

  private index(reason: IndexReason): Promise<void> {
    return this.indexer ? this.indexer.flush(reason) : Promise.resolve();
  }
}
