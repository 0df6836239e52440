import type {
  afterHandleMessagePayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  Document,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { frameOf, isEmptyUpdate } from '../frame';
import type { Logger } from '../log';
import { parseDocumentName } from '../protocol';
import type { DocumentStore } from '../store/types';

/**
 * Keeps documents in a DocumentStore.
 *
 * "Stored" means: written to the store before the server acknowledged it. Every update a client sends
 * to a writable connection is appended in beforeHandleMessage, which Hocuspocus awaits before it
 * applies the update and answers with its sync-status acknowledgement. A client that got the
 * acknowledgement (HocuspocusProvider: `unsyncedChanges` back to 0, `synced`) has its change on disk,
 * whenever the server dies after that. The debounced onStoreDocument compacts: it writes the whole state
 * and drops the appended updates already in it, so loading stays one state plus a short tail.
 */
export class PersistenceExtension implements Extension {
  extensionName = 'project-desk-persistence';
  priority = 50;

  /** Appended updates not yet applied, per document: compaction must keep them. */
  private readonly unapplied = new Map<string, Set<number>>();
  /** The highest sequence number known to be in the in-memory document, per document. */
  private readonly highest = new Map<string, number>();
  private readonly appended = new WeakMap<Uint8Array, number>();
  /** One compaction at a time per document, so an older state never overwrites a newer one. */
  private readonly compactions = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const stored = await this.store.load(documentName);
    this.highest.set(documentName, stored?.lastSequence ?? 0);
    if (!stored) return;
    Y.applyUpdate(document, Y.mergeUpdates(stored.chunks));
    this.logger.debug('document.loaded', { document: documentName, chunks: stored.chunks.length });
    if (stored.chunks.length > 1) void this.compact(documentName, document);
  }

  async beforeHandleMessage({ connection, documentName, update }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly || this.closed) return;
    const frame = frameOf(update);
    if (frame?.type !== 'sync' || frame.step === 'state-vector' || isEmptyUpdate(frame.payload)) return;
    const space = parseDocumentName(documentName)?.space ?? '';
    const sequence = await this.store.append(documentName, space, frame.payload);
    this.appended.set(update, sequence);
    this.unappliedOf(documentName).add(sequence);
  }

  async afterHandleMessage({ documentName, update }: afterHandleMessagePayload): Promise<void> {
    const sequence = this.appended.get(update);
    if (sequence === undefined) return;
    this.appended.delete(update);
    this.unappliedOf(documentName).delete(sequence);
    this.highest.set(documentName, Math.max(this.highest.get(documentName) ?? 0, sequence));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.compact(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    await this.compactions.get(documentName);
    this.unapplied.delete(documentName);
    this.highest.delete(documentName);
    this.compactions.delete(documentName);
  }

  /** Compacts every document in memory (graceful shutdown), then refuses further writes. */
  async flushAll(documents: Map<string, Document>): Promise<void> {
    await Promise.all([...documents].map(([name, document]) => this.compact(name, document)));
    this.closed = true;
    await Promise.all(this.compactions.values());
  }

  private unappliedOf(name: string): Set<number> {
    let set = this.unapplied.get(name);
    if (!set) {
      set = new Set();
      this.unapplied.set(name, set);
    }
    return set;
  }

  private compact(name: string, document: Y.Doc): Promise<void> {
    const run = async () => {
      if (this.closed) return;
      const waiting = this.unapplied.get(name);
      // State and bound are taken in the same turn: every update numbered upTo or less is in `state`.
      const upTo = waiting?.size ? Math.min(...waiting) - 1 : (this.highest.get(name) ?? 0);
      const state = Y.encodeStateAsUpdate(document);
      const started = performance.now();
      await this.store.compact(name, parseDocumentName(name)?.space ?? '', state, upTo);
      this.logger.debug('document.stored', {
        document: name,
        bytes: state.length,
        ms: Math.round((performance.now() - started) * 100) / 100,
      });
    };
    const next = (this.compactions.get(name) ?? Promise.resolve()).then(run, run);
    this.compactions.set(name, next);
    return next;
  }
}
