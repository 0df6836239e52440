import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageDocName } from '../../../lib/collab/doc-names';
import { findOpenDraft } from '../../../lib/collab/find-draft';
import { entriesMap, entryMetaMap } from '../../../lib/collab/page-doc';
import { readDraftEntries } from '../../../lib/collab/read-entry';
import { type EntrySeedInput, seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { entryFromTransclusion } from '../../../lib/model/entry';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { OFFLINE, SYNCED } from '../../../lib/sync/status';
import { entryInputs, SEED_PAGE, SEED_PAGE_TEXT } from '../collab/page-fixture';
import { stateOf } from '../drafts/hub-fixture';
import { type ServerProcess, startServer, tempDir, waitFor } from '../server/support/server-process';
import { Device, editorToken, settingsFor } from './support/devices';
import { StallProxy } from './support/stall-proxy';

/**
 * Seeding a page document from wiki text happens once: only after the device holds what the server
 * has (manager.open resolves then), or when the server cannot be asked; and two devices seeding the
 * same revision at the same moment write the very same bytes, so nothing is doubled.
 */
let counter = 0;
function freshPage(text = SEED_PAGE_TEXT, baseRevision = SEED_PAGE.baseRevision) {
  counter += 1;
  const page = { ...SEED_PAGE, page: `GSoC 2014 seeding ${counter}`, baseRevision };
  return { doc: pageDocName(page), inputs: entryInputs(text, page) };
}

/** What the background does when a panel opens an entry: wait for sync, restore a draft, or seed. */
async function openEntry(device: Device, doc: string, input: EntrySeedInput): Promise<string> {
  await device.manager.open(doc);
  const identity = entryFromTransclusion(
    input.pageText,
    input.transclusion,
    XEN_PROFILE,
    input.ordinal,
  ).identity;
  const open = findOpenDraft(await device.hubDoc(doc), identity);
  if (open) return open.id;
  let entryId = '';
  await device.hub.edit(doc, (edited) => {
    entryId = seedEntry(edited, input);
  });
  return entryId;
}

describe('sync manager: seeding once', { timeout: 120_000 }, () => {
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

  it('two devices opening one entry first at the same moment seed it once, with nothing doubled', async () => {
    const { doc, inputs } = freshPage();
    const input = inputs[0] as EntrySeedInput;
    const devices = [device('Ada'), device('Bob')];
    const ids = await Promise.all(devices.map((each) => openEntry(each, doc, input)));
    expect(ids[0]).toBe(ids[1]);
    for (const each of devices) await each.waitForText(doc, SYNCED);
    const [ada, bob] = await Promise.all(devices.map((each) => each.hubDoc(doc)));
    if (!ada || !bob) throw new Error('no documents');
    await waitFor(() => stateOf(ada) === stateOf(bob), 'both devices hold the same document');
    expect([...entriesMap(ada).keys()]).toEqual([ids[0]]);
    expect([...entryMetaMap(ada).keys()]).toEqual([ids[0]]);
    const base = entryFromTransclusion(input.pageText, input.transclusion, XEN_PROFILE, input.ordinal);
    const { entries, problems } = readDraftEntries(ada);
    expect(problems).toEqual([]);
    expect(entries[0]?.values.Desc).toBe(base.values.Desc);
    expect(entries[0]?.values.Project).toBe(base.values.Project);
  });

  it('a device opening later, at a newer revision, waits for the server and finds the draft there', async () => {
    const { doc, inputs } = freshPage();
    const ada = device('Ada');
    const first = inputs[0] as EntrySeedInput;
    const adaEntry = await openEntry(ada, doc, first);
    await ada.hub.edit(doc, (edited) => setField(edited, adaEntry, 'Difficulty', 'Medium', XEN_PROFILE));
    await ada.waitForText(doc, SYNCED);
    // The wiki page changed since (the entry's description was edited): a new revision, new text.
    const newer = SEED_PAGE_TEXT.replace('|Desc=xl/libxl', '|Desc=Revised. xl/libxl');
    const later = entryInputs(newer, {
      ...first.page,
      baseRevision: first.page.baseRevision + 6,
    })[0] as EntrySeedInput;
    const bob = device('Bob');
    expect(await openEntry(bob, doc, later)).toBe(adaEntry);
    expect([...entriesMap(await bob.hubDoc(doc)).keys()]).toEqual([adaEntry]);
  });

  it('with the server out of reach, opening does not wait for it: the device seeds from what it has', async () => {
    const { doc, inputs } = freshPage();
    const proxy = await StallProxy.start(server.port);
    cleanup.push(() => proxy.close());
    proxy.stall();
    const ada = device('Ada', proxy.url);
    const entryId = await openEntry(ada, doc, inputs[1] as EntrySeedInput);
    expect(ada.text(doc)).toBe(OFFLINE);
    expect(ada.manager.status(doc).waiting).toBe(1);
    proxy.resume();
    await ada.waitForText(doc, SYNCED);
    const bob = device('Bob');
    expect(await openEntry(bob, doc, inputs[1] as EntrySeedInput)).toBe(entryId);
  });
});
