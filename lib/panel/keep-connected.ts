import type { DraftPort } from '../drafts/port';
import type { DraftReplica } from '../drafts/replica';

/**
 * Keeps a replica attached to the hub. A Chrome service worker that stopped (idle, or updated) takes
 * its ports with it; connecting again starts it, and the replica's open-by-state-vector sends what the
 * hub lacks. So on every disconnect a new port is opened: at once the first time (other tabs' keystrokes
 * must keep arriving), then backing off while connecting keeps failing; a successful sync resets it.
 */
export interface KeepConnectedOptions {
  connect: () => DraftPort;
  /** Delays (ms) before the first, second, … retry in a row; the last repeats. */
  delays?: readonly number[];
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Told when opening a port throws (the extension was reloaded, say). */
  onConnectError?: (error: unknown) => void;
}

const DEFAULT_DELAYS = [0, 100, 500, 2000, 5000];

export function keepConnected(replica: DraftReplica, options: KeepConnectedOptions): () => void {
  const delays = options.delays ?? DEFAULT_DELAYS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let failures = 0;
  let timer: unknown = null;
  let stopped = false;

  const open = () => {
    timer = null;
    if (stopped) return;
    try {
      replica.connect(options.connect());
    } catch (error) {
      options.onConnectError?.(error);
      retry();
    }
  };
  const retry = () => {
    if (stopped || timer !== null) return;
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 0;
    failures++;
    timer = setTimer(open, delay);
  };
  const unsubscribe = replica.on('status', (status) => {
    if (status.synced) failures = 0;
    if (!status.connected) retry();
  });
  open();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== null) clearTimer(timer);
  };
}
