import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as Y from 'yjs';
import { pageDocName } from '../../../lib/collab/doc-names';
import { entriesMap, entryMetaMap, pageMetaMap } from '../../../lib/collab/page-doc';
import { DraftHub } from '../../../lib/drafts/hub';
import { DraftReplica } from '../../../lib/drafts/replica';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { ProjectDeskDb } from '../../../lib/store/database';
import { IndexedDbDocStorage } from '../../../lib/store/doc-storage';
import { DraftIndex } from '../../../lib/store/draft-index';
import { SEED_PAGE } from '../collab/page-fixture';
import { eventually, portPair } from './port-pair';

export const DOC = pageDocName(SEED_PAGE);

/** One browser profile's storage (fake-indexeddb), which outlives any hub started on it. */
export class Profile {
  readonly factory = new IDBFactory();
  readonly db = new ProjectDeskDb('project-desk', { indexedDB: this.factory, IDBKeyRange });
  readonly index = new DraftIndex(this.db);
  clock = 1_000;

  startHub(): DraftHub {
    return new DraftHub({
      storage: new IndexedDbDocStorage(this.factory),
      index: this.index,
      profileFor: () => XEN_PROFILE,
      now: () => this.clock,
    });
  }

  /** The document as stored, read through a connection of its own. */
  async storedDoc(name = DOC): Promise<Y.Doc> {
    const log = await new IndexedDbDocStorage(this.factory).open(name);
    const doc = new Y.Doc();
    for (const update of await log.readAll()) Y.applyUpdate(doc, update);
    log.close();
    return doc;
  }
}

/** Connects a replica to a hub through a fresh in-memory port pair; returns the pair. */
export function connect(hub: DraftHub, replica: DraftReplica) {
  const pair = portPair();
  hub.attach(pair.hub);
  replica.connect(pair.replica);
  return pair;
}

export async function openReplica(hub: DraftHub, name = DOC) {
  const replica = new DraftReplica(name);
  const pair = connect(hub, replica);
  await replica.whenSynced;
  return { replica, pair };
}

export const saved = (replica: DraftReplica) => () =>
  replica.status.connected && replica.status.synced && replica.status.unsaved === 0;

export async function allSaved(...replicas: DraftReplica[]): Promise<void> {
  for (const replica of replicas) await eventually('replica saved', saved(replica));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The whole draft document as comparable text (map keys sorted: their order differs between replicas). */
export const stateOf = (doc: Y.Doc): string =>
  JSON.stringify(
    sortedKeys([entriesMap(doc).toJSON(), entryMetaMap(doc).toJSON(), pageMetaMap(doc).toJSON()]),
  );
