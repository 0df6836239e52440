import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore, SQLITE_FILE } from '../../../server/store/sqlite';
import type { DocumentStore } from '../../../server/store/types';
import { tempDir } from './support/server-process';

function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('desc').insert(doc.getText('desc').length, `${i} `);
  return { doc, updates };
}

function textOf(stored: { chunks: Uint8Array[] } | null): string {
  const doc = new Y.Doc();
  if (stored) Y.applyUpdate(doc, Y.mergeUpdates(stored.chunks));
  return doc.getText('desc').toString();
}

describe('SQLite document store', () => {
  const opened: DocumentStore[] = [];
  const dirs: (() => void)[] = [];
  const open = (dir: string) => {
    const store = openSqliteStore(dir);
    opened.push(store);
    return store;
  };
  const dir = () => {
    const made = tempDir();
    dirs.push(made.remove);
    return made.path;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    for (const remove of dirs.splice(0)) remove();
  }, 120_000);

  it('loads what was appended, in order, across a reopen', async () => {
    const where = dir();
    const store = open(where);
    expect(await store.load('xen/drafts/A')).toBeNull();
    const { doc, updates } = edits(5);
    const sequences: number[] = [];
    for (const update of updates) sequences.push(await store.append('xen/drafts/A', 'xen', update));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    await store.close();
    const again = open(where);
    const stored = await again.load('xen/drafts/A');
    expect(stored?.lastSequence).toBe(sequences.at(-1));
    expect(textOf(stored)).toBe(doc.getText('desc').toString());
  });

  it('compacts up to a sequence number and keeps what came after', async () => {
    const store = open(dir());
    const { doc, updates } = edits(6);
    const sequences: number[] = [];
    for (const update of updates) sequences.push(await store.append('xen/drafts/A', 'xen', update));
    const firstFour = new Y.Doc();
    for (const update of updates.slice(0, 4)) Y.applyUpdate(firstFour, update);
    await store.compact('xen/drafts/A', 'xen', Y.encodeStateAsUpdate(firstFour), sequences[3]!);
    const stored = await store.load('xen/drafts/A');
    expect(stored?.chunks).toHaveLength(3);
    expect(textOf(stored)).toBe(doc.getText('desc').toString());
  });

  it('lists the names of a space and says whether a document exists', async () => {
    const store = open(dir());
    const { updates } = edits(1);
    await store.append('xen/drafts/A', 'xen', updates[0]!);
    await store.compact('xen/comments/A', 'xen', updates[0]!, 0);
    await store.append('other/drafts/A', 'other', updates[0]!);
    expect((await store.listNames('xen')).sort()).toEqual(['xen/comments/A', 'xen/drafts/A']);
    expect(await store.has('xen/drafts/A')).toBe(true);
    expect(await store.has('xen/drafts/B')).toBe(false);
  });

  it('refuses a file written by a newer schema', () => {
    const where = dir();
    const db = new Database(path.join(where, SQLITE_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore(where)).toThrow(/newer server/);
  });
});
