import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../collab/base64';
import { type HubMessage, HubMessageSchema, parseMessage, type ReplicaMessage } from './messages';
import type { DraftPort } from './port';

/**
 * What the panel runs: a replica of one document, kept in step with the hub over a port. Local changes
 * are sent as they happen and counted until the hub acknowledges them as stored; remote changes are
 * applied as they come. After a reconnect (the service worker stopped and woke, or the panel lost its
 * port) the replica opens again with its state vector, receives what it lacks, and sends what the hub
 * lacks as one update, so nothing typed meanwhile is lost. Shaped like a Yjs provider: whenSynced,
 * on('status'), destroy().
 */
export interface ReplicaStatus {
  connected: boolean;
  /** The replica holds everything the hub had when it last answered `open` on this connection. */
  synced: boolean;
  /** Local changes not yet acknowledged as stored ("N changes waiting"). */
  unsaved: number;
  /** The hub's last complaint, until the next successful sync. */
  error: string | null;
}

type Listener = (status: ReplicaStatus) => void;

export class DraftReplica {
  readonly whenSynced: Promise<void>;
  private resolveSynced!: () => void;
  private port: DraftPort | null = null;
  private connection = 0;
  private seq = 0;
  /** Unacknowledged local updates: seq → the connection it was sent on (0: sent on none). */
  private readonly pending = new Map<number, number>();
  /** The seq of the update that carried everything the hub lacked on this connection. */
  private resyncSeq: number | null = null;
  private state: ReplicaStatus = { connected: false, synced: false, unsaved: 0, error: null };
  private readonly listeners = new Set<Listener>();
  private readonly fromHub = Symbol('from hub');

  constructor(
    readonly docName: string,
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    this.whenSynced = new Promise((resolve) => {
      this.resolveSynced = resolve;
    });
    doc.on('update', this.onLocalUpdate);
  }

  get status(): ReplicaStatus {
    return this.state;
  }

  on(_event: 'status', listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts (or restarts) talking to the hub over a fresh port. */
  connect(port: DraftPort): void {
    this.port?.disconnect();
    const connection = ++this.connection;
    this.port = port;
    this.resyncSeq = null;
    port.onMessage((raw) => {
      if (connection === this.connection) this.receive(raw);
    });
    port.onDisconnect(() => {
      if (connection !== this.connection) return;
      this.port = null;
      this.update({ connected: false, synced: false });
    });
    this.update({ connected: true, synced: false });
    this.post({ type: 'open', doc: this.docName, stateVector: bytesToBase64(Y.encodeStateVector(this.doc)) });
  }

  /** Asks the hub again for what either side lacks (after an error, say), on the same port. */
  resync(): void {
    if (!this.port) return;
    this.resyncSeq = null;
    this.update({ synced: false });
    this.post({ type: 'open', doc: this.docName, stateVector: bytesToBase64(Y.encodeStateVector(this.doc)) });
  }

  destroy(): void {
    if (this.port) {
      this.post({ type: 'close', doc: this.docName });
      this.port.disconnect();
    }
    this.port = null;
    this.connection++;
    this.doc.off('update', this.onLocalUpdate);
    this.listeners.clear();
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.fromHub) return;
    this.send(update);
  };

  private send(update: Uint8Array): number {
    const seq = ++this.seq;
    this.pending.set(seq, this.port ? this.connection : 0);
    this.post({ type: 'update', doc: this.docName, seq, update: bytesToBase64(update) });
    this.update({});
    return seq;
  }

  private post(message: ReplicaMessage): void {
    try {
      this.port?.postMessage(message);
    } catch {
      // A port whose other end is gone throws; its disconnect event follows and the resync covers it.
    }
  }

  private receive(raw: unknown): void {
    const parsed = parseMessage(HubMessageSchema, raw);
    if (!parsed.ok) {
      this.update({ error: parsed.reason });
      return;
    }
    const message: HubMessage = parsed.message;
    if (message.doc !== null && message.doc !== this.docName) return;
    try {
      if (message.type === 'sync') this.synced(message.update, message.stateVector);
      else if (message.type === 'update')
        Y.applyUpdate(this.doc, base64ToBytes(message.update), this.fromHub);
      else if (message.type === 'ack') this.acknowledged(message.seq);
      else this.update({ error: message.message });
    } catch (error) {
      this.update({ error: `A malformed change from the hub was refused: ${String(error)}` });
    }
  }

  private synced(update: string, stateVector: string): void {
    Y.applyUpdate(this.doc, base64ToBytes(update), this.fromHub);
    // Sent even when it carries nothing: its acknowledgement comes after every earlier write of the
    // hub has committed (IndexedDB commits in order), which is what clears changes sent on lost ports.
    this.resyncSeq = this.send(Y.encodeStateAsUpdate(this.doc, base64ToBytes(stateVector)));
    this.update({ synced: true, error: null });
    this.resolveSynced();
  }

  private acknowledged(seq: number): void {
    const coversEarlier = this.resyncSeq !== null && seq >= this.resyncSeq;
    for (const [pendingSeq, connection] of this.pending) {
      if (pendingSeq <= seq && (connection === this.connection || coversEarlier))
        this.pending.delete(pendingSeq);
    }
    this.update({});
  }

  private update(change: Partial<ReplicaStatus>): void {
    const next = { ...this.state, ...change, unsaved: this.pending.size };
    const same = (Object.keys(next) as (keyof ReplicaStatus)[]).every((key) => next[key] === this.state[key]);
    this.state = next;
    if (!same) for (const listener of this.listeners) listener(next);
  }
}
