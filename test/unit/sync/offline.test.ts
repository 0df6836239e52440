import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pageDocName } from '../../../lib/collab/doc-names';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { SettingsStore } from '../../../lib/store/settings-store';
import { StoredPendingDocs } from '../../../lib/sync/pending-docs';
import { OFFLINE, SYNCED, waitingText } from '../../../lib/sync/status';
import { MessageType } from '../../../lib/sync/wire';
import { entryInput, SEED_PAGE } from '../collab/page-fixture';
import { saved, stateOf } from '../drafts/hub-fixture';
import { eventually } from '../drafts/port-pair';
import { type ServerProcess, startServer, tempDir, waitFor } from '../server/support/server-process';
import { Device, editorToken, settingsFor, TEST_TIMING } from './support/devices';
import { StallProxy } from './support/stall-proxy';

/**
 * Offline as the service worker lives it: navigator.onLine flips (and nothing else tells it), the
 * worker is stopped with changes waiting and started again, an idle socket must keep carrying traffic
 * (MV3 keep-alive) and must not be mistaken for a dead one, and a document nobody shows is let go.
 */
let counter = 0;
function freshPage() {
  counter += 1;
  const page = { ...SEED_PAGE, page: `GSoC 2014 offline ${counter}` };
  return { doc: pageDocName(page), input: { ...entryInput(2), page } };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  let done = false;
  const poll = async () => {
    done = await check();
    if (!done) setTimeout(poll, 20);
  };
  await poll();
  await waitFor(() => done, what);
}

describe('sync manager: offline and the service worker', { timeout: 120_000 }, () => {
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

  function device(name: string, url = server.url): Device {
    const device = new Device(name, settingsFor(url, editorToken(dir.path, name)));
    cleanup.push(() => device.stop());
    return device;
  }

  it('navigator.onLine false: Offline at once, changes counted; true again: they go out by themselves', async () => {
    const { doc, input } = freshPage();
    const ada = device('Ada');
    const bob = device('Bob');
    await ada.manager.open(doc);
    await bob.manager.open(doc);
    let entryId = '';
    await ada.hub.edit(doc, (edited) => {
      entryId = seedEntry(edited, input);
    });
    const bobDoc = await bob.hubDoc(doc);
    await waitFor(() => readDraftEntry(bobDoc, entryId).ok, 'the seed reaches Bob');
    await bob.waitForText(doc, SYNCED);

    bob.online = false;
    await bob.waitForText(doc, OFFLINE);
    for (const word of ['one', 'two', 'three'])
      await bob.hub.edit(doc, (edited) =>
        setField(edited, entryId, 'Outcomes', `offline ${word}`, XEN_PROFILE),
      );
    expect(bob.manager.status(doc)).toMatchObject({ state: 'offline', text: OFFLINE, waiting: 3 });
    bob.online = true;
    await bob.waitForText(doc, SYNCED);
    const adaDoc = await ada.hubDoc(doc);
    await waitFor(() => stateOf(adaDoc) === stateOf(bobDoc), 'Ada has Bob’s offline changes');
    expect(readDraftEntry(adaDoc, entryId)).toMatchObject({
      ok: true,
      value: { values: { Outcomes: 'offline three' } },
    });
    expect(bob.texts.get(doc)).toContain(waitingText(3));
  });

  it('the service worker stops with changes waiting; started again, it sends them without a panel', async () => {
    const { doc, input } = freshPage();
    const ada = device('Ada');
    const bob = device('Bob');
    await ada.manager.open(doc);
    let entryId = '';
    await ada.hub.edit(doc, (edited) => {
      entryId = seedEntry(edited, input);
    });
    await ada.waitForText(doc, SYNCED);
    await bob.manager.open(doc);
    await bob.waitForText(doc, SYNCED);
    bob.online = false;
    await bob.waitForText(doc, OFFLINE);
    await bob.hub.edit(doc, (edited) =>
      setField(edited, entryId, 'Skills', 'written offline, then the worker slept', XEN_PROFILE),
    );
    const pending = new StoredPendingDocs(new SettingsStore(bob.profile.db));
    await waitFor(() => bob.manager.status(doc).waiting === 1, 'the change is counted');
    await bob.stop();
    expect(await pending.list()).toEqual([doc]);

    bob.online = true;
    bob.start();
    await bob.manager.resume();
    await bob.waitForText(doc, SYNCED);
    const adaDoc = await ada.hubDoc(doc);
    await waitFor(() => {
      const read = readDraftEntry(adaDoc, entryId);
      return read.ok && read.value.values.Skills === 'written offline, then the worker slept';
    }, 'Ada receives the change Bob made before his worker slept');
    await until(async () => (await pending.list()).length === 0, 'the document is no longer pending');
  });

  it('an idle socket is probed and answered: traffic keeps flowing, and it is never taken for dead', async () => {
    const { doc } = freshPage();
    const proxy = await StallProxy.start(server.port);
    cleanup.push(() => proxy.close());
    const ada = device('Ada', proxy.url);
    await ada.manager.open(doc);
    await ada.waitForText(doc, SYNCED);
    const before = ada.framesSent(MessageType.awareness);
    await waitFor(() => ada.framesSent(MessageType.awareness) >= before + 4, 'several probes while idle');
    expect(ada.texts.get(doc)).toEqual(['Connecting…', SYNCED]);
    expect(proxy.connections).toBe(1);
    // The same silence with the network stalled is noticed.
    proxy.stall();
    await ada.waitForText(doc, OFFLINE);
    proxy.resume();
    await ada.waitForText(doc, SYNCED);
  });

  it('a document no panel shows is let go once synced, and the socket with it', async () => {
    const { doc } = freshPage();
    const proxy = await StallProxy.start(server.port);
    cleanup.push(() => proxy.close());
    const ada = new Device('Ada', settingsFor(proxy.url, editorToken(dir.path, 'Ada')), {
      ...TEST_TIMING,
      idleCloseMs: 300,
    });
    cleanup.push(() => ada.stop());
    const panel = await ada.panel(doc);
    await ada.manager.open(doc);
    await ada.waitForText(doc, SYNCED);
    expect(ada.manager.openDocs()).toEqual([doc]);
    panel.destroy();
    await waitFor(() => ada.manager.openDocs().length === 0, 'the document is let go');
    await waitFor(() => proxy.connections === 0, 'the socket is closed');
    // A panel that comes back (its port reconnected) brings it back without being asked.
    await ada.panel(doc);
    await waitFor(() => ada.manager.openDocs().length === 1, 'the document is synced again');
    await ada.waitForText(doc, SYNCED);
  });

  it('catching up after 300 offline edits sends about the minimal diff, once', async () => {
    const { doc, input } = freshPage();
    const ada = device('Ada');
    const bob = device('Bob');
    await ada.manager.open(doc);
    let entryId = '';
    await ada.hub.edit(doc, (edited) => {
      entryId = seedEntry(edited, input);
    });
    await ada.waitForText(doc, SYNCED);
    await bob.manager.open(doc);
    await bob.waitForText(doc, SYNCED);
    const bobDoc = await bob.hubDoc(doc);
    const serverHad = Y.encodeStateVector(bobDoc);
    bob.online = false;
    await bob.waitForText(doc, OFFLINE);
    const panel = await bob.panel(doc);
    for (let edit = 0; edit < 300; edit++) {
      const read = readDraftEntry(panel.doc, entryId);
      const desc = read.ok ? (read.value.values.Desc ?? '') : '';
      setField(panel.doc, entryId, 'Desc', `${desc.slice(0, 40)} ${edit}${desc.slice(40)}`, XEN_PROFILE);
    }
    await eventually('the panel saved', saved(panel), 500_000);
    await waitFor(() => bob.manager.status(doc).waiting === 300, 'Bob counts 300 changes');
    const minimal = Y.encodeStateAsUpdate(bobDoc, serverHad).byteLength;
    const before = bob.bytesSent(MessageType.sync);
    bob.online = true;
    await bob.waitForText(doc, SYNCED);
    const sent = bob.bytesSent(MessageType.sync) - before;
    const adaDoc = await ada.hubDoc(doc);
    await waitFor(() => stateOf(adaDoc) === stateOf(bobDoc), 'Ada has all 300');
    // The handshake's step 1 (a state vector) and step 2 (the diff) with their frame headers.
    expect(sent / minimal).toBeLessThan(1.5);
    expect(sent).toBeGreaterThanOrEqual(minimal);
  });
});
