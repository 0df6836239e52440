import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageDocName } from '../../../lib/collab/doc-names';
import type { DraftEntry } from '../../../lib/collab/draft-entry';
import { findOpenDraft } from '../../../lib/collab/find-draft';
import { entryIds } from '../../../lib/collab/page-doc';
import { readDraftEntries, readDraftEntry, validateDraftEntry } from '../../../lib/collab/read-entry';
import { addNewEntry, type EntrySeedInput, seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import type { DraftReplica } from '../../../lib/drafts/replica';
import { entryFromTransclusion } from '../../../lib/model/entry';
import { hasErrors } from '../../../lib/model/validation';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { serverAddress } from '../../../lib/sync/doc-address';
import { SYNCED } from '../../../lib/sync/status';
import { entryInputs, SEED_PAGE } from '../collab/page-fixture';
import { Prng, testSeeds } from '../collab/prng';
import { randomValue } from '../collab/random-edits';
import { saved, stateOf } from '../drafts/hub-fixture';
import { eventually } from '../drafts/port-pair';
import { type ServerProcess, startServer, tempDir, waitFor } from '../server/support/server-process';
import { Device, editorToken, serverState, settingsFor } from './support/devices';
import { StallProxy } from './support/stall-proxy';

/**
 * Several devices (hub + sync manager + a panel each) edit one page document at random against the
 * real server while their networks stall, drop and come back, navigator.onLine flips and their
 * service workers restart; updates reach the server in whatever order that makes. At the end every
 * panel, every device and the server hold the same document, every entry reads back and validates,
 * and every short field holds a value somebody wrote. The seed is in the test's name; set
 * CONVERGENCE_SEED=<seed> to replay one.
 */
const SHORT = new Set(
  XEN_PROFILE.fields.filter((field) => field.kind !== 'wikitext').map((field) => field.param),
);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Player {
  device: Device;
  proxy: StallProxy;
  panel: DraftReplica;
}

describe('sync managers under random edits, disconnects and restarts', { timeout: 300_000 }, () => {
  const dir = tempDir();
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path });
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  async function run(seed: number) {
    const prng = new Prng(seed);
    const page = { ...SEED_PAGE, page: `GSoC 2014 random ${seed}` };
    const doc = pageDocName(page);
    const inputs = entryInputs(undefined, page).slice(0, 3);
    const written = new Map<string, Set<string>>();
    const remember = (entryId: string, param: string, value: string) => {
      const key = `${entryId}\u0000${param}`;
      written.set(key, (written.get(key) ?? new Set()).add(value));
    };
    const players: Player[] = [];
    for (const name of ['Ada', 'Bob', 'Cyd', 'Dee'].slice(0, 3 + prng.int(2))) {
      const proxy = await StallProxy.start(server.port);
      const device = new Device(name, settingsFor(proxy.url, editorToken(dir.path, name)));
      await device.manager.open(doc);
      players.push({ device, proxy, panel: await device.panel(doc) });
    }

    const seedOn = async (player: Player, input: EntrySeedInput) => {
      await player.device.manager.open(doc);
      const base = entryFromTransclusion(input.pageText, input.transclusion, XEN_PROFILE, input.ordinal);
      if (findOpenDraft(await player.device.hubDoc(doc), base.identity)) return;
      let id = '';
      await player.device.hub.edit(doc, (edited) => {
        id = seedEntry(edited, input);
      });
      for (const field of XEN_PROFILE.fields) remember(id, field.param, '');
      for (const [param, value] of Object.entries(base.values)) remember(id, param, value);
    };

    for (let step = 0; step < 70; step++) {
      const player = prng.pick(players);
      const { device, proxy } = player;
      const roll = prng.next();
      if (roll < 0.08) {
        await seedOn(player, prng.pick(inputs));
      } else if (roll < 0.12) {
        const title = `Idea new ${seed}-${step}`;
        let id = '';
        await device.hub.edit(doc, (edited) => {
          id = addNewEntry(edited, {
            page,
            section: ['Ideas', 'Toolstack'],
            profile: XEN_PROFILE,
            values: { Project: title },
          });
        });
        for (const field of XEN_PROFILE.fields)
          remember(id, field.param, field.param === 'Project' ? title : '');
      } else if (roll < 0.66) {
        const ids = entryIds(player.panel.doc).sort();
        if (ids.length === 0) continue;
        const read = readDraftEntry(player.panel.doc, prng.pick(ids));
        if (!read.ok) throw new Error(read.reason);
        const field = prng.pick(XEN_PROFILE.fields);
        const value = randomValue(prng, XEN_PROFILE, field, read.value.values[field.param] ?? '');
        setField(player.panel.doc, read.value.id, field.param, value, XEN_PROFILE);
        remember(read.value.id, field.param, value);
      } else if (roll < 0.76) {
        if (prng.chance(0.5)) proxy.stall();
        else proxy.resume();
      } else if (roll < 0.8) {
        proxy.cut();
      } else if (roll < 0.85) {
        device.online = device.online === false ? undefined : false;
      } else if (roll < 0.88) {
        // The service worker stops (its panel's changes stored first) and starts again.
        await eventually('the panel saved', saved(player.panel), 500_000);
        await device.stop();
        device.start();
        await device.manager.resume();
        await device.manager.open(doc);
        player.panel = await device.panel(doc);
      }
      await pause(prng.int(40));
    }

    for (const { device, proxy } of players) {
      proxy.resume();
      device.online = undefined;
    }
    for (const { device } of players) await device.waitForText(doc, SYNCED);
    await waitFor(
      () => players.every(({ panel }) => stateOf(panel.doc) === stateOf(players[0]?.panel.doc ?? panel.doc)),
      'every panel holds the same document',
    );
    return { players, doc, written };
  }

  it.each(testSeeds(101, 5))('converge, and the merged entries validate (seed %i)', async (seed) => {
    const { players, doc, written } = await run(seed);
    try {
      const reference = stateOf(players[0]?.panel.doc ?? (await players[0]!.device.hubDoc(doc)));
      for (const { device } of players) {
        expect(stateOf(await device.hubDoc(doc))).toBe(reference);
        expect(stateOf(await device.profile.storedDoc(doc))).toBe(reference);
        expect(device.problems).toEqual([]);
      }
      const address = serverAddress(doc, 'xen');
      if (!address.ok) throw new Error(address.reason);
      expect(stateOf(await serverState(server.url, address.name, editorToken(dir.path, 'Reader')))).toBe(
        reference,
      );
      const { entries, problems } = readDraftEntries(players[0]!.panel.doc);
      expect(problems).toEqual([]);
      for (const entry of entries as DraftEntry[]) {
        expect(hasErrors(validateDraftEntry(XEN_PROFILE, entry)), `${entry.id} has errors`).toBe(false);
        for (const [param, value] of Object.entries(entry.values)) {
          if (SHORT.has(param))
            expect(
              written.get(`${entry.id}\u0000${param}`)?.has(value),
              `${entry.id} ${param}="${value}"`,
            ).toBe(true);
        }
      }
    } finally {
      for (const { device, proxy } of players) {
        await device.stop();
        await proxy.close();
      }
    }
  });
});
