import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { bytesToBase64 } from '../../../lib/collab/base64';
import { entriesMap } from '../../../lib/collab/page-doc';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { seedEntry } from '../../../lib/collab/seed';
import { setEntryStatus, setField } from '../../../lib/collab/set-field';
import { DraftHub } from '../../../lib/drafts/hub';
import type { HubMessage } from '../../../lib/drafts/messages';
import { DraftReplica } from '../../../lib/drafts/replica';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { type DocLog, type DocStorage, IndexedDbDocStorage } from '../../../lib/store/doc-storage';
import { entryInput } from '../collab/page-fixture';
import { allSaved, connect, DOC, openReplica, Profile, saved, stateOf } from './hub-fixture';
import { eventually, portPair } from './port-pair';

const text = (doc: Y.Doc, id: string, param: string): string => {
  const read = readDraftEntry(doc, id);
  if (!read.ok) throw new Error(read.reason);
  return read.value.values[param] ?? '';
};

/** Types characters one at a time at the end (or start) of a field, as keystrokes. */
function typeChars(replica: DraftReplica, id: string, param: string, chars: string, atStart = false): void {
  for (const char of chars) {
    const current = text(replica.doc, id, param);
    setField(replica.doc, id, param, atStart ? char + current : current + char, XEN_PROFILE);
  }
}

describe('the draft hub and its replicas', () => {
  it('shows each replica the other’s keystrokes, and loses none', async () => {
    const profile = new Profile();
    const hub = profile.startHub();
    const a = await openReplica(hub);
    const b = await openReplica(hub);
    const id = seedEntry(a.replica.doc, entryInput(2));
    await eventually('B sees the entry', () => entriesMap(b.replica.doc).has(id));
    const base = text(b.replica.doc, id, 'Desc');
    const fromA = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    const fromB = 'ZYXWVUTSRQPONMLKJIHGFEDCBA'.repeat(4);
    for (let index = 0; index < fromA.length; index++) {
      typeChars(a.replica, id, 'Desc', fromA.charAt(fromA.length - 1 - index), true);
      typeChars(b.replica, id, 'Desc', fromB.charAt(index));
      if (index % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await allSaved(a.replica, b.replica);
    await eventually('both replicas agree', () => stateOf(a.replica.doc) === stateOf(b.replica.doc));
    expect(text(a.replica.doc, id, 'Desc')).toBe(`${fromA}${base}${fromB}`);
    expect(stateOf((await hub.doc(DOC)).doc)).toBe(stateOf(a.replica.doc));
    expect(stateOf(await profile.storedDoc())).toBe(stateOf(a.replica.doc));
    await hub.close();
  });

  it('acknowledges a keystroke only once its IndexedDB transaction has committed', async () => {
    const profile = new Profile();
    // Counts appends whose transaction has completed (the storage's promise resolves on oncomplete).
    let committed = 0;
    const real = new IndexedDbDocStorage(profile.factory);
    const storage: DocStorage = {
      remove: (name) => real.remove(name),
      open: async (name) => {
        const log = await real.open(name);
        return Object.assign(Object.create(log) as DocLog, {
          append: (update: Uint8Array) =>
            log.append(update).then(() => {
              committed++;
            }),
        });
      },
    };
    const hub = new DraftHub({ storage });
    const replica = new DraftReplica(DOC);
    const pair = portPair();
    let sent = 0;
    const post = pair.replica.postMessage.bind(pair.replica);
    pair.replica.postMessage = (message) => {
      if ((message as { type: string }).type === 'update') sent++;
      post(message);
    };
    hub.attach(pair.hub);
    replica.connect(pair.replica);
    await replica.whenSynced;
    const id = seedEntry(replica.doc, entryInput(1));
    await eventually('seed saved', saved(replica));
    const atAck: [number, number][] = [];
    replica.on('status', (status) => {
      if (status.unsaved === 0) atAck.push([sent, committed]);
    });
    for (const char of 'persisted') {
      setField(replica.doc, id, 'Desc', text(replica.doc, id, 'Desc') + char, XEN_PROFILE);
      await eventually('acknowledged', saved(replica));
      // And it can be read back from IndexedDB through another connection.
      expect(text(await profile.storedDoc(), id, 'Desc').endsWith(char)).toBe(true);
    }
    expect(atAck).toHaveLength('persisted'.length);
    for (const [sentThen, committedThen] of atAck) expect(committedThen).toBe(sentThen);
    await hub.close();
  });

  it('resyncs by state vector after the hub restarts, keeping what was typed meanwhile', async () => {
    const profile = new Profile();
    const first = profile.startHub();
    const a = await openReplica(first);
    const b = await openReplica(first);
    const id = seedEntry(a.replica.doc, entryInput(2));
    typeChars(a.replica, id, 'Outcomes', 'before. ');
    await allSaved(a.replica, b.replica);
    // The service worker stops: both ports end at once, the hub gets no chance to clean up.
    a.pair.cut();
    b.pair.cut();
    await eventually(
      'both replicas notice',
      () => !a.replica.status.connected && !b.replica.status.connected,
    );
    typeChars(a.replica, id, 'Outcomes', 'A offline. ');
    setField(b.replica.doc, id, 'Difficulty', 'Hard', XEN_PROFILE);
    expect(a.replica.status.unsaved).toBeGreaterThan(0);
    expect(b.replica.status.unsaved).toBe(1);

    const second = profile.startHub();
    connect(second, a.replica);
    connect(second, b.replica);
    await allSaved(a.replica, b.replica);
    await eventually('replicas agree', () => stateOf(a.replica.doc) === stateOf(b.replica.doc));
    expect(text(b.replica.doc, id, 'Outcomes')).toContain('before. A offline. ');
    expect(text(a.replica.doc, id, 'Difficulty')).toBe('Hard');
    expect(stateOf(await profile.storedDoc())).toBe(stateOf(a.replica.doc));
    await second.close();
  });

  it('counts changes waiting while a panel’s port is gone, and clears them once the hub has stored them', async () => {
    const profile = new Profile();
    const hub = profile.startHub();
    const { replica, pair } = await openReplica(hub);
    const id = seedEntry(replica.doc, entryInput(1));
    await eventually('saved', saved(replica));
    typeChars(replica, id, 'Desc', 'abc');
    pair.cut();
    typeChars(replica, id, 'Desc', 'def');
    await eventually('disconnected', () => !replica.status.connected);
    expect(replica.status.unsaved).toBe(6);
    connect(hub, replica);
    await eventually('saved', saved(replica));
    expect(text(await profile.storedDoc(), id, 'Desc')).toBe(text(replica.doc, id, 'Desc'));
    expect(text(replica.doc, id, 'Desc').endsWith('abcdef')).toBe(true);
    await hub.close();
  });

  it('shows a malformed message from the hub as an error and keeps the document as it was', async () => {
    const replica = new DraftReplica(DOC);
    const pair = portPair();
    replica.connect(pair.replica);
    pair.hub.postMessage({ type: 'update', doc: DOC, update: 'not base64' });
    pair.hub.postMessage({ type: 'update', doc: DOC, update: bytesToBase64(new Uint8Array([9, 9, 9])) });
    const errors: (string | null)[] = [];
    replica.on('status', (status) => errors.push(status.error));
    await eventually('two errors', () => errors.filter((error) => error !== null).length >= 2);
    expect(errors[0]).toMatch(/^Malformed message/);
    expect(errors.at(-1)).toMatch(/malformed change from the hub was refused/);
    expect(entriesMap(replica.doc).size).toBe(0);
  });

  it('keeps the drafts index in step, and sends the hub’s own edits to every replica', async () => {
    const profile = new Profile();
    const hub = profile.startHub();
    const { replica } = await openReplica(hub);
    const id = seedEntry(replica.doc, entryInput(2));
    await eventually('saved', saved(replica));
    const record = await profile.index.get(`${DOC}#${id}`);
    expect(record).toMatchObject({
      wiki: 'https://wiki.xenproject.org',
      page: 'GSoC 2014',
      entryId: id,
      title: 'Lazy restore using memory paging',
      status: 'draft',
      baseRevision: 1234,
      isNew: false,
      updatedAt: 1_000,
    });
    setField(replica.doc, id, 'Project', 'Lazy restore, reworded', XEN_PROFILE);
    await eventually('saved', saved(replica));
    profile.clock = 5_000;
    await hub.edit(DOC, (doc) => setEntryStatus(doc, id, 'discarded'));
    expect(await profile.index.get(`${DOC}#${id}`)).toMatchObject({
      title: 'Lazy restore, reworded',
      status: 'discarded',
      updatedAt: 5_000,
    });
    await eventually('the replica sees the status', () => {
      const read = readDraftEntry(replica.doc, id);
      return read.ok && read.value.meta.status === 'discarded';
    });
    await hub.close();
  });

  it('answers a malformed or foreign message with an error and stays usable', async () => {
    const profile = new Profile();
    const hub = profile.startHub();
    const pair = portPair();
    hub.attach(pair.hub);
    const answers: HubMessage[] = [];
    pair.replica.onMessage((message) => answers.push(message as HubMessage));
    const garbage = bytesToBase64(new Uint8Array([255, 255, 255, 1, 2, 3]));
    pair.replica.postMessage({ type: 'hello' });
    pair.replica.postMessage({ type: 'open', doc: 'someone-elses-db', stateVector: 'AA==' });
    pair.replica.postMessage({ type: 'update', doc: DOC, seq: 1, update: 'AAA=' });
    pair.replica.postMessage({ type: 'open', doc: DOC, stateVector: 'AA==' });
    pair.replica.postMessage({ type: 'update', doc: DOC, seq: 2, update: '%%%' });
    pair.replica.postMessage({ type: 'update', doc: DOC, seq: 3, update: garbage });
    await eventually('six answers', () => answers.length >= 6);
    // Malformed messages are answered at once, the others once their document is open: compare unordered.
    expect(answers).toHaveLength(6);
    expect(answers.map((answer) => [answer.type, 'message' in answer ? answer.message : ''])).toEqual(
      expect.arrayContaining([
        ['error', expect.stringMatching(/^Malformed message/)],
        ['error', expect.stringMatching(/not a Project Desk document/)],
        ['error', 'Open the document before sending updates.'],
        ['sync', ''],
        ['error', expect.stringMatching(/base64/)],
        ['error', expect.stringMatching(/not a Yjs update/)],
      ]),
    );
    expect(await (await hub.doc(DOC)).storedBytes()).toBe(0);
    const { replica } = await openReplica(hub);
    seedEntry(replica.doc, entryInput(1));
    await eventually('saved', saved(replica));
    await hub.close();
  });

  it('measures what a keystroke costs on the port', async () => {
    const profile = new Profile();
    const hub = profile.startHub();
    const { replica, pair } = await openReplica(hub);
    const id = seedEntry(replica.doc, entryInput(2));
    await eventually('saved', saved(replica));
    const before = pair.traffic.toHub;
    typeChars(replica, id, 'Desc', 'x'.repeat(100));
    await eventually('saved', saved(replica));
    const perKeystroke = (pair.traffic.toHub - before) / 100;
    console.info(`one keystroke: ${perKeystroke} JSON characters replica → hub`);
    expect(perKeystroke).toBeLessThan(DOC.length + 120);
    await hub.close();
  });
});
