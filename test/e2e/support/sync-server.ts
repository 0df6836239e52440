import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './extension';

/**
 * The real sync server for the end-to-end tests: `server/bin/project-desk-server.mjs`, on a port of its
 * own choosing the first time (port 0) and on that same port when restarted on the same data directory
 * (the extension's options name the port). Tokens come from its `token` command. Only the process it
 * started is ever signalled, by its pid.
 */
const BIN = path.join(ROOT, 'server/bin/project-desk-server.mjs');

export type Role = 'editor' | 'reviewer' | 'viewer';

export interface SyncServer {
  readonly dataDir: string;
  port: number;
  readonly url: string;
  /** Starts it again on the same port and data (after stop or kill). */
  restart(): Promise<void>;
  /** SIGKILL: no flush, no goodbye. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: the process hangs with its sockets open (a stalled server), then goes on. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
  token(options: { role: Role; name: string; days?: number; space?: string }): string;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
}

function spawnServer(dataDir: string, port: number): Promise<{ running: Running; port: number }> {
  const child = spawn(
    process.execPath,
    [BIN, '--port', String(port), '--data', dataDir, '--log-level', 'info'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  let buffered = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const record = JSON.parse(line) as { event?: string; port?: number };
        if (record.event === 'server.listening' && typeof record.port === 'number')
          resolve({ running: { child, exited }, port: record.port });
      }
    });
    void exited.then(() => reject(new Error(`the sync server exited before listening: ${stderr}`)));
  });
}

export function mintToken(
  dataDir: string,
  options: { role: Role; name: string; days?: number; space?: string },
): string {
  const result = spawnSync(
    process.execPath,
    [
      BIN,
      'token',
      '--data',
      dataDir,
      '--space',
      options.space ?? 'xen',
      '--role',
      options.role,
      '--name',
      options.name,
      '--days',
      String(options.days ?? 30),
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`token failed: ${result.stderr}`);
  return result.stdout.trim();
}

export async function startSyncServer(): Promise<SyncServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'project-desk-e2e-sync-'));
  let { running, port } = await spawnServer(dataDir, 0);
  const signal = async (name: NodeJS.Signals) => {
    const { child, exited } = running;
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined)
      process.kill(child.pid, name);
    await exited;
  };
  const server: SyncServer = {
    dataDir,
    get port() {
      return port;
    },
    set port(value) {
      port = value;
    },
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    async restart() {
      running = (await spawnServer(dataDir, port)).running;
    },
    kill: () => signal('SIGKILL'),
    pause: () => {
      if (running.child.pid !== undefined) process.kill(running.child.pid, 'SIGSTOP');
    },
    resume: () => {
      if (running.child.pid !== undefined) process.kill(running.child.pid, 'SIGCONT');
    },
    stop: () => signal('SIGTERM'),
    token: (options) => mintToken(dataDir, options),
    async dispose() {
      server.resume();
      await signal('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
