import { type FrameHead, MessageType, SyncStep } from './wire';

/**
 * "N changes waiting": how many local changes of one document the server has not yet acknowledged as
 * stored (docs/sync-server.md, "stored": an acknowledged update is on the server's disk).
 *
 * The provider's own `unsyncedChanges` is not that number: every (re)connect resets it to 1, so
 * changes sent into a socket that then stalled are forgotten, and changes made offline are not in it.
 * So the ledger follows the frames themselves. The server answers every update and every sync step 2
 * a connection sends with one sync-status frame, in the order it received them (Hocuspocus handles a
 * connection's messages one at a time). The ledger keeps a queue of what each answer will settle:
 *
 * - a change made while the socket is not connected waits (`offline`); attachStateVectorCatchUp keeps
 *   the provider from sending it, and the next handshake's step 2 carries them all at once;
 * - our step 2 settles everything that waited when it was sent;
 * - a live update settles one change;
 * - a connection that ends puts whatever it had not had answered back to waiting;
 * - a refused write (a read-only connection answers "not applied") stays waiting too.
 */
export class WaitingLedger {
  private offline = 0;
  private readonly inFlight: { weight: number; handshake: boolean }[] = [];
  private handshakeAnswered = false;
  private refusals = 0;

  /** Local changes the server has not acknowledged. */
  get waiting(): number {
    return this.offline + this.inFlight.reduce((sum, entry) => sum + entry.weight, 0);
  }

  /** Whether this connection's handshake (our step 2) has been acknowledged. */
  get handshakeDone(): boolean {
    return this.handshakeAnswered;
  }

  /** Writes the server refused on this document since the ledger was made. */
  get refused(): number {
    return this.refusals;
  }

  /** A local change while the socket is not connected (a connected socket sends it: see `sent`). */
  changedOffline(): void {
    this.offline += 1;
  }

  /** A frame for this document went out on the socket. */
  sent(frame: FrameHead): void {
    if (frame.type !== MessageType.sync) return;
    if (frame.syncStep === SyncStep.step2) {
      this.inFlight.push({ weight: this.offline, handshake: true });
      this.offline = 0;
    } else if (frame.syncStep === SyncStep.update) {
      this.inFlight.push({ weight: 1, handshake: false });
    }
  }

  /** A frame for this document came in; returns whether it settled anything. */
  received(frame: FrameHead): boolean {
    if (frame.type !== MessageType.syncStatus) return false;
    const settled = this.inFlight.shift();
    if (!settled) return false;
    if (settled.handshake) this.handshakeAnswered = true;
    if (!frame.applied) {
      this.refusals += 1;
      this.offline += settled.weight;
    }
    return true;
  }

  /** The socket closed: nothing in flight will be answered, so all of it waits again. */
  disconnected(): void {
    this.offline = this.waiting;
    this.inFlight.length = 0;
    this.handshakeAnswered = false;
  }
}
