import { canWrite as roleCanWrite } from '../../server/protocol';
import { parseDocName } from '../collab/doc-names';
import { type SyncSettings, type SyncTarget, syncTarget } from '../settings/sync-settings';
import { serverAddress } from './doc-address';
import { PageEntry } from './page-entry';
import { PageSync } from './page-sync';
import type { Peer, PresenceFocus } from './presence';
import { type PageSyncStatus, syncState } from './status';
import {
  DEFAULT_SYNC_TIMING,
  defaultOnline,
  Emitter,
  type SyncEvents,
  type SyncManagerOptions,
  type SyncTiming,
} from './sync-options';
import { SyncSocket, type WebSocketClass } from './sync-socket';

export type { SyncEvents, SyncHub, SyncManagerOptions, SyncTiming } from './sync-options';
export { DEFAULT_SYNC_TIMING } from './sync-options';

/**
 * The background's sync layer: every open page document of the hub kept in step with the sync
 * server, over one shared socket, with a status per page, presence, lost-overwrite notices, and a
 * readiness promise that tells the seeding code when it may look at a document (DESIGN §3, §4).
 * lib/sync/README.md says how the background wires it.
 */
export class SyncManager {
  private target: SyncTarget;
  private socket: SyncSocket | null = null;
  private readonly entries = new Map<string, PageEntry>();
  private readonly events = new Emitter<SyncEvents>();
  private readonly timing: SyncTiming;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushQueued = false;
  private destroyed = false;

  constructor(private readonly options: SyncManagerOptions) {
    this.target = syncTarget(options.settings ?? null);
    this.timing = { ...DEFAULT_SYNC_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
    this.startTicking();
  }

  on<K extends keyof SyncEvents>(event: K, listener: (payload: SyncEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** New options (Save on the options page): every open document reconnects with them. */
  configure(settings: SyncSettings | null): void {
    const target = syncTarget(settings);
    // The same server, token and presence: nothing to reconnect (the options page saved unchanged).
    if (JSON.stringify(target) === JSON.stringify(this.target)) return;
    const names = [...this.entries.keys()];
    const focus = new Map([...this.entries].map(([name, entry]) => [name, entry.focus]));
    this.closeAll();
    this.target = target;
    this.startTicking();
    for (const name of names) {
      void this.open(name);
      const entry = this.entries.get(name);
      const board = focus.get(name);
      if (entry && board) entry.focus = board;
    }
    this.changed();
  }

  /**
   * Starts syncing a document (idempotent) and resolves when it may be seeded: the server's state
   * is in the hub document, or it will not come soon (offline, refused, no server, readyTimeoutMs).
   */
  open(localName: string): Promise<void> {
    const existing = this.entries.get(localName);
    if (existing) return existing.ready;
    if (this.destroyed) return Promise.reject(new Error('The sync manager was stopped.'));
    const entry = new PageEntry(localName, this.now());
    this.entries.set(localName, entry);
    entry.ready = this.attach(entry);
    this.changed();
    return entry.ready;
  }

  /** Stops syncing a document (it stays in the hub and on this device). */
  close(localName: string): void {
    const entry = this.entries.get(localName);
    if (!entry) return;
    this.closeEntry(entry);
    this.stopWhenIdle();
  }

  /** Opens every document that still had changes waiting when the service worker last stopped. */
  async resume(): Promise<void> {
    const names = (await this.options.pending?.list()) ?? [];
    await Promise.all(
      names.map((name) => {
        const opened = this.open(name).catch(() => undefined);
        const entry = this.entries.get(name);
        // Pending already: it is cleared once the document is synced.
        entry?.markPending();
        return opened;
      }),
    );
  }

  status(localName: string): PageSyncStatus {
    const entry = this.entries.get(localName);
    const page = entry?.page ?? null;
    const watch = this.socket?.watch;
    const waiting = page?.waiting ?? 0;
    const { state, text } = syncState({
      local: this.target.kind === 'none',
      settingsProblem: this.target.kind === 'problem' ? this.target.message : (entry?.problem ?? null),
      refusal: page?.refusal ?? null,
      phase: watch?.phase ?? 'connecting',
      socketProblem: watch?.problem ?? null,
      inStep: page?.inStep ?? false,
      waiting,
    });
    return { doc: localName, state, text, waiting, canWrite: this.canWrite(localName) };
  }

  /** Whether a sync server is configured (with settings that can be used). */
  get hasServer(): boolean {
    return this.target.kind === 'server';
  }

  /** Whether local edits of this document may be made (the panel shows it read-only otherwise). */
  canWrite(localName: string): boolean {
    const page = this.entries.get(localName)?.page;
    if (page) return page.canWrite;
    if (this.target.kind !== 'server') return true;
    const kind = parseDocName(localName)?.kind;
    return kind === undefined || roleCanWrite(this.target.claims.role, kind);
  }

  /** The documents being synced now (each with its provider on the shared socket). */
  openDocs(): string[] {
    return [...this.entries.values()].filter((entry) => entry.page !== null).map((entry) => entry.localName);
  }

  /** Who else is on this page, and where. */
  peers(localName: string): Peer[] {
    return this.entries.get(localName)?.page?.peers() ?? [];
  }

  /** A panel (`source`: any id unique per panel) reports where its caret is, or null when it left. */
  setFocus(localName: string, source: string, focus: PresenceFocus | null): void {
    const entry = this.entries.get(localName);
    if (!entry) return;
    entry.focus.set(source, focus);
    this.publishPresence(entry);
  }

  /** Stops everything (before the hub closes its documents). */
  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closeAll();
    this.events.clear();
  }

  private async attach(entry: PageEntry): Promise<void> {
    const hubDoc = await this.options.hub.doc(entry.localName);
    const target = this.target;
    if (entry.closed || target.kind !== 'server') return;
    const address = serverAddress(entry.localName, target.claims.space);
    if (!address.ok) {
      entry.problem = address.reason;
      this.changed();
      return;
    }
    const socket = this.ensureSocket(target);
    entry.page = new PageSync({
      localName: entry.localName,
      serverName: address.name,
      hubDoc,
      socket,
      token: () => (this.target.kind === 'server' ? this.target.token : ''),
      presence: this.presenceOf(entry, target),
      claimedCanWrite: roleCanWrite(target.claims.role, address.kind),
      onChange: () => this.changed(),
      onPeers: (peers) => this.events.emit('presence', { doc: entry.localName, peers }),
      onLostOverwrite: (lost) => this.events.emit('lostOverwrite', { doc: entry.localName, ...lost }),
      onProblem: (problem) => this.problem(problem),
    });
    this.changed();
    await entry.page.whenReady;
  }

  private ensureSocket(target: Extract<SyncTarget, { kind: 'server' }>): SyncSocket {
    if (this.socket) return this.socket;
    const Base = this.options.WebSocketPolyfill ?? (globalThis.WebSocket as unknown as WebSocketClass);
    this.socket = new SyncSocket({
      url: target.url,
      WebSocketPolyfill: Base,
      watch: this.timing,
      retry: this.timing.retry,
      isOnline: this.options.isOnline ?? defaultOnline,
      now: this.now,
      probe: () => [...this.entries.values()].some((entry) => entry.page?.probe() ?? false),
      onChange: () => this.changed(),
    });
    return this.socket;
  }

  private presenceOf(entry: PageEntry, target: Extract<SyncTarget, { kind: 'server' }>) {
    const focus = entry.focus.current();
    return {
      name: target.displayName,
      colour: target.colour,
      entryId: focus?.entryId ?? null,
      field: focus?.field ?? null,
    };
  }

  private publishPresence(entry: PageEntry): void {
    if (entry.page && this.target.kind === 'server') entry.page.publish(this.presenceOf(entry, this.target));
  }

  /** Something changed somewhere: statuses are recomputed once, after the current turn's work. */
  private changed(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    const phase = this.socket?.watch.phase;
    for (const entry of this.entries.values()) {
      const page = entry.page;
      if (page && (phase === 'offline' || phase === 'unreachable')) page.markReady();
      if (page?.inStep) this.socket?.watch.clearProblem();
      const status = this.status(entry.localName);
      if (this.options.pending)
        entry.trackPending(status, this.options.pending, (problem) => this.problem(problem));
      const text = JSON.stringify(status);
      if (text === entry.lastStatus) continue;
      entry.lastStatus = text;
      this.events.emit('status', status);
    }
  }

  /** Readiness deadlines, documents panels reached on their own, documents nobody shows. */
  private tick(): void {
    const now = this.now();
    for (const entry of [...this.entries.values()]) {
      const page = entry.page;
      if (!page) continue;
      if (!page.isReady && now - entry.openedAt > this.timing.readyTimeoutMs) page.markReady();
      if (entry.idleFor(now, this.status(entry.localName)) > this.timing.idleCloseMs) this.closeEntry(entry);
    }
    this.attachPanelDocs();
    this.stopWhenIdle();
  }

  /** A panel may reach a document without asking the background first (its port reconnects). */
  private attachPanelDocs(): void {
    for (const name of this.options.hub.openDocNames()) {
      if (this.entries.has(name) || parseDocName(name) === null) continue;
      this.options.hub.doc(name).then(
        (hubDoc) => {
          if (hubDoc.subscribers.size > 0 && !this.destroyed && this.target.kind === 'server')
            void this.open(name);
        },
        () => undefined,
      );
    }
  }

  private closeEntry(entry: PageEntry): void {
    entry.close();
    this.entries.delete(entry.localName);
  }

  /** With no document left to sync, the socket goes too: nothing keeps the service worker awake. */
  private stopWhenIdle(): void {
    if ([...this.entries.values()].some((entry) => entry.page !== null)) return;
    this.stopSocket();
  }

  /** While a server is configured: a cheap look every tickMs (a timer does not keep a worker awake). */
  private startTicking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer =
      this.target.kind === 'server' && !this.destroyed
        ? setInterval(() => this.tick(), this.timing.tickMs)
        : null;
  }

  private stopSocket(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private closeAll(): void {
    for (const entry of [...this.entries.values()]) this.closeEntry(entry);
    this.stopSocket();
  }

  private problem(problem: string): void {
    (this.options.onProblem ?? ((text: string) => console.warn('Project Desk sync:', text)))(problem);
  }
}
