import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStore } from '../../../server/store/postgres';
import type { DocumentStore } from '../../../server/store/types';
import { mintToken } from '../../../server/token';
import { connectClient } from './support/clients';
import { type Postgres, postgresBin, startPostgres } from './support/postgres';
import { startServer, tempDir, waitFor } from './support/server-process';

const bin = postgresBin();

function textOf(chunks: Uint8Array[] | undefined): string {
  const doc = new Y.Doc();
  if (chunks?.length) Y.applyUpdate(doc, Y.mergeUpdates(chunks));
  return doc.getText('desc').toString();
}

// Needs Debian's postgresql package (PostgreSQL 15 here); without it there is nothing to test against.
// CI installs it (scripts/install-system-deps.sh), so there a missing PostgreSQL fails instead of skipping.
describe.skipIf(bin === null && !process.env.CI)('PostgreSQL document store', { timeout: 180_000 }, () => {
  let postgres: Postgres;
  const stores: DocumentStore[] = [];
  const open = async () => {
    const store = await openPostgresStore(postgres.url);
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    postgres = await startPostgres(bin!);
  }, 120_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
    await postgres?.stop();
  }, 120_000);

  it('appends, loads, compacts up to a sequence number, lists and finds', async () => {
    const store = await open();
    expect(await store.load('xen/drafts/A')).toBeNull();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one ', 'two ', 'three ', 'four'])
      doc.getText('desc').insert(doc.getText('desc').length, word);
    const sequences: number[] = [];
    for (const update of updates) sequences.push(await store.append('xen/drafts/A', 'xen', update));
    expect(textOf((await store.load('xen/drafts/A'))?.chunks)).toBe('one two three four');

    const firstTwo = new Y.Doc();
    for (const update of updates.slice(0, 2)) Y.applyUpdate(firstTwo, update);
    await store.compact('xen/drafts/A', 'xen', Y.encodeStateAsUpdate(firstTwo), sequences[1]!);
    const stored = await store.load('xen/drafts/A');
    expect(stored?.chunks).toHaveLength(3);
    expect(stored?.lastSequence).toBe(sequences[3]);
    expect(textOf(stored?.chunks)).toBe('one two three four');
    expect(await store.listNames('xen')).toEqual(['xen/drafts/A']);
    expect(await store.has('xen/drafts/A')).toBe(true);
    expect(await store.has('xen/drafts/B')).toBe(false);
  });

  it('lets two server processes compact one document without erasing each other', async () => {
    const first = await open();
    const second = await open();
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('desc').insert(0, 'from A. ');
    b.getText('desc').insert(0, 'from B. ');
    const seqA = await first.append('xen/drafts/Shared', 'xen', Y.encodeStateAsUpdate(a));
    const seqB = await second.append('xen/drafts/Shared', 'xen', Y.encodeStateAsUpdate(b));
    // Each compacts what it has applied (its own change) before hearing of the other's.
    await first.compact('xen/drafts/Shared', 'xen', Y.encodeStateAsUpdate(a), seqB);
    await second.compact('xen/drafts/Shared', 'xen', Y.encodeStateAsUpdate(b), seqA);
    const text = textOf((await first.load('xen/drafts/Shared'))?.chunks);
    expect(text).toContain('from A.');
    expect(text).toContain('from B.');
  });

  it('serves a real server process, and keeps its documents across a restart', async () => {
    const dir = tempDir();
    const args = ['--database-url', postgres.url];
    let server = await startServer({ dataDir: dir.path, args });
    const secret = readFileSync(path.join(dir.path, 'secret'), 'utf8').trim();
    const token = mintToken(secret, { space: 'xen', role: 'editor', name: 'Ada', days: 1 });
    const a = connectClient(server.url, 'xen/drafts/Pg', token);
    const b = connectClient(server.url, 'xen/drafts/Pg', token);
    await waitFor(() => a.synced() && b.synced(), 'synced');
    a.doc.getText('desc').insert(0, 'stored in PostgreSQL');
    await waitFor(() => a.synced() && b.doc.getText('desc').length > 0, 'converged');
    expect(server.logs.find((line) => line.event === 'server.listening')?.store).toBe('postgres');
    server.child.kill('SIGKILL');
    await server.exited;
    a.destroy();
    b.destroy();

    server = await startServer({ dataDir: dir.path, args });
    const reader = connectClient(server.url, 'xen/drafts/Pg', token);
    await waitFor(() => reader.synced() && reader.doc.getText('desc').length > 0, 'reader after restart');
    expect(reader.doc.getText('desc').toString()).toBe('stored in PostgreSQL');
    reader.destroy();
    expect(await server.stop()).toBe(0);
    dir.remove();
  });
});
