import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../collab/base64';
import { parseDocName } from '../collab/doc-names';
import type { HubDoc, Subscriber } from './hub-doc';
import { type HubMessage, parseMessage, type ReplicaMessage, ReplicaMessageSchema } from './messages';
import type { DraftPort } from './port';

/** What a session needs of the hub: the one shared HubDoc per name, opened on first use. */
export interface DocSource {
  doc(name: string): Promise<HubDoc>;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One replica's connection to the hub. Messages are handled in the order they arrive: each waits on
 * its document's one shared opening promise, and callbacks on one promise run in the order they were
 * added. A malformed message gets an error answer and changes nothing; the port stays open.
 */
export class ReplicaSession implements Subscriber {
  private readonly names = new Set<string>();
  private ended = false;

  constructor(
    private readonly hub: DocSource,
    private readonly port: DraftPort,
  ) {
    port.onMessage((raw) => this.receive(raw));
    port.onDisconnect(() => this.end());
  }

  send(message: HubMessage): void {
    if (this.ended) return;
    try {
      this.port.postMessage(message);
    } catch {
      this.end();
    }
  }

  /** Detaches from every document: the port went away, or (disconnecting it) the hub is closing. */
  end(disconnect = false): void {
    if (this.ended) return;
    this.ended = true;
    if (disconnect) this.port.disconnect();
    for (const name of this.names) void this.hub.doc(name).then((doc) => doc.subscribers.delete(this));
    this.names.clear();
  }

  private fail(doc: string | null, seq: number | null, message: string): void {
    this.send({ type: 'error', doc, seq, message });
  }

  private receive(raw: unknown): void {
    if (this.ended) return;
    const parsed = parseMessage(ReplicaMessageSchema, raw);
    if (!parsed.ok) {
      this.fail(null, null, parsed.reason);
      return;
    }
    const message = parsed.message;
    if (parseDocName(message.doc) === null) {
      this.fail(message.doc, null, `Refused: "${message.doc}" is not a Project Desk document.`);
      return;
    }
    this.hub.doc(message.doc).then(
      (doc) => this.handle(doc, message),
      (error: unknown) => this.fail(message.doc, null, `The draft could not be opened: ${reasonOf(error)}`),
    );
  }

  private handle(doc: HubDoc, message: ReplicaMessage): void {
    if (this.ended) return;
    switch (message.type) {
      case 'open':
        this.open(doc, message.stateVector);
        break;
      case 'update':
        this.update(doc, message.seq, message.update);
        break;
      case 'close':
        doc.subscribers.delete(this);
        this.names.delete(doc.name);
        break;
    }
  }

  private open(doc: HubDoc, stateVector: string): void {
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(doc.doc, base64ToBytes(stateVector));
    } catch (error) {
      this.fail(doc.name, null, `Malformed state vector: ${reasonOf(error)}`);
      return;
    }
    doc.subscribers.add(this);
    this.names.add(doc.name);
    this.send({
      type: 'sync',
      doc: doc.name,
      update: bytesToBase64(update),
      stateVector: bytesToBase64(Y.encodeStateVector(doc.doc)),
    });
  }

  private update(doc: HubDoc, seq: number, update: string): void {
    if (!this.names.has(doc.name)) {
      this.fail(doc.name, seq, 'Open the document before sending updates.');
      return;
    }
    let stored: Promise<unknown>;
    try {
      stored = doc.receive(base64ToBytes(update), this);
    } catch (error) {
      this.fail(doc.name, seq, `Refused an update that is not a Yjs update: ${reasonOf(error)}`);
      return;
    }
    stored.then(
      () => this.send({ type: 'ack', doc: doc.name, seq }),
      (error: unknown) => this.fail(doc.name, seq, `The change could not be saved: ${reasonOf(error)}`),
    );
  }
}
