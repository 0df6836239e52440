import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { tempDir } from './server-process';

/**
 * A throw-away PostgreSQL cluster on 127.0.0.1 for the store tests: Debian's postgresql binaries,
 * initdb in a temp dir, fsync off, stopped and deleted afterwards. As root (sessions and CI) it runs as
 * the `postgres` user, since PostgreSQL refuses to run as root.
 */

export interface Postgres {
  url: string;
  stop(): Promise<void>;
}

/** The bin directory of the newest installed PostgreSQL, or null when there is none. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
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

export async function startPostgres(bin: string): Promise<Postgres> {
  const dir = tempDir('pd-pg-');
  const data = path.join(dir.path, 'data');
  const sockets = path.join(dir.path, 'sockets');
  mkdirSync(sockets);
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [
      string,
      string[],
    ];
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir.path, uid, gid);
    chownSync(sockets, uid, gid);
  }
  execFileSync(
    ...run(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]),
    {
      stdio: 'ignore',
    },
  );
  const port = await freePort();
  const server: ChildProcess = spawn(
    ...run(path.join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      sockets,
      '-F',
    ]),
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client(admin);
    try {
      await client.connect();
      await client.query('CREATE DATABASE desk');
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/desk`,
    stop: async () => {
      // The postmaster itself (runuser, its parent, does not pass signals on): SIGINT is a fast shutdown.
      const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGINT');
      await exited;
      dir.remove();
    },
  };
}
