import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageDocName } from '../../../lib/collab/doc-names';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import type { DraftReplica } from '../../../lib/drafts/replica';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { serverAddress } from '../../../lib/sync/doc-address';
import { SYNCED, UNREACHABLE, waitingText } from '../../../lib/sync/status';
import { entryInput, SEED_PAGE } from '../collab/page-fixture';
import { stateOf } from '../drafts/hub-fixture';
import { type ServerProcess, startServer, tempDir, waitFor } from '../server/support/server-process';
import { Device, editorToken, serverState, settingsFor } from './support/devices';
import { StallProxy } from './support/stall-proxy';

/**
 * Two users' browsers (each a hub and a sync manager, with panels as replicas) against a real sync
 * server process: they converge, one goes offline behind a proxy that stalls its socket, both edit,
 * it comes back, and nothing is lost.
 */
const input = entryInput(1);
let counter = 0;
/** A page of its own per test, so tests share the server but no document. */
function freshPage() {
  counter += 1;
  const page = { ...SEED_PAGE, page: `GSoC 2014 two devices ${counter}` };
  return { page, doc: pageDocName(page), input: { ...input, page } };
}

const value = (replica: DraftReplica, entryId: string, param: string) => {
  const read = readDraftEntry(replica.doc, entryId);
  return read.ok ? read.value.values[param] : undefined;
};

function type(replica: DraftReplica, entryId: string, param: string, words: string): void {
  const current = value(replica, entryId, param) ?? '';
  setField(replica.doc, entryId, param, `${current} ${words}`, XEN_PROFILE);
}

describe('sync manager: two devices on one server', { timeout: 120_000 }, () => {
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

  async function device(name: string, url = server.url): Promise<Device> {
    const device = new Device(name, settingsFor(url, editorToken(dir.path, name)));
    cleanup.push(() => device.stop());
    return device;
  }

  async function seeded(devices: Device[], doc: string, seed = input) {
    for (const device of devices) await device.manager.open(doc);
    let entryId = '';
    await devices[0]?.hub.edit(doc, (edited) => {
      entryId = seedEntry(edited, seed);
    });
    const panels = await Promise.all(devices.map((device) => device.panel(doc)));
    await waitFor(
      () => panels.every((panel) => readDraftEntry(panel.doc, entryId).ok),
      'the seed everywhere',
    );
    for (const device of devices) await device.waitForText(doc, SYNCED);
    return { entryId, panels };
  }

  it('two devices edit one entry and converge; remote changes are stored and reach the panels', async () => {
    const { doc, input: seed } = freshPage();
    const ada = await device('Ada');
    const bob = await device('Bob');
    const { entryId, panels } = await seeded([ada, bob], doc, seed);
    const [adaPanel, bobPanel] = panels as [DraftReplica, DraftReplica];
    type(adaPanel, entryId, 'Desc', 'Ada was here.');
    setField(bobPanel.doc, entryId, 'Difficulty', 'Hard', XEN_PROFILE);
    type(bobPanel, entryId, 'Outcomes', 'Bob too.');
    await waitFor(
      () =>
        stateOf(adaPanel.doc) === stateOf(bobPanel.doc) &&
        value(adaPanel, entryId, 'Difficulty') === 'Hard' &&
        (value(bobPanel, entryId, 'Desc') ?? '').includes('Ada was here.'),
      'both panels hold both edits',
    );
    for (const device of [ada, bob]) await device.waitForText(doc, SYNCED);
    // What came from the server was stored on each device, not only shown.
    expect(stateOf(await ada.profile.storedDoc(doc))).toBe(stateOf(bobPanel.doc));
    expect(stateOf(await bob.profile.storedDoc(doc))).toBe(stateOf(adaPanel.doc));
    const address = serverAddress(doc, 'xen');
    if (!address.ok) throw new Error(address.reason);
    const onServer = await serverState(server.url, address.name, editorToken(dir.path, 'Reader'));
    expect(stateOf(onServer)).toBe(stateOf(adaPanel.doc));
    expect([...ada.problems, ...bob.problems]).toEqual([]);
  });

  it('a stalled socket is Offline within seconds; edits on both sides merge when it is back', async () => {
    const { doc, input: seed } = freshPage();
    const proxy = await StallProxy.start(server.port);
    cleanup.push(() => proxy.close());
    const ada = await device('Ada');
    const bob = await device('Bob', proxy.url);
    const { entryId, panels } = await seeded([ada, bob], doc, seed);
    const [adaPanel, bobPanel] = panels as [DraftReplica, DraftReplica];

    proxy.stall();
    type(bobPanel, entryId, 'Desc', 'bob-offline-1');
    await bob.waitForText(doc, 'Offline');
    type(bobPanel, entryId, 'Desc', 'bob-offline-2');
    type(bobPanel, entryId, 'Outcomes', 'bob-offline-3');
    type(adaPanel, entryId, 'Skills', 'ada-online-1');
    await ada.waitForText(doc, SYNCED);
    await waitFor(() => bob.manager.status(doc).waiting >= 3, 'Bob counts his offline changes');
    expect(bob.text(doc)).toBe('Offline');

    proxy.resume();
    await bob.waitForText(doc, SYNCED);
    await waitFor(() => stateOf(adaPanel.doc) === stateOf(bobPanel.doc), 'both panels converge');
    for (const word of ['bob-offline-1', 'bob-offline-2', 'ada-online-1'])
      expect(JSON.stringify(stateOf(adaPanel.doc))).toContain(word);
    expect(value(adaPanel, entryId, 'Outcomes')).toContain('bob-offline-3');
    expect(
      bob.announced(
        doc,
        (text) => text === 'Offline',
        (text) => /^\d+ changes? waiting$/.test(text),
        (text) => text === SYNCED,
      ),
      `Bob announced ${JSON.stringify(bob.texts.get(doc))}`,
    ).toBe(true);
    expect(bob.texts.get(doc)).toContain(waitingText(3));
  });

  it('a short field overwritten concurrently: the losing device is told, with its value at hand', async () => {
    const { doc, input: seed } = freshPage();
    const proxies = [await StallProxy.start(server.port), await StallProxy.start(server.port)];
    for (const proxy of proxies) cleanup.push(() => proxy.close());
    const ada = await device('Ada', proxies[0]?.url);
    const bob = await device('Bob', proxies[1]?.url);
    const { entryId, panels } = await seeded([ada, bob], doc, seed);
    const [adaPanel, bobPanel] = panels as [DraftReplica, DraftReplica];
    for (const proxy of proxies) proxy.stall();
    setField(adaPanel.doc, entryId, 'Difficulty', 'Easy', XEN_PROFILE);
    setField(bobPanel.doc, entryId, 'Difficulty', 'Hard', XEN_PROFILE);
    for (const device of [ada, bob]) await device.waitForText(doc, 'Offline');
    for (const proxy of proxies) proxy.resume();
    for (const device of [ada, bob]) await device.waitForText(doc, SYNCED);
    await waitFor(() => stateOf(adaPanel.doc) === stateOf(bobPanel.doc), 'both panels converge');
    const final = value(adaPanel, entryId, 'Difficulty');
    const [loser, winner, ours] = final === 'Easy' ? [bob, ada, 'Hard'] : [ada, bob, 'Easy'];
    await waitFor(() => loser.lost.length > 0, `${loser.name} hears of the lost overwrite`);
    expect(loser.lost).toEqual([{ doc, entryId, param: 'Difficulty', ours, theirs: final }]);
    expect(winner.lost).toEqual([]);
  });

  it('presence: who is in which entry and field, named as the server verified them', async () => {
    const { doc, input: seed } = freshPage();
    const ada = new Device('Ada', settingsFor(server.url, editorToken(dir.path, 'Ada'), 'Mallory'));
    cleanup.push(() => ada.stop());
    const bob = await device('Bob');
    const { entryId } = await seeded([ada, bob], doc, seed);
    const where = () => bob.manager.peers(doc).map((peer) => `${peer.name}@${peer.entryId}/${peer.field}`);
    ada.manager.setFocus(doc, 'panel-1', { entryId, field: 'Desc' });
    await waitFor(() => where().join() === `Ada@${entryId}/Desc`, `Bob sees Ada in Desc (${where()})`);
    expect(bob.manager.peers(doc)).toEqual([
      {
        clientId: expect.any(Number),
        name: 'Ada',
        verified: true,
        role: 'editor',
        colour: '#aa3300',
        entryId,
        field: 'Desc',
      },
    ]);
    expect(ada.manager.peers(doc).map((peer) => peer.name)).toEqual(['Bob']);
    // A second panel of Ada's takes the focus; when it leaves, the first one's is shown again.
    ada.manager.setFocus(doc, 'panel-2', { entryId, field: 'Skills' });
    await waitFor(() => where().join() === `Ada@${entryId}/Skills`, 'Bob sees Ada in Skills');
    ada.manager.setFocus(doc, 'panel-2', null);
    await waitFor(() => where().join() === `Ada@${entryId}/Desc`, 'Bob sees Ada in Desc again');
    ada.manager.setFocus(doc, 'panel-1', null);
    await waitFor(() => where().join() === 'Ada@null/null', 'Bob sees Ada on the page, in no entry');
    ada.manager.close(doc);
    await waitFor(() => where().length === 0, 'Bob sees Ada leave');
  });
});

describe('sync manager: the server killed mid-editing', { timeout: 120_000 }, () => {
  it('loses nothing when the server is SIGKILLed and restarted while both type', async () => {
    const dir = tempDir();
    let server = await startServer({ dataDir: dir.path });
    const proxies = [await StallProxy.start(server.port), await StallProxy.start(server.port)];
    const devices = ['Ada', 'Bob'].map(
      (name, index) => new Device(name, settingsFor(proxies[index]?.url ?? '', editorToken(dir.path, name))),
    );
    const [ada, bob] = devices as [Device, Device];
    try {
      const { doc, input: seed } = freshPage();
      for (const device of devices) await device.manager.open(doc);
      let entryId = '';
      await ada.hub.edit(doc, (edited) => {
        entryId = seedEntry(edited, seed);
      });
      const [adaPanel, bobPanel] = (await Promise.all(devices.map((device) => device.panel(doc)))) as [
        DraftReplica,
        DraftReplica,
      ];
      await waitFor(() => readDraftEntry(bobPanel.doc, entryId).ok, 'the seed on both');
      const words: string[] = [];
      let killed: Promise<unknown> | null = null;
      for (let step = 0; step < 40; step++) {
        type(adaPanel, entryId, 'Desc', `ada${step}`);
        type(bobPanel, entryId, 'Outcomes', `bob${step}`);
        words.push(`ada${step}`, `bob${step}`);
        if (step === 15) killed = server.stop('SIGKILL');
        // Paces the typing: lets frames go out and acknowledgements come in between keystrokes.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await killed;
      await waitFor(
        () => bob.text(doc) !== SYNCED && ada.text(doc) !== SYNCED,
        'both notice the server is gone',
      );
      server = await startServer({ dataDir: dir.path });
      for (const proxy of proxies) proxy.retarget(server.port);
      for (const device of devices) await device.waitForText(doc, SYNCED);
      await waitFor(() => stateOf(adaPanel.doc) === stateOf(bobPanel.doc), 'both panels converge');
      const address = serverAddress(doc, 'xen');
      if (!address.ok) throw new Error(address.reason);
      const onServer = JSON.stringify(
        stateOf(await serverState(server.url, address.name, editorToken(dir.path, 'Reader'))),
      );
      const onPanel = JSON.stringify(stateOf(adaPanel.doc));
      for (const word of words) {
        expect(onPanel).toContain(word);
        expect(onServer).toContain(word);
      }
      expect(
        ada.announced(
          doc,
          (text) => text === UNREACHABLE,
          (text) => text === SYNCED,
        ),
      ).toBe(true);
    } finally {
      for (const device of devices) await device.stop();
      for (const proxy of proxies) await proxy.close();
      await server.stop('SIGKILL');
      dir.remove();
    }
  });
});
