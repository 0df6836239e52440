import { describe, expect, it } from 'vitest';
import {
  acceptPagePresencePort,
  ordinalsOfPeers,
  type PresencePort,
} from '../../../lib/background/page-presence';
import type { WikiAccess } from '../../../lib/background/wiki-access';
import type { DraftHub } from '../../../lib/drafts/hub';
import { PAGE_PRESENCE_PORT_NAME, presenceLabel } from '../../../lib/messaging/presence-protocol';
import type { EntryIdentity } from '../../../lib/model/entry';
import type { Peer } from '../../../lib/sync/presence';
import type { SyncManager } from '../../../lib/sync/sync-manager';
import { portPair } from '../drafts/port-pair';

const identity = (ordinal: number, title: string, baseWikitext: string): EntryIdentity =>
  ({ ordinal, title, baseWikitext }) as EntryIdentity;
const peer = (clientId: number, name: string, entryId: string | null): Peer => ({
  clientId,
  name,
  verified: true,
  role: 'editor',
  colour: '#112233',
  entryId,
  field: null,
});

describe('presence on the page’s entry buttons', () => {
  const shown = [
    identity(1, 'One', '{{project|Project=One}}'),
    identity(2, 'Two', '{{project|Project=Two}}'),
  ];
  const drafts = new Map([
    // Based on the text the page shows now.
    ['r1-e2', identity(2, 'Two', '{{project|Project=Two}}')],
    // Based on an older revision where it was the third entry, with other text: found by its title.
    ['r0-e3', identity(3, 'One', '{{project|Project=One|Old=1}}')],
    ['r0-e9', identity(9, 'Gone', '{{project|Project=Gone}}')],
  ]);
  const entryOf = (id: string) => drafts.get(id) ?? null;

  it('maps each peer’s entry to the ordinal the page shows, names once each', () => {
    const peers = [
      peer(1, 'Ada', 'r1-e2'),
      peer(2, 'Grace', 'r0-e3'),
      peer(3, 'Ada', 'r1-e2'),
      peer(4, 'Nobody', 'r0-e9'),
      peer(5, 'Lurker', null),
      peer(6, 'Stranger', 'unknown'),
    ];
    expect(ordinalsOfPeers(peers, entryOf, shown)).toEqual([
      { ordinal: 1, names: ['Grace'] },
      { ordinal: 2, names: ['Ada'] },
    ]);
  });

  it('says who in words', () => {
    expect(presenceLabel([])).toBe('');
    expect(presenceLabel(['Ada'])).toBe('Ada is editing');
    expect(presenceLabel(['Ada', 'Grace', 'Ada'])).toBe('Ada and Grace are editing');
    expect(presenceLabel(['Ada', 'Grace', 'Linus', 'Rita'])).toBe('Ada, Grace and 2 more are editing');
  });
});

describe('the page presence port', () => {
  const port = (name: string, sender: PresencePort['sender']) => {
    const pair = portPair();
    let disconnected = false;
    const value: PresencePort = {
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
    return { value, pair, disconnected: () => disconnected };
  };
  const read: string[] = [];
  const deps = {
    sync: { hasServer: false } as unknown as SyncManager,
    hub: {} as DraftHub,
    access: {
      context: async (origin: string) => {
        read.push(origin);
        throw new Error('not in this test');
      },
    } as unknown as WikiAccess,
    extensionOrigin: 'chrome-extension://ownid',
    ready: Promise.resolve(),
  };

  it('is for a content script in a tab only', () => {
    for (const sender of [
      { url: 'chrome-extension://ownid/panel.html', tab: { id: 3 } },
      { url: 'http://wiki.test/x' },
    ]) {
      const refused = port(PAGE_PRESENCE_PORT_NAME, sender);
      expect(acceptPagePresencePort(refused.value, deps)).toBe(true);
      expect(refused.disconnected()).toBe(true);
    }
    expect(acceptPagePresencePort(port('other', {}).value, deps)).toBe(false);
  });

  it('does not read the page when no sync server is set', async () => {
    const served = port(PAGE_PRESENCE_PORT_NAME, {
      url: 'http://wiki.test/index.php?title=Ideas',
      tab: { id: 3 },
    });
    expect(acceptPagePresencePort(served.value, deps)).toBe(true);
    served.pair.replica.postMessage({ type: 'page', view: { title: 'Ideas', revisionId: 1, apiUrl: null } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(served.disconnected()).toBe(false);
    expect(read).toEqual([]);
  });
});
