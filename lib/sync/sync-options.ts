import type { LostOverwrite } from '../collab/overwrite-watch';
import type { HubDoc } from '../drafts/hub-doc';
import type { SyncSettings } from '../settings/sync-settings';
import { DEFAULT_WATCH_TIMING, type WatchTiming } from './connection-watch';
import type { PendingDocs } from './pending-docs';
import type { Peer } from './presence';
import type { PageSyncStatus } from './status';
import { DEFAULT_RETRY, type RetryTiming, type WebSocketClass } from './sync-socket';

/** What SyncManager is made with, what it announces, and its timings. */
export interface SyncHub {
  doc(name: string): Promise<HubDoc>;
  openDocNames(): string[];
}

export interface SyncTiming extends WatchTiming {
  /** How long seeding waits for the server's state before it seeds from what this device has. */
  readyTimeoutMs: number;
  /** A document no panel shows and with nothing waiting is let go after this long (the SW may sleep). */
  idleCloseMs: number;
  retry: RetryTiming;
}

export const DEFAULT_SYNC_TIMING: SyncTiming = {
  ...DEFAULT_WATCH_TIMING,
  readyTimeoutMs: 5000,
  idleCloseMs: 60_000,
  retry: DEFAULT_RETRY,
};

export interface SyncManagerOptions {
  hub: SyncHub;
  settings?: SyncSettings | null;
  /** The WebSocket class: the global one by default (Node tests pass `ws`). */
  WebSocketPolyfill?: WebSocketClass;
  /** navigator.onLine by default (undefined where unknown). */
  isOnline?: () => boolean | undefined;
  pending?: PendingDocs;
  timing?: Partial<SyncTiming>;
  now?: () => number;
  onProblem?: (problem: string) => void;
}

export interface SyncEvents {
  status: PageSyncStatus;
  presence: { doc: string; peers: Peer[] };
  lostOverwrite: { doc: string } & LostOverwrite;
}

/** navigator.onLine where there is one (the service worker has it, without events); else unknown. */
export const defaultOnline = (): boolean | undefined => {
  const online = (globalThis as { navigator?: { onLine?: unknown } }).navigator?.onLine;
  return typeof online === 'boolean' ? online : undefined;
};

/** A typed event emitter: each event name with its one payload type. */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (payload: Events[K]) => void)(payload);
  }

  clear(): void {
    this.listeners.clear();
  }
}
