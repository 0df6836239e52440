import type { DraftPort } from '../../../lib/drafts/port';

/**
 * Two connected in-memory ports that behave like a chrome.runtime Port pair: messages go through JSON
 * (as Chrome serialises them), arrive asynchronously and in order; disconnect() on one side fires
 * onDisconnect on the other side only. `cut()` ends both, as a stopped service worker does.
 */
export interface PortPair {
  replica: DraftPort;
  hub: DraftPort;
  /** Ends the connection on both sides; messages in flight are lost. */
  cut(): void;
  /** Characters sent in each direction (JSON text), for measuring. */
  traffic: { toHub: number; toReplica: number };
}

class End implements DraftPort {
  other: End | null = null;
  closed = false;
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];

  constructor(private readonly count: (chars: number) => void) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    const text = JSON.stringify(message);
    this.count(text.length);
    const target = this.other;
    setImmediate(() => {
      if (!target || target.closed || this.closed) return;
      for (const listener of target.messageListeners) listener(JSON.parse(text));
    });
  }

  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }

  onDisconnect(listener: () => void): void {
    this.disconnectListeners.push(listener);
  }

  disconnect(): void {
    if (this.closed) return;
    this.closed = true;
    const other = this.other;
    if (other && !other.closed) {
      other.closed = true;
      setImmediate(() => {
        for (const listener of other.disconnectListeners) listener();
      });
    }
  }

  /** Closed from outside: this side hears about it. */
  lose(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => {
      for (const listener of this.disconnectListeners) listener();
    });
  }
}

export function portPair(): PortPair {
  const traffic = { toHub: 0, toReplica: 0 };
  const replica = new End((chars) => {
    traffic.toHub += chars;
  });
  const hub = new End((chars) => {
    traffic.toReplica += chars;
  });
  replica.other = hub;
  hub.other = replica;
  return {
    replica,
    hub,
    traffic,
    cut: () => {
      replica.lose();
      hub.lose();
    },
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Waits, turn by turn (never by the clock), until `check` holds; fails after `turns` turns with `what`.
 * Messages and fake-indexeddb's work both run on setImmediate turns.
 */
export async function eventually(what: string, check: () => boolean, turns = 50_000): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    if (check()) return;
    await nextTurn();
  }
  throw new Error(`Never happened: ${what}`);
}

/** Lets queued messages and the work they start run for a number of turns. */
export async function settle(turns = 200): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await nextTurn();
}
