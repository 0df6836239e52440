import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { acceptDraftPort, type IncomingPort } from '../../../lib/background/panel-wiring';
import { createDraftServices } from '../../../lib/background/services';
import { DRAFTS_PORT_NAME } from '../../../lib/drafts/messages';
import { DraftReplica } from '../../../lib/drafts/replica';
import { DOC } from '../drafts/hub-fixture';
import { portPair } from '../drafts/port-pair';

const OWN = 'ownextensionidownextensionidabcd';
const EXTENSION = `chrome-extension://${OWN}`;

/** The hub's end of an in-memory port pair, dressed as the runtime Port onConnect hands over. */
function incoming(name: string, sender: IncomingPort['sender']) {
  const pair = portPair();
  let disconnected = false;
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
  return { port, pair, disconnected: () => disconnected };
}

describe('the drafts port', () => {
  const indexedDB = new IDBFactory();
  const services = createDraftServices({ indexedDB, databaseEnvironment: { indexedDB, IDBKeyRange } });
  const deps = { services, ownId: OWN, extensionOrigin: EXTENSION };

  it('serves a replica to our own extension page', async () => {
    const { port, pair, disconnected } = incoming(DRAFTS_PORT_NAME, {
      id: OWN,
      url: `${EXTENSION}/panel.html#x`,
    });
    expect(acceptDraftPort(port, deps)).toBe(true);
    const replica = new DraftReplica(DOC);
    replica.connect(pair.replica);
    await replica.whenSynced;
    expect(replica.status).toMatchObject({ connected: true, synced: true, error: null });
    expect(disconnected()).toBe(false);
    replica.destroy();
  });

  it('cuts a port from a content script, a wiki page or another extension', () => {
    const senders = [
      { id: OWN, url: 'http://wiki.test/index.php?title=Ideas' },
      { id: 'someoneelse', url: 'chrome-extension://someoneelse/panel.html' },
      undefined,
    ];
    for (const sender of senders) {
      const { port, disconnected } = incoming(DRAFTS_PORT_NAME, sender);
      expect(acceptDraftPort(port, deps)).toBe(true);
      expect(disconnected(), JSON.stringify(sender)).toBe(true);
    }
  });

  it('leaves ports of other names to other listeners', () => {
    const { port, disconnected } = incoming('something-else', { id: OWN, url: 'http://wiki.test/' });
    expect(acceptDraftPort(port, deps)).toBe(false);
    expect(disconnected()).toBe(false);
  });
});
