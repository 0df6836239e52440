import { describe, expect, it } from 'vitest';
import { entryIds } from '../../../lib/collab/page-doc';
import { readDraftEntries, readDraftEntry, validateDraftEntry } from '../../../lib/collab/read-entry';
import { seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import type { DraftHub } from '../../../lib/drafts/hub';
import { DraftReplica } from '../../../lib/drafts/replica';
import { hasErrors } from '../../../lib/model/validation';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { entryInputs } from '../collab/page-fixture';
import { Prng, testSeeds } from '../collab/prng';
import { randomValue } from '../collab/random-edits';
import { allSaved, connect, DOC, Profile, stateOf } from './hub-fixture';
import { eventually, type PortPair } from './port-pair';

/**
 * Panels typing at random while their ports drop and the hub (the service worker) stops and starts
 * again; at the end every panel reconnects. Everyone, the hub and what IndexedDB holds must agree, and
 * every entry must still validate.
 */
const INPUTS = entryInputs().slice(0, 3);

interface Panel {
  replica: DraftReplica;
  pair: PortPair | null;
}

async function run(seed: number) {
  const prng = new Prng(seed);
  const profile = new Profile();
  let hub: DraftHub = profile.startHub();
  const panels: Panel[] = Array.from({ length: 3 }, () => ({ replica: new DraftReplica(DOC), pair: null }));
  for (const panel of panels) panel.pair = connect(hub, panel.replica);
  await Promise.all(panels.map((panel) => panel.replica.whenSynced));

  for (let step = 0; step < 200; step++) {
    const panel = prng.pick(panels);
    const doc = panel.replica.doc;
    const roll = prng.next();
    if (roll < 0.1) {
      seedEntry(doc, prng.pick(INPUTS));
    } else if (roll < 0.7) {
      const ids = entryIds(doc).sort();
      if (ids.length === 0) continue;
      const read = readDraftEntry(doc, prng.pick(ids));
      if (!read.ok) throw new Error(read.reason);
      const field = prng.pick(XEN_PROFILE.fields);
      setField(
        doc,
        read.value.id,
        field.param,
        randomValue(prng, XEN_PROFILE, field, read.value.values[field.param] ?? ''),
        XEN_PROFILE,
      );
    } else if (roll < 0.88) {
      for (let turn = prng.int(20); turn >= 0; turn--) await new Promise((resolve) => setImmediate(resolve));
    } else if (roll < 0.94) {
      if (panel.pair) {
        panel.pair.cut();
        panel.pair = null;
      } else {
        panel.pair = connect(hub, panel.replica);
      }
    } else if (roll < 0.97) {
      // The service worker stops: every port ends, the hub is gone without cleaning up.
      for (const other of panels) {
        other.pair?.cut();
        other.pair = null;
      }
      hub = profile.startHub();
    }
  }
  for (const panel of panels) {
    if (!panel.pair) panel.pair = connect(hub, panel.replica);
  }
  const replicas = panels.map((panel) => panel.replica);
  await eventually('every panel reconnected', () => replicas.every((replica) => replica.status.connected));
  await allSaved(...replicas);
  const hubDoc = (await hub.doc(DOC)).doc;
  await eventually('all agree', () => replicas.every((replica) => stateOf(replica.doc) === stateOf(hubDoc)));
  return { profile, hub, hubDoc, replicas };
}

describe('panels and a hub that stops and starts, under random edits and dropped ports', () => {
  it.each(testSeeds(100, 8))('lose nothing and converge (seed %i)', async (seed) => {
    const { profile, hub, hubDoc } = await run(seed);
    expect(stateOf(await profile.storedDoc())).toBe(stateOf(hubDoc));
    const { entries, problems } = readDraftEntries(hubDoc);
    expect(problems).toEqual([]);
    for (const entry of entries) expect(hasErrors(validateDraftEntry(XEN_PROFILE, entry))).toBe(false);
    await hub.close();
  });
});
