import type * as Y from 'yjs';

/**
 * Catch-up by state vector for a HocuspocusProvider.
 *
 * Left alone, the provider queues one message per local change while it is offline and replays them all
 * on reconnect, and then the sync handshake sends the same changes again as the diff against the
 * server's state vector: 3.3× the minimal update was measured here (and a queue of over 1,000 messages
 * can even be cut off by the server's limit on frames sent before authentication). The handshake alone
 * is enough: Yjs's step 2 is exactly the minimal diff. So while the socket is not connected, this stops
 * the provider from sending (or queueing) local updates; they stay in the document (and its IndexedDB),
 * and the next handshake carries them in one message.
 *
 * It also counts the changes made meanwhile, for the "N changes waiting" status: the count returns to 0
 * once the server has acknowledged the handshake's step 2 (the provider's `unsyncedChanges` is 0 again),
 * which, with our server, means they are stored.
 */

/** What this needs of a HocuspocusProvider (structural, so lib/ does not depend on the provider's package). */
export interface CatchUpProvider {
  readonly document: Y.Doc;
  readonly unsyncedChanges: number;
  boundDocumentUpdateHandler(update: Uint8Array, origin: unknown): void;
  // biome-ignore lint/suspicious/noExplicitAny: the provider's own listener type is `Function`
  on(event: string, listener: (...args: any[]) => void): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  off(event: string, listener: (...args: any[]) => void): unknown;
  readonly configuration: { readonly websocketProvider: { readonly status: string } };
}

export interface CatchUp {
  /** Local changes made while offline that the server has not acknowledged yet. */
  readonly waiting: number;
  /** Calls `listener` whenever `waiting` changes; returns the unsubscribe function. */
  onWaitingChange(listener: (waiting: number) => void): () => void;
  /** Gives the provider its own update handler back. */
  destroy(): void;
}

const CONNECTED = 'connected';

export function attachStateVectorCatchUp(provider: CatchUpProvider): CatchUp {
  const doc = provider.document;
  const listeners = new Set<(waiting: number) => void>();
  let waiting = 0;
  let detached = false;

  const setWaiting = (value: number) => {
    if (value === waiting) return;
    waiting = value;
    for (const listener of listeners) listener(waiting);
  };
  const countLocal = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) setWaiting(waiting + 1);
  };
  const detach = () => {
    if (detached) return;
    detached = true;
    doc.off('update', provider.boundDocumentUpdateHandler);
    doc.on('update', countLocal);
  };
  const reattach = () => {
    if (!detached) return;
    detached = false;
    doc.off('update', countLocal);
    doc.on('update', provider.boundDocumentUpdateHandler);
  };
  // 'connected' comes with the server's first message, before its sync step 1 that our step 2 answers:
  // from here on live updates are sent again, and everything before is in that step 2.
  const onStatus = ({ status }: { status: string }) => (status === CONNECTED ? reattach() : detach());
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0 && !detached) setWaiting(0);
  };

  const destroy = () => {
    provider.off('status', onStatus);
    provider.off('unsyncedChanges', onUnsynced);
    provider.off('destroy', destroy);
    reattach();
    listeners.clear();
  };

  provider.on('status', onStatus);
  provider.on('unsyncedChanges', onUnsynced);
  provider.on('destroy', destroy);
  if (provider.configuration.websocketProvider.status !== CONNECTED) detach();

  return {
    get waiting() {
      return waiting;
    },
    onWaitingChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy,
  };
}
