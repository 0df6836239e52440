import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachStateVectorCatchUp } from '../../../lib/collab/sync-catchup';
import { mintToken } from '../../../server/token';
import { connectClient, type TestClient } from './support/clients';
import { type ServerProcess, startServer, tempDir, waitFor } from './support/server-process';

/** Seeded edits at random places of a long text: inserts, and some deletions. */
function editOffline(doc: Y.Doc, count: number, seed: number): void {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const text = doc.getText('desc');
  for (let i = 0; i < count; i++) {
    if (next() < 0.8 || text.length < 2) text.insert(Math.floor(next() * text.length), 'abcdefghij'[i % 10]!);
    else text.delete(Math.floor(next() * (text.length - 1)), 1);
  }
}

interface CatchUpRun {
  sent: number;
  minimal: number;
  waitingOffline: number;
  waitingAfter: number;
}

describe('offline catch-up by state vector', { timeout: 120_000 }, () => {
  const dir = tempDir();
  let server: ServerProcess;
  let token: string;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path });
    const secret = readFileSync(path.join(dir.path, 'secret'), 'utf8').trim();
    token = mintToken(secret, { space: 'xen', role: 'editor', name: 'Ada', days: 1 });
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    dir.remove();
  }, 120_000);

  async function offlineAndBack(name: string, withHelper: boolean, edits: number): Promise<CatchUpRun> {
    const offline = connectClient(server.url, name, token);
    const peer = connectClient(server.url, name, token);
    clients.push(offline, peer);
    const catchUp = withHelper ? attachStateVectorCatchUp(offline.provider) : null;
    await waitFor(() => offline.synced() && peer.synced(), 'both synced');
    offline.doc.getText('desc').insert(0, 'A description written before going offline. '.repeat(10));
    await waitFor(() => offline.synced() && peer.doc.getText('desc').length > 0, 'base text shared');

    offline.socket.disconnect();
    await waitFor(() => offline.socket.status === 'disconnected', 'offline');
    editOffline(offline.doc, edits, 11);
    peer.doc.getMap('fields').set('Difficulty', 'Hard');
    await waitFor(() => peer.synced(), 'peer change stored');
    const waitingOffline = catchUp?.waiting ?? -1;
    // The server holds exactly the peer's state: the minimal diff is what it lacks of ours.
    const minimal = Y.encodeStateAsUpdate(offline.doc, Y.encodeStateVector(peer.doc)).length;

    offline.bytes.sent = 0;
    offline.socket.connect();
    const same = () => offline.doc.getText('desc').toString() === peer.doc.getText('desc').toString();
    await waitFor(
      () => offline.synced() && same() && offline.doc.getMap('fields').get('Difficulty') === 'Hard',
      'both sides merged',
    );
    const run = { sent: offline.bytes.sent, minimal, waitingOffline, waitingAfter: catchUp?.waiting ?? -1 };
    catchUp?.destroy();
    return run;
  }

  it('sends at most 1.5× the minimal diff, counts the waiting changes, and merges both sides', async () => {
    const run = await offlineAndBack('xen/drafts/Catch_up', true, 300);
    expect(run.waitingOffline).toBe(300);
    expect(run.waitingAfter).toBe(0);
    expect(run.sent).toBeLessThanOrEqual(1.5 * run.minimal);
  });

  it('sends less than the provider alone, which replays its queue and then the diff', async () => {
    const helped = await offlineAndBack('xen/drafts/Catch_up_2', true, 300);
    const alone = await offlineAndBack('xen/drafts/Catch_up_3', false, 300);
    expect(helped.sent / helped.minimal).toBeLessThan(alone.sent / alone.minimal);
    expect(alone.sent).toBeGreaterThan(1.5 * alone.minimal);
  });

  it('goes on sending live updates once back online', async () => {
    const name = 'xen/drafts/Catch_up_live';
    const client = connectClient(server.url, name, token);
    const peer = connectClient(server.url, name, token);
    clients.push(client, peer);
    const catchUp = attachStateVectorCatchUp(client.provider);
    await waitFor(() => client.synced() && peer.synced(), 'both synced');
    client.doc.getText('desc').insert(0, 'live');
    await waitFor(() => peer.doc.getText('desc').toString() === 'live', 'live update reached the peer');
    expect(catchUp.waiting).toBe(0);
    catchUp.destroy();
    client.doc.getText('desc').insert(4, ' still');
    await waitFor(() => peer.doc.getText('desc').toString() === 'live still', 'after destroy too');
  });
});
