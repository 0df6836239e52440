import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { IndexedDbDocStorage } from '../../../lib/store/doc-storage';
import { PersistedDoc } from '../../../lib/store/persisted-doc';

const globals = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
const saved = { indexedDB: globals.indexedDB, IDBKeyRange: globals.IDBKeyRange };
afterEach(() => Object.assign(globals, saved));

/** y-indexeddb (through lib0) reaches for the global IndexedDB: point it at this test's factory. */
function useGlobally(factory: IDBFactory): void {
  Object.assign(globals, { indexedDB: factory, IDBKeyRange });
}

/** Types `count` single characters into one Y.Text, persisting each update as the hub does. */
async function typeInto(persisted: PersistedDoc, count: number): Promise<void> {
  const text = persisted.doc.getText('Desc');
  for (let index = 0; index < count; index++) {
    let update: Uint8Array | undefined;
    const listen = (u: Uint8Array) => {
      update = u;
    };
    persisted.doc.on('update', listen);
    text.insert(text.length, String.fromCharCode(97 + (index % 26)));
    persisted.doc.off('update', listen);
    if (!update) throw new Error('no update');
    await persisted.persist(update);
  }
  await persisted.settled();
}

describe('Yjs document storage', () => {
  it('keeps what it stores: a reopened document holds every update', async () => {
    const storage = new IndexedDbDocStorage(new IDBFactory());
    const first = await PersistedDoc.open(storage, 'doc');
    await typeInto(first, 30);
    first.close();
    const second = await PersistedDoc.open(storage, 'doc');
    expect(second.doc.getText('Desc').toString()).toBe('abcdefghijklmnopqrstuvwxyzabcd');
    second.close();
  });

  it('has stored an update when persist resolves (read back through another connection)', async () => {
    const factory = new IDBFactory();
    const storage = new IndexedDbDocStorage(factory);
    const persisted = await PersistedDoc.open(storage, 'doc');
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 'v');
    await persisted.persist(Y.encodeStateAsUpdate(doc));
    const other = await new IndexedDbDocStorage(factory).open('doc');
    const stored = await other.readAll();
    const check = new Y.Doc();
    for (const update of stored) Y.applyUpdate(check, update);
    expect(check.getMap('m').get('k')).toBe('v');
    other.close();
    persisted.close();
  });

  it('writes y-indexeddb’s layout: IndexeddbPersistence reads our document, and we read its', async () => {
    const factory = new IDBFactory();
    useGlobally(factory);
    const storage = new IndexedDbDocStorage(factory);
    const ours = await PersistedDoc.open(storage, 'shared');
    await typeInto(ours, 12);
    ours.close();

    const theirDoc = new Y.Doc();
    const theirs = new IndexeddbPersistence('shared', theirDoc);
    await theirs.whenSynced;
    expect(theirDoc.getText('Desc').toString()).toBe('abcdefghijkl');
    theirDoc.getText('Desc').insert(0, '>');
    await theirs.destroy();

    const reopened = await PersistedDoc.open(storage, 'shared');
    expect(reopened.doc.getText('Desc').toString()).toBe('>abcdefghijkl');
    reopened.close();
  });

  it('compacts: after 10,000 single-character keystrokes the stored bytes stay under 4× the document', async () => {
    const storage = new IndexedDbDocStorage(new IDBFactory());
    const persisted = await PersistedDoc.open(storage, 'long');
    const ratio = async (label: string): Promise<number> => {
      const encoded = Y.encodeStateAsUpdate(persisted.doc).byteLength;
      const stored = await persisted.storedBytes();
      console.info(
        `${label}: ${stored} bytes stored, document ${encoded} bytes, ×${(stored / encoded).toFixed(2)}`,
      );
      return stored / encoded;
    };
    await typeInto(persisted, 10_000);
    expect(await ratio('10,000 keystrokes')).toBeLessThan(4);
    // The worst moment: 499 keystrokes since the last compaction.
    await typeInto(persisted, 499);
    expect(await ratio('10,499 keystrokes')).toBeLessThan(4);
    expect(await persisted.storedCount()).toBe(500);
    persisted.close();
  });

  it('would not stay small without compaction (the measurement can fail)', async () => {
    const storage = new IndexedDbDocStorage(new IDBFactory());
    const persisted = await PersistedDoc.open(storage, 'never', new Y.Doc(), {
      trimSize: Number.POSITIVE_INFINITY,
    });
    await typeInto(persisted, 2_000);
    const encoded = Y.encodeStateAsUpdate(persisted.doc).byteLength;
    expect(await persisted.storedBytes()).toBeGreaterThan(4 * encoded);
    persisted.close();
  });

  it('merges, never deletes, an update another writer stored while compacting', async () => {
    const factory = new IDBFactory();
    const storage = new IndexedDbDocStorage(factory);
    const persisted = await PersistedDoc.open(storage, 'doc', new Y.Doc(), { trimSize: 5 });
    const foreign = new Y.Doc();
    foreign.getMap('other').set('kept', true);
    const log = await new IndexedDbDocStorage(factory).open('doc');
    await log.append(Y.encodeStateAsUpdate(foreign));
    log.close();
    await typeInto(persisted, 5);
    expect(await persisted.storedCount()).toBe(1);
    persisted.close();
    const reopened = await PersistedDoc.open(storage, 'doc');
    expect(reopened.doc.getMap('other').get('kept')).toBe(true);
    expect(reopened.doc.getText('Desc').toString()).toBe('abcde');
    reopened.close();
  });
});
