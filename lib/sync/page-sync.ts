import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { parseServerNotice, refusalMessage } from '../../server/protocol';
import { base64ToBytes } from '../collab/base64';
import { type LostOverwrite, watchLostOverwrites } from '../collab/overwrite-watch';
import { attachStateVectorCatchUp, type CatchUp } from '../collab/sync-catchup';
import type { HubDoc, Subscriber } from '../drafts/hub-doc';
import type { HubMessage } from '../drafts/messages';
import { type LocalPresence, type Peer, readPeers } from './presence';
import type { SyncSocket } from './sync-socket';
import { WaitingLedger } from './waiting-ledger';

/**
 * One page document kept in step with the sync server: the provider's side of a hub document.
 *
 * It joins the hub document as one more subscriber, like a panel's replica does, with a Y.Doc of its
 * own (the mirror) that the provider syncs:
 *
 *   hub → mirror  every update the hub fans out (typing in any panel, the background's own edits,
 *                 seeds); applied as a local transaction, so the provider sends it and
 *                 watchLostOverwrites counts it as ours;
 *   mirror → hub  every update the provider applies from the server, through HubDoc.receive: stored
 *                 in IndexedDB and sent on to every panel, as a replica's update is.
 *
 * A mirror of its own (rather than the provider on the hub's Y.Doc) keeps the hub's rule that every
 * change arrives through receive or edit, and gives the overwrite watch the one notion of "ours" that
 * matters here: this device's, against the server's.
 */
const FROM_HUB = Symbol('project-desk sync: from the hub');

export interface PageSyncOptions {
  localName: string;
  serverName: string;
  hubDoc: HubDoc;
  socket: SyncSocket;
  token: () => string;
  presence: LocalPresence;
  /** From the token's (unverified) role, until the server says which scope it granted. */
  claimedCanWrite: boolean;
  onChange: () => void;
  onPeers: (peers: Peer[]) => void;
  onLostOverwrite: (lost: LostOverwrite) => void;
  onProblem: (problem: string) => void;
}

export class PageSync implements Subscriber {
  readonly mirror = new Y.Doc();
  readonly provider: HocuspocusProvider;
  readonly ledger = new WaitingLedger();
  /** Resolves once seeding may look at the document: the server's state is in, or it will not come. */
  readonly whenReady: Promise<void>;
  private resolveReady!: () => void;
  private ready = false;
  private authRefusal: string | null = null;
  private writeRefusal: string | null = null;
  private scope: string | null = null;
  private readonly catchUp: CatchUp;
  private readonly stopWatchingOverwrites: () => void;
  private readonly unroute: () => void;

  constructor(private readonly options: PageSyncOptions) {
    this.whenReady = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
    const { hubDoc, socket } = options;
    Y.applyUpdate(this.mirror, Y.encodeStateAsUpdate(hubDoc.doc));
    this.mirror.on('update', this.onMirrorUpdate);
    hubDoc.subscribers.add(this);
    this.stopWatchingOverwrites = watchLostOverwrites(this.mirror, options.onLostOverwrite);

    this.provider = new HocuspocusProvider({
      websocketProvider: socket.provider,
      name: options.serverName,
      document: this.mirror,
      token: () => this.options.token(),
    });
    this.provider.awareness?.setLocalState(options.presence);
    this.listen();
    this.catchUp = attachStateVectorCatchUp(this.provider);
    this.unroute = socket.route(options.serverName, {
      sent: (frame) => {
        this.ledger.sent(frame);
        options.onChange();
      },
      received: (frame) => {
        if (this.ledger.received(frame)) options.onChange();
      },
    });
    this.provider.attach();
  }

  get localName(): string {
    return this.options.localName;
  }

  /** What the server refused (the token for this document, or a write to it), in words. */
  get refusal(): string | null {
    return this.authRefusal ?? this.writeRefusal;
  }

  /** Authenticated, holding the server's state, and our own handshake acknowledged. */
  get inStep(): boolean {
    return this.provider.isAuthenticated && this.provider.synced && this.ledger.handshakeDone;
  }

  get waiting(): number {
    return this.ledger.waiting;
  }

  get canWrite(): boolean {
    return this.scope === null ? this.options.claimedCanWrite : this.scope === 'read-write';
  }

  /** Panels (replicas) attached to the hub document besides this one. */
  get replicaCount(): number {
    return [...this.options.hubDoc.subscribers].filter((subscriber) => subscriber !== this).length;
  }

  /** Subscriber: an update the hub fans out. */
  send(message: HubMessage): void {
    if (message.type !== 'update') return;
    const update = base64ToBytes(message.update);
    this.mirror.transact((transaction) => {
      Y.applyUpdate(this.mirror, update, FROM_HUB);
      // applyUpdate marks its transaction remote; this change is this device's own, and the overwrite
      // watch (which reads the flag once the transaction ends) must count it as ours.
      transaction.local = true;
    }, FROM_HUB);
  }

  markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.resolveReady();
  }

  get isReady(): boolean {
    return this.ready;
  }

  publish(presence: LocalPresence): void {
    this.provider.awareness?.setLocalState(presence);
  }

  /** Renews our awareness state, which the server echoes: an answer the connection watch waits for. */
  probe(): boolean {
    const awareness = this.provider.awareness;
    if (!this.provider.isAuthenticated || !awareness || awareness.getLocalState() === null) return false;
    awareness.setLocalState(awareness.getLocalState());
    return true;
  }

  peers(): Peer[] {
    const awareness = this.provider.awareness;
    return awareness ? readPeers(awareness.getStates(), awareness.clientID) : [];
  }

  destroy(): void {
    this.unroute();
    this.stopWatchingOverwrites();
    this.options.hubDoc.subscribers.delete(this);
    this.mirror.off('update', this.onMirrorUpdate);
    this.catchUp.destroy();
    // Say we left while the provider is still attached to the shared socket: its own destroy may detach
    // first, and peers would then see us only when our presence times out (30 s).
    this.provider.awareness?.setLocalState(null);
    this.provider.destroy();
    this.mirror.destroy();
    this.markReady();
  }

  private readonly onMirrorUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_HUB) {
      // A connected socket carries it now (the ledger sees the frame); otherwise it waits for the
      // next handshake (attachStateVectorCatchUp holds it back).
      if (!this.options.socket.connected) {
        this.ledger.changedOffline();
        this.options.onChange();
      }
      return;
    }
    this.options.hubDoc
      .receive(update, this)
      .catch((error: unknown) =>
        this.options.onProblem(`A change from the sync server could not be saved: ${String(error)}`),
      );
  };

  private listen(): void {
    const { provider, options } = this;
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      this.scope = scope;
      this.authRefusal = null;
      options.onChange();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      this.authRefusal = refusalMessage(reason);
      this.markReady();
      options.onChange();
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      const notice = parseServerNotice(payload);
      if (!notice || notice.document !== options.serverName) return;
      this.writeRefusal = notice.message;
      if (notice.code === 'read-only') this.scope = 'readonly';
      options.onChange();
    });
    provider.on('synced', () => {
      this.markReady();
      options.onChange();
    });
    provider.on('close', () => {
      this.ledger.disconnected();
      options.onChange();
    });
    provider.on('status', () => options.onChange());
    provider.on('awarenessChange', () => options.onPeers(this.peers()));
  }
}
