import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE } from '../../../server/store/sqlite';
import { mintToken } from '../../../server/token';
import { connectClient, type TestClient } from './support/clients';
import { type ServerProcess, startServer, tempDir, waitFor } from './support/server-process';

/**
 * "Stored" means acknowledged: the server appends each update to SQLite before it applies it and sends
 * its sync-status acknowledgement, so when a client's unsyncedChanges falls to 0, all it sent is on disk.
 */

interface Typist {
  client: TestClient;
  typed: string[];
  acknowledged: Set<string>;
}

/**
 * A client that types words into a shared text, one update message per word. The server acknowledges
 * a connection's updates in order, so with `number` updates unacknowledged, all but the last `number`
 * words are acknowledged.
 */
function typist(client: TestClient): Typist {
  const typist: Typist = { client, typed: [], acknowledged: new Set() };
  client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    for (const word of typist.typed.slice(0, typist.typed.length - number)) typist.acknowledged.add(word);
  });
  return typist;
}

function type(typist: Typist, word: string): void {
  const text = typist.client.doc.getText('desc');
  typist.typed.push(word);
  text.insert(text.length, ` ${word}`);
}

function storedText(dataDir: string, name: string): { text: string; pendingUpdates: number } {
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    const doc = new Y.Doc();
    const state = db
      .prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?')
      .get(name);
    if (state) Y.applyUpdate(doc, state.state);
    const updates = db
      .prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE name = ?')
      .all(name);
    for (const row of updates) Y.applyUpdate(doc, row.data);
    return { text: doc.getText('desc').toString(), pendingUpdates: updates.length };
  } finally {
    db.close();
  }
}

describe('sync server: durability', { timeout: 180_000 }, () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  }, 120_000);

  async function serverWithToken(dataDir: string): Promise<{ server: ServerProcess; token: string }> {
    const server = await startServer({ dataDir });
    cleanup.push(() => server.stop('SIGKILL'));
    const secret = readFileSync(path.join(dataDir, 'secret'), 'utf8').trim();
    return { server, token: mintToken(secret, { space: 'xen', role: 'editor', name: 'Ada', days: 1 }) };
  }

  it('loses nothing it acknowledged when SIGKILLed mid-editing', async () => {
    const dir = tempDir();
    cleanup.push(dir.remove);
    const { server, token } = await serverWithToken(dir.path);
    const names = ['xen/drafts/Kill_A', 'xen/drafts/Kill_A', 'xen/drafts/Kill_B'];
    const typists = names.map((name) => typist(connectClient(server.url, name, token)));
    for (const t of typists) cleanup.push(() => t.client.destroy());
    await waitFor(() => typists.every((t) => t.client.synced()), 'typists synced');

    // Type in rounds until plenty is acknowledged, then kill the server while words are still in flight.
    let round = 0;
    const typeRound = () => {
      round += 1;
      typists.forEach((t, k) => {
        type(t, `w${k}-${round}`);
      });
    };
    while (typists.some((t) => t.acknowledged.size < 40)) {
      typeRound();
      await new Promise((resolve) => setImmediate(resolve));
    }
    typeRound();
    typeRound();
    server.child.kill('SIGKILL');
    typeRound();
    expect(await server.exited).toBeNull();
    for (const t of typists) t.client.socket.disconnect();

    // What the server acknowledged is in its file: a restarted server serves it to a fresh reader.
    const restarted = await serverWithToken(dir.path);
    for (const name of new Set(names)) {
      const reader = connectClient(restarted.server.url, name, restarted.token);
      cleanup.push(() => reader.destroy());
      await waitFor(() => reader.synced(), `reader of ${name}`);
      const text = reader.doc.getText('desc').toString();
      const words = new Set(text.split(' '));
      typists.forEach((t, k) => {
        if (names[k] !== name) return;
        expect(t.acknowledged.size).toBeGreaterThanOrEqual(40);
        for (const word of t.acknowledged) expect(words).toContain(word);
      });
    }

    // And the clients' unacknowledged words arrive when they reconnect: no edit lost at all.
    const again = typists.map((t, k) =>
      connectClient(restarted.server.url, names[k]!, restarted.token, { doc: t.client.doc }),
    );
    for (const client of again) cleanup.push(() => client.destroy());
    await waitFor(() => again.every((client) => client.synced()), 'clients resynced');
    for (const name of new Set(names)) {
      const reader = connectClient(restarted.server.url, name, restarted.token);
      cleanup.push(() => reader.destroy());
      await waitFor(() => reader.synced(), `second reader of ${name}`);
      const words = new Set(reader.doc.getText('desc').toString().split(' '));
      typists.forEach((t, k) => {
        if (names[k] === name) for (const word of t.typed) expect(words).toContain(word);
      });
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('flushes every document to disk on %s', async (signal) => {
    const dir = tempDir();
    cleanup.push(dir.remove);
    const { server, token } = await serverWithToken(dir.path);
    const names = ['xen/drafts/Flush_1', 'xen/drafts/Flush_2', 'xen/comments/Flush_1'];
    const typists = names.map((name) => typist(connectClient(server.url, name, token)));
    for (const t of typists) cleanup.push(() => t.client.destroy());
    await waitFor(() => typists.every((t) => t.client.synced()), 'typists synced');
    for (let round = 1; round <= 20; round++) {
      typists.forEach((t, k) => {
        type(t, `f${k}-${round}`);
      });
    }
    await waitFor(() => typists.every((t) => t.client.synced()), 'every word acknowledged');

    expect(await server.stop(signal)).toBe(0);
    expect(server.logs.some((line) => line.event === 'server.stopped')).toBe(true);
    expect(typists.some((t) => t.client.events.closes.some((close) => close.code === 1001))).toBe(true);
    names.forEach((name, k) => {
      const stored = storedText(dir.path, name);
      // Compacted: the whole state is in `documents`, no update is left waiting in the log.
      expect(stored.pendingUpdates).toBe(0);
      expect(stored.text.trim().split(' ')).toEqual(typists[k]!.typed);
    });
  });

  it('compacts a document when its last client leaves', async () => {
    const dir = tempDir();
    cleanup.push(dir.remove);
    const { server, token } = await serverWithToken(dir.path);
    const t = typist(connectClient(server.url, 'xen/drafts/Leave', token));
    await waitFor(() => t.client.synced(), 'synced');
    for (let round = 1; round <= 10; round++) type(t, `l${round}`);
    await waitFor(() => t.client.synced(), 'acknowledged');
    t.client.destroy();
    await waitFor(
      () => server.logs.some((line) => line.event === 'document.disconnected'),
      'disconnect logged',
    );
    await waitFor(() => storedText(dir.path, 'xen/drafts/Leave').pendingUpdates === 0, 'compaction');
    expect(storedText(dir.path, 'xen/drafts/Leave').text.trim().split(' ')).toEqual(t.typed);
  });
});
