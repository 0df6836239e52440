import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { tempDir } from './server-process';

/**
 * A throw-away Redis on 127.0.0.1 for the scale-out tests: Debian's `redis-server`, no persistence,
 * its working directory a temp dir, stopped by its pid. `restart()` brings it back on the same port
 * (an outage the server instances must live through).
 */

export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  pid(): number | undefined;
  /** SIGKILL, then waits for the exit: an outage, as a crash or a network cut looks to a client. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after kill). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

/** The redis-server binary, or null when there is none. */
export function redisServerBin(): string | null {
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'redis-server'));
  return [...CANDIDATES, ...onPath].find((file) => existsSync(file)) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** One PING over a fresh socket: true when Redis answered +PONG. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

export async function startRedis(bin: string): Promise<RedisProcess> {
  const dir = tempDir('pd-redis-');
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir.path];
    const quiet = ['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''];
    const started = spawn(bin, [...args, ...quiet], { stdio: 'ignore' });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const deadline = Date.now() + 30_000;
    while (!(await pings(port))) {
      if (started.exitCode !== null) throw new Error(`redis-server exited (${started.exitCode})`);
      if (Date.now() > deadline) throw new Error('redis-server did not answer PING');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const signal = async (name: NodeJS.Signals) => {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null)
      process.kill(child.pid, name);
    await exited;
    child = null;
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    kill: () => signal('SIGKILL'),
    restart: launch,
    stop: async () => {
      await signal('SIGTERM');
      dir.remove();
    },
  };
}
