import { describe, expect, it, vi } from 'vitest';
import type { IncomingPort } from '../../../lib/background/panel-wiring';
import { acceptSyncPort, SYNC_RESUME_ALARM, startSync } from '../../../lib/background/sync-wiring';
import { pageDocName } from '../../../lib/collab/doc-names';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../lib/settings/sync-settings';
import { SYNC_PORT_NAME } from '../../../lib/sync/messages';
import type { SyncManager } from '../../../lib/sync/sync-manager';
import { portPair } from '../drafts/port-pair';

const OWN = 'ownextensionidownextensionidabcd';
const EXTENSION = `chrome-extension://${OWN}`;
const DOC = pageDocName({ wiki: 'http://wiki.test', page: 'Ideas' });

/** Records what the wiring asks of the sync manager. */
function fakeSync() {
  const calls: string[] = [];
  const sync = {
    configure: (settings: SyncSettings | null) => calls.push(`configure ${settings?.serverUrl ?? 'none'}`),
    resume: async () => {
      calls.push('resume');
    },
    open: async (name: string) => {
      calls.push(`open ${name}`);
    },
    status: (doc: string) => ({
      doc,
      state: 'local',
      text: 'Saved on this device',
      waiting: 0,
      canWrite: true,
    }),
    peers: () => [],
    on: () => () => undefined,
    setFocus: () => undefined,
  };
  return { calls, sync: sync as unknown as SyncManager };
}

function fakeAlarms() {
  const created: string[] = [];
  const listeners: ((alarm: { name: string }) => void)[] = [];
  return {
    created,
    fire: (name: string) => {
      for (const listener of listeners) listener({ name });
    },
    alarms: {
      create: (name: string) => created.push(name),
      onAlarm: { addListener: (listener: (alarm: { name: string }) => void) => listeners.push(listener) },
    },
  };
}

describe('starting sync in the background', () => {
  it('applies the stored options, resumes, follows changes, and resumes again on its alarm', async () => {
    const { calls, sync } = fakeSync();
    const alarms = fakeAlarms();
    let changed: ((settings: SyncSettings) => void) | null = null;
    const stored = { ...DEFAULT_SYNC_SETTINGS, serverUrl: 'ws://127.0.0.1:1' };
    await startSync({
      sync,
      settings: {
        load: async () => stored,
        watch: (listener) => {
          changed = listener;
          return () => undefined;
        },
      },
      alarms: alarms.alarms,
    });
    expect(calls).toEqual(['configure ws://127.0.0.1:1', 'resume']);
    expect(alarms.created).toEqual([SYNC_RESUME_ALARM]);
    changed!({ ...stored, serverUrl: 'ws://127.0.0.1:2' });
    alarms.fire('someone-else');
    alarms.fire(SYNC_RESUME_ALARM);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['configure ws://127.0.0.1:1', 'resume', 'configure ws://127.0.0.1:2', 'resume']);
  });
});

describe('the sync port', () => {
  const incoming = (name: string, sender: IncomingPort['sender']) => {
    const pair = portPair();
    let disconnected = false;
    const heard: unknown[] = [];
    pair.replica.onMessage((message) => heard.push(message));
    const port: IncomingPort = {
      name,
      sender,
      postMessage: (message) => pair.hub.postMessage(message),
      onMessage: { addListener: (listener) => pair.hub.onMessage(listener) },
      onDisconnect: { addListener: (listener) => pair.hub.onDisconnect(listener) },
      disconnect: () => {
        disconnected = true;
        pair.hub.disconnect();
      },
    };
    return { port, pair, heard, disconnected: () => disconnected };
  };

  it('serves our own pages and cuts anyone else', async () => {
    const { sync, calls } = fakeSync();
    const deps = { sync, ownId: OWN, extensionOrigin: EXTENSION };
    const ours = incoming(SYNC_PORT_NAME, { id: OWN, url: `${EXTENSION}/panel.html#x` });
    expect(acceptSyncPort(ours.port, deps)).toBe(true);
    ours.pair.replica.postMessage({ type: 'watch', doc: DOC });
    await vi.waitFor(() => expect(ours.heard.length).toBeGreaterThan(0));
    expect(calls).toContain(`open ${DOC}`);
    expect(ours.heard[0]).toMatchObject({
      type: 'status',
      status: { doc: DOC, text: 'Saved on this device' },
    });
    for (const sender of [
      { id: OWN, url: 'http://wiki.test/index.php' },
      { id: 'other', url: EXTENSION },
      undefined,
    ]) {
      const foreign = incoming(SYNC_PORT_NAME, sender);
      expect(acceptSyncPort(foreign.port, deps)).toBe(true);
      expect(foreign.disconnected()).toBe(true);
    }
    const other = incoming('project-desk-drafts', { id: OWN, url: `${EXTENSION}/panel.html` });
    expect(acceptSyncPort(other.port, deps)).toBe(false);
    expect(other.disconnected()).toBe(false);
  });
});
