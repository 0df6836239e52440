import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mintToken } from '../../../server/token';
import { authFrame, connectClient, type RawSocket, rawSocket, type TestClient } from './support/clients';
import { type ServerProcess, startServer, tempDir, waitFor } from './support/server-process';

describe('sync server: limits', { timeout: 120_000 }, () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  }, 120_000);

  async function start(
    args: string[],
    dataDir?: string,
  ): Promise<{ server: ServerProcess; secret: string; dir: string }> {
    let dir = dataDir;
    if (!dir) {
      const made = tempDir();
      cleanup.push(made.remove);
      dir = made.path;
    }
    const server = await startServer({ dataDir: dir, args });
    cleanup.push(() => server.stop());
    return { server, secret: readFileSync(path.join(dir, 'secret'), 'utf8').trim(), dir };
  }

  function client(server: ServerProcess, name: string, token: string): TestClient {
    const made = connectClient(server.url, name, token);
    cleanup.push(() => made.destroy());
    return made;
  }

  it('closes a connection beyond the per-address limit with 4429, and only that one', async () => {
    const { server, secret } = await start(['--max-connections-per-address', '3']);
    const token = mintToken(secret, { space: 'xen', role: 'editor', name: 'Ada', days: 1 });
    const sockets: RawSocket[] = [];
    for (let i = 0; i < 3; i++) sockets.push(await rawSocket(server.url));
    for (const socket of sockets) cleanup.push(() => socket.ws.close());
    const extra = await rawSocket(server.url);
    expect(await extra.closed).toEqual({ code: 4429, reason: 'too-many-connections' });

    // The three admitted sockets still work.
    sockets.forEach((socket, k) => {
      socket.send(authFrame(`xen/drafts/Limit_${k}`, token));
    });
    await waitFor(() => sockets.every((socket) => socket.received.length > 0), 'authentication answers');

    // One leaves, and a newcomer is admitted.
    sockets[0]!.ws.close();
    await sockets[0]!.closed;
    await waitFor(
      () => server.logs.filter((line) => line.event === 'socket.closed').length >= 1,
      'close seen',
    );
    const newcomer = await rawSocket(server.url);
    cleanup.push(() => newcomer.ws.close());
    newcomer.send(authFrame('xen/drafts/Limit_new', token));
    await waitFor(() => newcomer.received.length > 0, 'newcomer answered');
  });

  it('refuses a new document beyond the per-space limit, also after a restart', async () => {
    const dir = tempDir();
    cleanup.push(dir.remove);
    const { server, secret } = await start(['--max-documents-per-space', '2'], dir.path);
    const xen = mintToken(secret, { space: 'xen', role: 'editor', name: 'Ada', days: 1 });
    const other = mintToken(secret, { space: 'other', role: 'editor', name: 'Ola', days: 1 });

    for (const page of ['One', 'Two']) {
      const writer = client(server, `xen/drafts/${page}`, xen);
      await waitFor(() => writer.synced(), `writer of ${page}`);
      writer.doc.getText('desc').insert(0, page);
      await waitFor(() => writer.synced(), `${page} stored`);
    }
    const third = client(server, 'xen/drafts/Three', xen);
    await waitFor(() => third.events.failure !== undefined, 'refusal');
    expect(third.events.failure).toBe('space-document-limit');

    // Existing documents of the space, and other spaces, are unaffected.
    const again = client(server, 'xen/drafts/One', xen);
    await waitFor(() => again.synced() && again.doc.getText('desc').toString() === 'One', 'One reopened');
    const elsewhere = client(server, 'other/drafts/Three', other);
    await waitFor(() => elsewhere.synced(), 'other space');

    await server.stop();
    const restarted = await start(['--max-documents-per-space', '2'], dir.path);
    const afterRestart = client(restarted.server, 'xen/comments/Three', xen);
    await waitFor(() => afterRestart.events.failure !== undefined, 'refusal after restart');
    expect(afterRestart.events.failure).toBe('space-document-limit');
  });

  it('stops counting a document that was opened but never written', async () => {
    const { server, secret } = await start(['--max-documents-per-space', '1']);
    const token = mintToken(secret, { space: 'xen', role: 'viewer', name: 'Val', days: 1 });
    const glance = client(server, 'xen/drafts/Glance', token);
    await waitFor(() => glance.synced(), 'glance');
    const blocked = client(server, 'xen/drafts/Other', token);
    await waitFor(() => blocked.events.failure !== undefined, 'refusal while Glance is open');
    expect(blocked.events.failure).toBe('space-document-limit');
    glance.destroy();
    blocked.destroy();
    await waitFor(() => server.logs.some((line) => line.event === 'document.disconnected'), 'Glance closed');
    // The unload runs after the disconnect: retry until the name is released.
    let admitted: TestClient | null = null;
    await waitFor(() => {
      if (admitted?.synced()) return true;
      if (!admitted || admitted.events.failure) {
        admitted?.destroy();
        admitted = client(server, 'xen/drafts/Other', token);
      }
      return false;
    }, 'Other admitted');
  });
});
