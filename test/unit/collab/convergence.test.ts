import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DraftEntry } from '../../../lib/collab/draft-entry';
import { entryIds } from '../../../lib/collab/page-doc';
import { readDraftEntries, readDraftEntry, validateDraftEntry } from '../../../lib/collab/read-entry';
import { addNewEntry, seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { entryFromTransclusion } from '../../../lib/model/entry';
import { hasErrors } from '../../../lib/model/validation';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { entryInputs, SEED_PAGE } from './page-fixture';
import { Prng, testSeeds } from './prng';
import { randomValue } from './random-edits';

/**
 * Several replicas of one page document edit at random while a simulated network delays, reorders,
 * duplicates and (on disconnects) drops their updates; at the end everyone reconnects. All replicas
 * must hold the same document, every entry must read back and validate, and every short field must
 * hold a value somebody actually wrote.
 */
const INPUTS = entryInputs().slice(0, 4);

interface Replica {
  doc: Y.Doc;
  online: boolean;
  /** Updates on their way to this replica, in no particular order. */
  inbox: Uint8Array[];
}

const NET = Symbol('network');

function simulate(seed: number) {
  const prng = new Prng(seed);
  const replicas: Replica[] = Array.from({ length: 3 + prng.int(3) }, () => ({
    doc: new Y.Doc(),
    online: true,
    inbox: [],
  }));
  const written = new Map<string, Set<string>>();
  const remember = (entryId: string, param: string, value: string) => {
    const key = `${entryId}\u0000${param}`;
    written.set(key, (written.get(key) ?? new Set()).add(value));
  };
  for (const replica of replicas) {
    replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NET || !replica.online) return;
      for (const peer of replicas) if (peer !== replica && peer.online) peer.inbox.push(update);
    });
  }
  const resync = (replica: Replica) => {
    for (const peer of replicas) {
      if (peer === replica || !peer.online) continue;
      Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(replica.doc, Y.encodeStateVector(peer.doc)), NET);
      Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(replica.doc)), NET);
    }
  };

  for (let step = 0; step < 400; step++) {
    const replica = prng.pick(replicas);
    const roll = prng.next();
    if (roll < 0.08) {
      const input = prng.pick(INPUTS);
      const id = seedEntry(replica.doc, input);
      for (const field of XEN_PROFILE.fields) remember(id, field.param, '');
      const base = entryFromTransclusion(input.pageText, input.transclusion, XEN_PROFILE, input.ordinal);
      for (const [param, value] of Object.entries(base.values)) remember(id, param, value);
    } else if (roll < 0.1) {
      const title = `Idea new ${step}`;
      const id = addNewEntry(replica.doc, {
        page: SEED_PAGE,
        section: ['Ideas', prng.pick(['Toolstack', 'Hypervisor'])],
        profile: XEN_PROFILE,
        values: { Project: title },
      });
      for (const field of XEN_PROFILE.fields)
        remember(id, field.param, field.param === 'Project' ? title : '');
    } else if (roll < 0.6) {
      const ids = entryIds(replica.doc).sort();
      if (ids.length === 0) continue;
      const read = readDraftEntry(replica.doc, prng.pick(ids));
      if (!read.ok) throw new Error(read.reason);
      const entry = read.value;
      const field = prng.pick(XEN_PROFILE.fields);
      const value = randomValue(prng, XEN_PROFILE, field, entry.values[field.param] ?? '');
      setField(replica.doc, entry.id, field.param, value, XEN_PROFILE);
      remember(entry.id, field.param, value);
    } else if (roll < 0.94) {
      if (replica.inbox.length === 0) continue;
      const at = prng.int(replica.inbox.length);
      const update = replica.inbox[at] as Uint8Array;
      if (!prng.chance(0.2)) replica.inbox.splice(at, 1);
      Y.applyUpdate(replica.doc, update, NET);
    } else if (replica.online) {
      replica.online = false;
      replica.inbox = [];
    } else {
      replica.online = true;
      resync(replica);
    }
  }
  for (const replica of replicas) {
    if (!replica.online) {
      replica.online = true;
      resync(replica);
    }
  }
  for (const replica of replicas) {
    while (replica.inbox.length > 0) {
      const update = replica.inbox.splice(prng.int(replica.inbox.length), 1)[0] as Uint8Array;
      Y.applyUpdate(replica.doc, update, NET);
    }
  }
  for (const replica of replicas) resync(replica);
  return { replicas, written };
}

const SHORT = new Set(
  XEN_PROFILE.fields.filter((field) => field.kind !== 'wikitext').map((field) => field.param),
);

describe('replicas of a page document under random edits, disconnects and reordering', () => {
  it.each(testSeeds(1, 25))('converge and still validate (seed %i)', (seed) => {
    const { replicas, written } = simulate(seed);
    const [first, ...rest] = replicas.map((replica) => readDraftEntries(replica.doc));
    if (!first) throw new Error('no replicas');
    expect(first.problems).toEqual([]);
    for (const other of rest) expect(other).toEqual(first);
    const vector = Y.encodeStateVector(replicas[0]?.doc as Y.Doc);
    for (const replica of replicas) expect(Y.encodeStateVector(replica.doc)).toEqual(vector);
    for (const entry of first.entries as DraftEntry[]) {
      expect(hasErrors(validateDraftEntry(XEN_PROFILE, entry)), `${entry.id} has errors`).toBe(false);
      for (const [param, value] of Object.entries(entry.values)) {
        if (SHORT.has(param))
          expect(written.get(`${entry.id}\u0000${param}`)?.has(value), `${entry.id} ${param}`).toBe(true);
      }
    }
  });
});
