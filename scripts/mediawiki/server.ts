import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { z } from 'zod';
import type { MediaWikiTree } from './distribution';
import { ROUTER_SCRIPT, type StateLayout } from './paths';
import { PHP_BINARY, phpIniArgs, wikiEnvironment } from './php';
import { sleep } from './processes';

/** Forked by `php -S` to answer requests in parallel (a page view loads several load.php URLs at once). */
const SERVER_WORKERS = 4;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const ServerRecordSchema = z.object({
  /** The server's pid, which is also its process group id (it is spawned as a group leader). */
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  startedAt: z.string(),
});
export type ServerRecord = z.infer<typeof ServerRecordSchema>;

export const originOf = (port: number): string => `http://127.0.0.1:${port}`;

/** The command line of our server on this port, as /proc shows it: what a live pid must match. */
export function serverArgs(tree: MediaWikiTree, layout: StateLayout, port: number): string[] {
  return [...phpIniArgs(layout), '-q', '-S', `127.0.0.1:${port}`, '-t', tree.root, ROUTER_SCRIPT];
}

/**
 * Whether a process's argv (from /proc/PID/cmdline) is our wiki server for this state directory and
 * port. A pid file can outlive its process and the pid be reused; we never signal a stranger.
 */
export function isWikiServerCommand(argv: readonly string[], layout: StateLayout, port: number): boolean {
  return (
    argv.includes('-S') &&
    argv.includes(`127.0.0.1:${port}`) &&
    argv.includes(ROUTER_SCRIPT) &&
    argv.includes(`opcache.file_cache=${layout.opcache}`)
  );
}

function commandLineOf(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

function readServerRecord(layout: StateLayout): ServerRecord | undefined {
  try {
    return ServerRecordSchema.parse(JSON.parse(fs.readFileSync(layout.serverRecord, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Whether the process group of `record` still holds our server. Any live member counts, not only the
 * leader: when the leader dies alone (killed, or its exit unreaped by a container's first process),
 * its workers go on serving the port.
 */
function isOurServerGroup(record: ServerRecord, layout: StateLayout): boolean {
  return liveGroupMembers(record.pid).some((pid) => {
    const argv = commandLineOf(pid);
    return argv !== undefined && isWikiServerCommand(argv, layout, record.port);
  });
}

/** The record of this state directory's server if that server is alive; a stale pid file is removed. */
export function runningServer(layout: StateLayout): ServerRecord | undefined {
  const record = readServerRecord(layout);
  if (record && isOurServerGroup(record, layout)) return record;
  fs.rmSync(layout.serverRecord, { force: true });
  return undefined;
}

/** Resolves when nothing listens on 127.0.0.1:port, rejects with a clear message otherwise. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`127.0.0.1:${port} is taken (${error.code}): choose another --port`)),
    );
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A port the system has free right now (for callers that ask for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Asks the wiki what it is; true once MediaWiki answers through api.php. */
export async function answersSiteinfo(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/api.php?action=query&meta=siteinfo&format=json&formatversion=2`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { query?: { general?: { generator?: string } } };
    return body.query?.general?.generator?.startsWith('MediaWiki') ?? false;
  } catch {
    return false;
  }
}

function logTail(layout: StateLayout): string {
  try {
    return fs.readFileSync(layout.serverLog, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no server log)';
  }
}

/**
 * Starts `php -S` for this wiki in a process group of its own (so that stopping the group also ends
 * the workers it forks), writes the pid file, and waits until api.php answers.
 */
export async function startServer(
  tree: MediaWikiTree,
  layout: StateLayout,
  port: number,
): Promise<ServerRecord> {
  await assertPortFree(port);
  fs.mkdirSync(layout.logs, { recursive: true });
  fs.mkdirSync(layout.opcache, { recursive: true });
  const log = fs.openSync(layout.serverLog, 'a');
  const child = spawn(PHP_BINARY, serverArgs(tree, layout, port), {
    cwd: tree.root,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...wikiEnvironment(tree, layout), PHP_CLI_SERVER_WORKERS: String(SERVER_WORKERS) },
  });
  fs.closeSync(log);
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = `exited (${code ?? signal})`;
  });
  child.once('error', (error) => {
    exit = `could not start: ${error.message}`;
  });
  child.unref();
  if (child.pid === undefined) {
    await sleep(50);
    throw new Error(`php -S ${exit ?? 'did not start'}`);
  }
  const record: ServerRecord = { pid: child.pid, port, startedAt: new Date().toISOString() };
  fs.writeFileSync(layout.serverRecord, `${JSON.stringify(record, null, 2)}\n`);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answersSiteinfo(originOf(port)))) {
    if (exit || Date.now() > deadline) {
      await stopServer(layout);
      throw new Error(
        `the wiki server ${exit ?? 'did not answer in time'}; its log ends:\n${logTail(layout)}`,
      );
    }
    await sleep(100);
  }
  return record;
}

/** Stops this state directory's server, workers included. Returns whether one was running. */
export async function stopServer(layout: StateLayout): Promise<boolean> {
  const record = readServerRecord(layout);
  if (!record || !isOurServerGroup(record, layout)) {
    fs.rmSync(layout.serverRecord, { force: true });
    return false;
  }
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-record.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  const groupAlive = (): boolean => liveGroupMembers(record.pid).length > 0;
  while (groupAlive() && Date.now() < deadline) await sleep(50);
  if (groupAlive()) {
    signalGroup('SIGKILL');
    const killDeadline = Date.now() + STOP_TIMEOUT_MS;
    while (groupAlive() && Date.now() < killDeadline) await sleep(50);
  }
  fs.rmSync(layout.serverRecord, { force: true });
  return true;
}

/**
 * The live (not zombie) processes of a process group. Read from /proc rather than probed with signal 0,
 * which counts zombies too: in a container whose first process does not reap orphans, a stopped
 * server stays a zombie for good.
 */
function liveGroupMembers(groupId: number): number[] {
  const members: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === groupId && state !== 'Z') members.push(Number(entry));
  }
  return members;
}
