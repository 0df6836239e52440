import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageDocName } from '../../../lib/collab/doc-names';
import { seedEntry } from '../../../lib/collab/seed';
import {
  type BackgroundSyncMessage,
  BackgroundSyncMessageSchema,
  type PanelSyncMessage,
  serveSyncPort,
} from '../../../lib/sync/messages';
import { SAVED_LOCALLY, SYNCED } from '../../../lib/sync/status';
import { entryInput, SEED_PAGE } from '../collab/page-fixture';
import { portPair } from '../drafts/port-pair';
import { type ServerProcess, startServer, tempDir, waitFor } from '../server/support/server-process';
import { Device, editorToken, settingsFor } from './support/devices';

/** The panel's sync port: status and presence of the documents it watches, its focus going out. */
let counter = 0;
function freshPage() {
  counter += 1;
  const page = { ...SEED_PAGE, page: `GSoC 2014 port ${counter}` };
  return { doc: pageDocName(page), input: { ...entryInput(3), page } };
}

function panelPort(device: Device, source: string) {
  const pair = portPair();
  serveSyncPort(device.manager, pair.hub, source);
  const received: BackgroundSyncMessage[] = [];
  pair.replica.onMessage((raw) => received.push(BackgroundSyncMessageSchema.parse(raw)));
  const send = (message: PanelSyncMessage | Record<string, unknown>) => pair.replica.postMessage(message);
  return { pair, received, send };
}

describe('the panel’s sync port', { timeout: 120_000 }, () => {
  const dir = tempDir();
  let server: ServerProcess;
  const cleanup: (() => unknown)[] = [];
  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path });
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  function device(name: string): Device {
    const device = new Device(name, settingsFor(server.url, editorToken(dir.path, name)));
    cleanup.push(() => device.stop());
    return device;
  }

  it('pushes the status and presence of watched documents, and publishes the panel’s focus', async () => {
    const { doc, input } = freshPage();
    const ada = device('Ada');
    const bob = device('Bob');
    const adaPanel = panelPort(ada, 'ada-panel');
    const bobPanel = panelPort(bob, 'bob-panel');
    adaPanel.send({ type: 'watch', doc });
    bobPanel.send({ type: 'watch', doc });
    const statusTexts = (port: ReturnType<typeof panelPort>) =>
      port.received.flatMap((message) => (message.type === 'status' ? [message.status.text] : []));
    await waitFor(() => statusTexts(bobPanel).at(-1) === SYNCED, 'Bob’s panel hears Synced');
    let entryId = '';
    await ada.hub.edit(doc, (edited) => {
      entryId = seedEntry(edited, input);
    });
    adaPanel.send({ type: 'focus', doc, focus: { entryId, field: 'Contact' } });
    const lastPeers = () => bobPanel.received.filter((message) => message.type === 'presence').at(-1);
    await waitFor(() => {
      const peers = lastPeers();
      return peers?.type === 'presence' && peers.peers.some((peer) => peer.field === 'Contact');
    }, 'Bob’s panel sees Ada in Contact');
    expect(lastPeers()).toMatchObject({
      doc,
      peers: [{ name: 'Ada', verified: true, entryId, field: 'Contact' }],
    });
    // The panel goes away: its focus goes with it.
    adaPanel.pair.replica.disconnect();
    await waitFor(() => {
      const peers = lastPeers();
      return peers?.type === 'presence' && peers.peers.length === 1 && peers.peers[0]?.entryId === null;
    }, 'Bob’s panel sees Ada in no entry');
  });

  it('refuses malformed messages and documents that are not ours, and serves a device without a server', async () => {
    const solo = new Device('Solo', null);
    cleanup.push(() => solo.stop());
    const panel = panelPort(solo, 'p');
    panel.send({ type: 'watch' });
    panel.send({ type: 'watch', doc: 'not|ours' });
    const { doc } = freshPage();
    panel.send({ type: 'watch', doc });
    await waitFor(() => panel.received.length >= 4, 'the answers');
    expect(panel.received[0]).toMatchObject({
      type: 'error',
      message: expect.stringContaining('Malformed message'),
    });
    expect(panel.received[1]).toEqual({
      type: 'error',
      message: 'Refused: "not|ours" is not a Project Desk document.',
    });
    expect(panel.received[2]).toMatchObject({
      type: 'status',
      status: { doc, text: SAVED_LOCALLY, canWrite: true },
    });
    expect(panel.received[3]).toEqual({ type: 'presence', doc, peers: [] });
  });
});
