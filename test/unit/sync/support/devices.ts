import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DraftHub } from '../../../../lib/drafts/hub';
import type { DraftReplica } from '../../../../lib/drafts/replica';
import type { SyncSettings } from '../../../../lib/settings/sync-settings';
import { SettingsStore } from '../../../../lib/store/settings-store';
import { StoredPendingDocs } from '../../../../lib/sync/pending-docs';
import type { PageSyncStatus } from '../../../../lib/sync/status';
import { type SyncEvents, SyncManager, type SyncTiming } from '../../../../lib/sync/sync-manager';
import type { WebSocketClass } from '../../../../lib/sync/sync-socket';
import { readFrameHead } from '../../../../lib/sync/wire';
import { mintToken } from '../../../../server/token';
import { openReplica, Profile } from '../../drafts/hub-fixture';
import { waitFor } from '../../server/support/server-process';

/**
 * One user's browser for the sync tests: its own storage (fake-indexeddb, outliving restarts of the
 * background), a DraftHub and a SyncManager as the background runs them, panels as replicas over
 * in-memory ports, a switch for navigator.onLine, and every status the manager announced.
 */

/** Short timings so the tests run quickly; the tests never assert on time. */
export const TEST_TIMING: Partial<SyncTiming> = {
  tickMs: 100,
  probeAfterMs: 500,
  stallAfterMs: 1500,
  connectTimeoutMs: 1500,
  readyTimeoutMs: 4000,
  retry: { delay: 50, maxDelay: 400 },
};

export const serverSecret = (dataDir: string): string =>
  readFileSync(path.join(dataDir, 'secret'), 'utf8').trim();

export function editorToken(
  dataDir: string,
  name: string,
  role: 'editor' | 'reviewer' | 'viewer' = 'editor',
) {
  return mintToken(serverSecret(dataDir), { space: 'xen', role, name, days: 1 });
}

export function settingsFor(url: string, token: string, displayName = ''): SyncSettings {
  return { serverUrl: url, token, displayName, colour: '#aa3300' };
}

export class Device {
  readonly profile = new Profile();
  hub!: DraftHub;
  manager!: SyncManager;
  online: boolean | undefined = undefined;
  /** Status texts per document, in the order they were announced. */
  readonly texts = new Map<string, string[]>();
  readonly lost: SyncEvents['lostOverwrite'][] = [];
  /** What the manager reported as going wrong (none, in every test). */
  readonly problems: string[] = [];
  private readonly panels: DraftReplica[] = [];
  private readonly sent = new Map<number, number>();
  private readonly sentBytes = new Map<number, number>();

  constructor(
    readonly name: string,
    public settings: SyncSettings | null,
    private readonly timing: Partial<SyncTiming> = TEST_TIMING,
  ) {
    this.start();
  }

  /** The background starts (again): a fresh hub and manager on the same storage. */
  start(): void {
    this.hub = this.profile.startHub();
    this.manager = new SyncManager({
      hub: this.hub,
      settings: this.settings,
      WebSocketPolyfill: this.countingWebSocket(),
      isOnline: () => this.online,
      pending: new StoredPendingDocs(new SettingsStore(this.profile.db)),
      timing: this.timing,
      onProblem: (problem) => this.problems.push(problem),
    });
    this.manager.on('status', (status: PageSyncStatus) => {
      const list = this.texts.get(status.doc) ?? [];
      if (list.at(-1) !== status.text) list.push(status.text);
      this.texts.set(status.doc, list);
    });
    this.manager.on('lostOverwrite', (lost) => this.lost.push(lost));
  }

  /** `ws`, counting the frames of each message type this device sends. */
  private countingWebSocket(): WebSocketClass {
    const { sent, sentBytes } = this;
    return class CountingWebSocket extends WebSocket {
      override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
        const type = readFrameHead(data)?.type ?? -1;
        sent.set(type, (sent.get(type) ?? 0) + 1);
        sentBytes.set(type, (sentBytes.get(type) ?? 0) + (data as Uint8Array).byteLength);
        // @ts-expect-error ws's overloads: (data, cb) or (data, options, cb)
        super.send(data, ...rest);
      }
    } as unknown as WebSocketClass;
  }

  /** Frames sent, by message type (lib/sync/wire.ts MessageType). */
  framesSent(type: number): number {
    return this.sent.get(type) ?? 0;
  }

  bytesSent(type: number): number {
    return this.sentBytes.get(type) ?? 0;
  }

  /** The background stops (a service worker going to sleep): nothing is flushed on purpose. */
  async stop(): Promise<void> {
    for (const panel of this.panels.splice(0)) panel.destroy();
    this.manager.destroy();
    await this.hub.close();
  }

  /** A panel showing the document: its replica, synced with the hub. */
  async panel(doc: string): Promise<DraftReplica> {
    const { replica } = await openReplica(this.hub, doc);
    this.panels.push(replica);
    return replica;
  }

  async hubDoc(doc: string): Promise<Y.Doc> {
    return (await this.hub.doc(doc)).doc;
  }

  text(doc: string): string {
    return this.manager.status(doc).text;
  }

  async waitForText(doc: string, text: string): Promise<void> {
    await waitFor(() => this.text(doc) === text, `${this.name}: "${text}" (now "${this.text(doc)}")`);
  }

  /** Whether the announced texts hold `sequence` in this order (others may come between). */
  announced(
    doc: string,
    sequence: (text: string) => boolean,
    ...rest: ((text: string) => boolean)[]
  ): boolean {
    const checks = [sequence, ...rest];
    let next = 0;
    for (const text of this.texts.get(doc) ?? []) if (next < checks.length && checks[next]?.(text)) next++;
    return next === checks.length;
  }
}

/** A fresh reader of the server's document, through nothing of ours. */
export async function serverState(url: string, name: string, token: string): Promise<Y.Doc> {
  const { connectClient } = await import('../../server/support/clients');
  const client = connectClient(url, name, token);
  try {
    await waitFor(() => client.provider.synced, `a reader of ${name}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc));
    return doc;
  } finally {
    client.destroy();
  }
}
