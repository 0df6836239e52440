import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type LostOverwrite, watchLostOverwrites } from '../../../lib/collab/overwrite-watch';
import { entriesMap } from '../../../lib/collab/page-doc';
import { seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { docWithClient, entryInput, exchange } from './page-fixture';

/** Two replicas of one seeded entry, each watching for lost writes. */
function pair(aliceClient: number, bobClient: number) {
  const alice = docWithClient(aliceClient);
  const bob = docWithClient(bobClient);
  const id = seedEntry(alice, entryInput(2));
  seedEntry(bob, entryInput(2));
  const lost = { alice: [] as LostOverwrite[], bob: [] as LostOverwrite[] };
  watchLostOverwrites(alice, (item) => lost.alice.push(item));
  watchLostOverwrites(bob, (item) => lost.bob.push(item));
  const set = (doc: Y.Doc, param: string, value: string) => setField(doc, id, param, value, XEN_PROFILE);
  return { alice, bob, id, lost, set };
}

describe('noticing a concurrent overwrite that lost our value', () => {
  it('reports it to the side whose value lost (Yjs picks by client id), with both values', () => {
    const { alice, bob, id, lost, set } = pair(1, 2);
    for (const prefix of ['H', 'Ha', 'Har', 'Hard']) set(alice, 'Difficulty', prefix);
    set(bob, 'Difficulty', 'Easy');
    exchange(alice, bob);
    expect(entriesMap(alice).get(id)?.get('Difficulty')).toBe('Easy');
    expect(lost.alice).toEqual([{ entryId: id, param: 'Difficulty', ours: 'Hard', theirs: 'Easy' }]);
    expect(lost.bob).toEqual([]);
  });

  it('reports to the other side when the client ids are the other way round', () => {
    const { alice, bob, id, lost, set } = pair(2, 1);
    set(alice, 'Difficulty', 'Hard');
    set(bob, 'Difficulty', 'Easy');
    exchange(alice, bob);
    expect(entriesMap(bob).get(id)?.get('Difficulty')).toBe('Hard');
    expect(lost.alice).toEqual([]);
    expect(lost.bob).toEqual([{ entryId: id, param: 'Difficulty', ours: 'Easy', theirs: 'Hard' }]);
  });

  it('stays quiet when the other side saw our value and changed it afterwards', () => {
    const { alice, bob, lost, set } = pair(2, 1);
    set(alice, 'Difficulty', 'Hard');
    exchange(alice, bob);
    set(bob, 'Difficulty', 'Easy');
    exchange(alice, bob);
    set(alice, 'Difficulty', 'Medium');
    exchange(alice, bob);
    expect(lost).toEqual({ alice: [], bob: [] });
  });

  it('stays quiet about fields we did not write and about merged long fields', () => {
    const { alice, bob, lost, set } = pair(1, 2);
    set(alice, 'Desc', 'Alice wrote this.');
    set(bob, 'Difficulty', 'Easy');
    set(bob, 'Desc', 'Bob wrote that.');
    exchange(alice, bob);
    expect(lost).toEqual({ alice: [], bob: [] });
  });

  it('reports a long field both sides created at once, where one text replaced the other', () => {
    const { alice, bob, id, lost, set } = pair(1, 2);
    entriesMap(alice).get(id)?.delete('Outcomes');
    exchange(alice, bob);
    set(alice, 'Outcomes', 'Patches upstream');
    set(bob, 'Outcomes', 'A prototype');
    exchange(alice, bob);
    expect(lost.alice).toEqual([
      { entryId: id, param: 'Outcomes', ours: 'Patches upstream', theirs: 'A prototype' },
    ]);
    expect(lost.bob).toEqual([]);
  });

  it('stops reporting once unwatched', () => {
    const alice = docWithClient(1);
    const bob = docWithClient(2);
    const id = seedEntry(alice, entryInput(2));
    seedEntry(bob, entryInput(2));
    const lost: LostOverwrite[] = [];
    const stop = watchLostOverwrites(alice, (item) => lost.push(item));
    setField(alice, id, 'Difficulty', 'Hard', XEN_PROFILE);
    setField(bob, id, 'Difficulty', 'Easy', XEN_PROFILE);
    stop();
    exchange(alice, bob);
    expect(lost).toEqual([]);
  });
});
