/**
 * bench/sync: the sync server (server/, Hocuspocus 4.7 core, SQLite) against a raw WebSocket relay that
 * forwards the same Yjs update bytes to every other client of a room, both as child processes, measured
 * in the same run.
 *
 *   npx tsx bench/sync.ts        (or npm run bench sync)
 *
 * Prints: keystroke-to-peer latency p50/p99 with 2, 10 and 50 clients on one document; server memory
 * (RSS) with 500 open documents; offline catch-up of 1,000 edits (time, bytes sent against the minimal
 * Yjs diff) with lib/collab/sync-catchup.ts and with the provider alone. Each with its ratio and bar.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { attachStateVectorCatchUp } from '../lib/collab/sync-catchup.ts';
import { mintToken } from '../server/token.ts';
import { connectClient, providerSocket, type TestClient } from '../test/unit/server/support/clients.ts';
import {
  type ServerProcess,
  startServer,
  tempDir,
  waitFor,
} from '../test/unit/server/support/server-process.ts';
import { bar, kb, machine, mb, ms } from './support/measure.ts';

const THIS_FILE = fileURLToPath(import.meta.url);

/** The peer: rooms by URL path; every binary message goes to every other socket of the room. */
function runRelay(): void {
  const rooms = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  wss.on('connection', (ws, req) => {
    const room = rooms.get(req.url ?? '/') ?? new Set<WebSocket>();
    rooms.set(req.url ?? '/', room);
    room.add(ws);
    ws.on('message', (data, isBinary) => {
      for (const other of room)
        if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
    });
    ws.on('close', () => room.delete(ws));
  });
  wss.on('listening', () => console.log(JSON.stringify({ port: (wss.address() as { port: number }).port })));
}

interface Relay {
  pid: number;
  url: string;
  stop(): void;
}

function startRelay(): Promise<Relay> {
  const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE, '--relay'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    child.stdout.once('data', (chunk: Buffer) => {
      const { port } = JSON.parse(chunk.toString()) as { port: number };
      resolve({ pid: child.pid!, url: `ws://127.0.0.1:${port}`, stop: () => child.kill() });
    });
  });
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? 0) * 1024;
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const pause = () => new Promise((resolve) => setImmediate(resolve));

/** One peer of the latency runs: a document, and whether an update arrived from elsewhere. */
interface Peer {
  doc: Y.Doc;
  onRemote(listener: () => void): void;
  ready(): boolean;
  close(): void;
}

function relayPeer(url: string, room: string): Peer {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${url}/${room}`, { perMessageDeflate: false });
  ws.binaryType = 'nodebuffer';
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== ws && ws.readyState === WebSocket.OPEN) ws.send(update);
  });
  ws.on('message', (data: Buffer) => Y.applyUpdate(doc, new Uint8Array(data), ws));
  return {
    doc,
    onRemote: (listener) =>
      doc.on('update', (_u: Uint8Array, origin: unknown) => origin === ws && listener()),
    ready: () => ws.readyState === WebSocket.OPEN,
    close: () => ws.close(),
  };
}

function serverPeer(client: TestClient): Peer {
  return {
    doc: client.doc,
    onRemote: (listener) =>
      client.doc.on('update', (_u: Uint8Array, origin: unknown) => origin === client.provider && listener()),
    ready: () => client.synced(),
    close: () => client.destroy(),
  };
}

/**
 * Keystrokes one at a time, from each client in turn; a sample is the time until one peer has it.
 * `block` keystrokes per call, so that the server's and the relay's runs can alternate: on a shared
 * machine a burst of load then hits both, not whichever happened to be running.
 */
class LatencyRun {
  readonly samples: number[] = [];
  private sentAt = 0;
  private arrived = 0;
  private recording = false;
  private keystroke = 0;

  constructor(private readonly peers: Peer[]) {
    for (const peer of peers)
      peer.onRemote(() => {
        this.arrived += 1;
        if (this.recording) this.samples.push(performance.now() - this.sentAt);
      });
  }

  async block(keystrokes: number, record = true): Promise<void> {
    await waitFor(() => this.peers.every((peer) => peer.ready()), 'peers ready', 60_000);
    this.recording = record;
    for (let k = 0; k < keystrokes; k++) {
      const writer = this.peers[this.keystroke++ % this.peers.length]!;
      this.arrived = 0;
      this.sentAt = performance.now();
      const text = writer.doc.getText('desc');
      text.insert(text.length, 'x');
      await waitFor(() => this.arrived >= this.peers.length - 1, `keystroke ${this.keystroke}`, 60_000);
      await pause();
    }
  }

  summary(): { p50: number; p99: number; samples: number } {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: sorted.length };
  }
}

/** A draft like one wiki page's: a dozen entries of fields, long ones as Y.Text. */
function fillDraft(doc: Y.Doc, seed: number): void {
  const entries = doc.getMap<Y.Map<unknown>>('entries');
  doc.transact(() => {
    for (let e = 0; e < 12; e++) {
      const fields = new Y.Map<unknown>();
      entries.set(`entry-${seed}-${e}`, fields);
      fields.set('Project', `Project idea ${seed}.${e}`);
      fields.set('Difficulty', 'Medium');
      fields.set(
        'Desc',
        new Y.Text(`VM save/restore results in a boatload of IO (${seed}.${e}). `.repeat(3)),
      );
    }
  });
}

async function memoryRun(server: ServerProcess, relay: Relay, token: string): Promise<void> {
  const documents = 500;
  const idle = rssOf(server.child.pid!);
  const sockets = Array.from({ length: 10 }, () => providerSocket(server.url));
  const clients = Array.from({ length: documents }, (_, k) => {
    const client = connectClient(server.url, `xen/drafts/Memory_${k}`, token, { socket: sockets[k % 10]! });
    fillDraft(client.doc, k);
    return client;
  });
  await waitFor(() => clients.every((client) => client.synced()), '500 documents stored', 120_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const ours = rssOf(server.child.pid!);
  const relayIdle = rssOf(relay.pid);
  const relayPeers = Array.from({ length: documents }, (_, k) => {
    const peer = relayPeer(relay.url, `memory-${k}`);
    fillDraft(peer.doc, k);
    return peer;
  });
  await waitFor(() => relayPeers.every((peer) => peer.ready()), 'relay rooms open', 60_000);
  for (const peer of relayPeers) fillDraft(peer.doc, documents + 1);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const theirs = rssOf(relay.pid);
  const sample = new Y.Doc();
  fillDraft(sample, 0);
  const stateBytes = Y.encodeStateAsUpdate(sample).length;
  console.log(
    `\nserver memory with 500 open documents (RSS of the process; ${kb(stateBytes)} of Yjs state each)`,
  );
  console.log(`  server: ${mb(ours)} (idle ${mb(idle)}; ${kb((ours - idle) / documents)} per document)`);
  console.log(`  relay:  ${mb(theirs)} (idle ${mb(relayIdle)}; holds no document, only the same 500 rooms)`);
  console.log(`  ratio: server uses ${(ours / theirs).toFixed(1)}× the relay's memory`);
  bar('500 open documents in under 512 MB RSS', ours < 512 * 2 ** 20, mb(ours));
  for (const client of clients) client.provider.destroy();
  for (const socket of sockets) socket.destroy();
  for (const peer of relayPeers) peer.close();
}

function offlineEdits(doc: Y.Doc, count: number): void {
  let state = 7;
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

async function catchUp(server: ServerProcess, token: string, withHelper: boolean) {
  const name = `xen/drafts/Catch_up_${withHelper}`;
  const offline = connectClient(server.url, name, token);
  const peer = connectClient(server.url, name, token);
  const helper = withHelper ? attachStateVectorCatchUp(offline.provider) : null;
  await waitFor(() => offline.synced() && peer.synced(), 'catch-up clients synced');
  offline.doc.getText('desc').insert(0, 'A description written before going offline. '.repeat(20));
  await waitFor(() => offline.synced() && peer.doc.getText('desc').length > 0, 'base text');
  offline.socket.disconnect();
  await waitFor(() => offline.socket.status === 'disconnected', 'offline');
  offlineEdits(offline.doc, 1000);
  const minimal = Y.encodeStateAsUpdate(offline.doc, Y.encodeStateVector(peer.doc)).length;
  offline.bytes.sent = 0;
  offline.bytes.frames = 0;
  const started = performance.now();
  offline.socket.connect();
  const caughtUp = () => peer.doc.getText('desc').toString() === offline.doc.getText('desc').toString();
  await waitFor(() => offline.synced() && caughtUp(), 'caught up', 60_000);
  const result = {
    ms: performance.now() - started,
    sent: offline.bytes.sent,
    frames: offline.bytes.frames,
    minimal,
  };
  helper?.destroy();
  offline.destroy();
  peer.destroy();
  return result;
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}`);
  const dir = tempDir('pd-bench-sync-');
  const server = await startServer({
    dataDir: dir.path,
    args: ['--max-connections-per-address', '1000', '--log-level', 'info'],
  });
  const relay = await startRelay();
  const secret = readFileSync(path.join(dir.path, 'secret'), 'utf8').trim();
  const token = mintToken(secret, { space: 'xen', role: 'editor', name: 'Bench', days: 1 });
  try {
    console.log('\nkeystroke-to-peer latency, one document (each keystroke from the next client in turn;');
    console.log('server and relay alternate in 10 blocks, so that load from elsewhere hits both alike)');
    for (const [clients, keystrokes] of [
      [2, 1000],
      [10, 400],
      [50, 300],
    ] as const) {
      const ours = Array.from({ length: clients }, () =>
        serverPeer(connectClient(server.url, `xen/drafts/Latency_${clients}`, token)),
      );
      const theirs = Array.from({ length: clients }, () => relayPeer(relay.url, `latency-${clients}`));
      const oursRun = new LatencyRun(ours);
      const relayRun = new LatencyRun(theirs);
      await oursRun.block(20, false);
      await relayRun.block(20, false);
      const blocks = 10;
      for (let b = 0; b < blocks; b++) {
        await oursRun.block(keystrokes / blocks);
        await relayRun.block(keystrokes / blocks);
      }
      for (const peer of [...ours, ...theirs]) peer.close();
      const oursResult = oursRun.summary();
      const relayResult = relayRun.summary();
      console.log(
        `  ${clients} clients: server p50 ${ms(oursResult.p50)}, p99 ${ms(oursResult.p99)}; relay p50 ${ms(relayResult.p50)}, p99 ${ms(relayResult.p99)} (${oursResult.samples} samples each)`,
      );
      const ratio = oursResult.p99 / relayResult.p99;
      console.log(
        `    ratio: server p50 ${(oursResult.p50 / relayResult.p50).toFixed(2)}×, p99 ${ratio.toFixed(2)}× the relay's`,
      );
      if (clients === 50)
        bar('p99 with 50 clients at most 2× the raw relay', ratio <= 2, `${ratio.toFixed(2)}×`);
    }

    await memoryRun(server, relay, token);

    console.log('\noffline catch-up of 1,000 edits (80% inserts, 20% deletions at random places)');
    const helped = await catchUp(server, token, true);
    const alone = await catchUp(server, token, false);
    for (const [label, run] of [
      ['with sync-catchup', helped],
      ['provider alone   ', alone],
    ] as const) {
      console.log(
        `  ${label}: ${ms(run.ms)}, sent ${kb(run.sent)} in ${run.frames} frames; minimal diff ${kb(run.minimal)}; ratio ${(run.sent / run.minimal).toFixed(2)}×`,
      );
    }
    const ratio = helped.sent / helped.minimal;
    bar('catch-up bytes at most 1.5× the minimal diff', ratio <= 1.5, `${ratio.toFixed(2)}×`);
  } finally {
    relay.stop();
    await server.stop();
    dir.remove();
  }
}

if (process.argv.includes('--relay')) runRelay();
else
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
