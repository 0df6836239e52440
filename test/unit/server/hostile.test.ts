import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mintToken } from '../../../server/token';
import {
  authFrame,
  connectClient,
  FrameWriter,
  type RawSocket,
  rawSocket,
  type TestClient,
  updateFrame,
} from './support/clients';
import { fetchHealth, type ServerProcess, startServer, tempDir, waitFor } from './support/server-process';

/** A small seeded PRNG (mulberry32): a failing case replays exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(length: number, seed: number): Uint8Array {
  const next = random(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

/** An update that would write EVIL into the document, if applied. */
function evilUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('desc').insert(0, 'EVIL EVIL EVIL');
  doc.getMap('fields').set('Project', 'EVIL');
  doc.getText('desc').delete(0, 5);
  return Y.encodeStateAsUpdate(doc);
}

const DOC = 'xen/drafts/Hostile';

describe('sync server: hostile messages close only their own connection', { timeout: 120_000 }, () => {
  const dir = tempDir();
  let server: ServerProcess;
  let editorToken: string;
  let good: TestClient;
  const others: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path, args: ['--max-message-bytes', String(1024 * 1024)] });
    const secret = readFileSync(path.join(dir.path, 'secret'), 'utf8').trim();
    editorToken = mintToken(secret, { space: 'xen', role: 'editor', name: 'Ada', days: 1 });
    good = connectClient(server.url, DOC, editorToken);
    await waitFor(() => good.synced(), 'good client synced');
    good.doc.getText('desc').insert(0, 'intact');
    await waitFor(() => good.synced(), 'first write acknowledged');
  }, 120_000);
  afterAll(async () => {
    good?.destroy();
    for (const other of others) other.destroy();
    await server?.stop();
    dir.remove();
  }, 120_000);

  async function authenticated(): Promise<RawSocket> {
    const socket = await rawSocket(server.url);
    socket.send(authFrame(DOC, editorToken));
    await waitFor(() => socket.received.length > 0, 'authentication answer');
    return socket;
  }

  /** The good client still writes and is acknowledged, and a fresh reader sees exactly its text. */
  async function expectIntact(round: number): Promise<void> {
    good.doc.getText('desc').insert(good.doc.getText('desc').length, ` ${round}`);
    await waitFor(() => good.synced(), `good client's write ${round} acknowledged`);
    expect(good.events.closes).toEqual([]);
    const reader = connectClient(server.url, DOC, editorToken);
    others.push(reader);
    const expected = good.doc.getText('desc').toString();
    await waitFor(
      () => reader.synced() && reader.doc.getText('desc').toString() === expected,
      'fresh reader',
    );
    expect(reader.doc.getText('desc').toString()).not.toContain('EVIL');
    expect(reader.doc.getMap('fields').get('Project')).toBeUndefined();
    reader.destroy();
    expect((await fetchHealth(server.port)).body.ok).toBe(true);
  }

  it('random bytes before authentication', async () => {
    for (const [round, length] of [8, 64, 700].entries()) {
      const socket = await rawSocket(server.url);
      socket.send(randomBytes(length, 100 + round));
      const closed = await socket.closed;
      expect(closed.code).toBe(4400);
    }
    await expectIntact(1);
  });

  it('random bytes after authentication', async () => {
    for (let round = 0; round < 5; round++) {
      const socket = await authenticated();
      socket.send(randomBytes(20 + round * 37, 200 + round));
      expect((await socket.closed).code).toBe(4400);
    }
    await expectIntact(2);
  });

  it('random bytes inside a well-formed update frame', async () => {
    for (let round = 0; round < 5; round++) {
      const socket = await authenticated();
      socket.send(updateFrame(DOC, randomBytes(30 + round * 11, 300 + round)));
      expect((await socket.closed).code).toBe(4400);
    }
    await expectIntact(3);
  });

  it('truncated updates, with and without a length that matches', async () => {
    const update = evilUpdate();
    const whole = updateFrame(DOC, update);
    for (const cut of [3, Math.floor(update.length / 2), update.length - 1]) {
      const frameCut = await authenticated();
      frameCut.send(whole.subarray(0, whole.length - update.length + cut));
      expect((await frameCut.closed).code).toBe(4400);
      const honestLength = await authenticated();
      honestLength.send(updateFrame(DOC, update.subarray(0, cut)));
      expect((await honestLength.closed).code).toBe(4400);
    }
    await expectIntact(4);
  });

  it('a frame with bytes after its end, a text frame, and a server-only message type', async () => {
    const padded = await authenticated();
    const frame = updateFrame(DOC, evilUpdate());
    padded.send(Uint8Array.from([...frame, 0, 0]));
    expect((await padded.closed).code).toBe(4400);

    const text = await authenticated();
    text.ws.send('hello');
    expect((await text.closed).code).toBe(4400);

    const broadcast = await authenticated();
    broadcast.send(new FrameWriter().string(DOC).varUint(6).string('to everyone').done());
    expect((await broadcast.closed).code).toBe(4400);
    await expectIntact(5);
  });

  it('a 50 MB message', async () => {
    const socket = await authenticated();
    const huge = new Uint8Array(50 * 1024 * 1024);
    huge.set(updateFrame(DOC, evilUpdate()));
    socket.send(huge);
    expect((await socket.closed).code).toBe(1009);
    expect(server.logs.some((line) => line.event === 'limit.message-size')).toBe(true);
    await expectIntact(6);
  });

  it('an update as large as allowed still goes through', async () => {
    const big = 'x'.repeat(600 * 1024);
    good.doc.getText('big').insert(0, big);
    await waitFor(() => good.synced(), 'big write acknowledged');
    await expectIntact(7);
  });
});
