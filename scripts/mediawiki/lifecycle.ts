import fs from 'node:fs';
import path from 'node:path';
import { checkPhp, ensureMediaWikiTree } from './distribution';
import { installWiki, writeSettings } from './install';
import { withLock } from './lock';
import { DEFAULT_PORT, DEFAULT_STATE_DIR, type StateLayout, stateLayout } from './paths';
import { applySeed, planSeed, readSeedRecord } from './seed';
import { loadSeedContent, WIKI_PAGES, WIKI_TEMPLATES } from './seed-content';
import { assertPortFree, freePort, originOf, runningServer, startServer, stopServer } from './server';
import { WIKI_USERS } from './users';

export interface WikiOptions {
  /** Where this wiki keeps everything; default .state/wiki/. */
  stateDir?: string;
  /** Default 8181; 0 picks a free port. A wiki that is already running keeps its port. */
  port?: number;
  /** Write every seed page and user again, restoring pages edited on the wiki since. */
  reseed?: boolean;
  /** Progress messages (default: none). */
  log?: (message: string) => void;
}

export interface WikiEndpoints {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** …/index.php, for `?title=` page views. */
  indexUrl: string;
  /** …/api.php */
  apiUrl: string;
  port: number;
  /** The server's pid (and process group). */
  pid: number;
  stateDir: string;
}

export interface WikiStartReport extends WikiEndpoints {
  /** False when the server was already running and was only reported. */
  started: boolean;
  installed: boolean;
  /** Titles written by this call (empty when the seed content was unchanged). */
  seeded: string[];
  /** Seed sources that do not exist yet (they are seeded on a later start once they do). */
  missing: string[];
  elapsedMs: number;
}

export interface RunningWiki extends WikiStartReport {
  users: typeof WIKI_USERS;
  pages: typeof WIKI_PAGES;
  templates: typeof WIKI_TEMPLATES;
  stop(): Promise<void>;
}

function endpoints(layout: StateLayout, port: number, pid: number): WikiEndpoints {
  const origin = originOf(port);
  return {
    origin,
    indexUrl: `${origin}/index.php`,
    apiUrl: `${origin}/api.php`,
    port,
    pid,
    stateDir: layout.root,
  };
}

/**
 * Makes sure the wiki of `stateDir` runs: unpacks MediaWiki if needed, installs, seeds what changed,
 * starts the server, waits until it answers. Idempotent: a running wiki is reported, not restarted.
 */
export async function ensureWiki(options: WikiOptions = {}): Promise<RunningWiki> {
  const started = Date.now();
  const layout = stateLayout(options.stateDir ?? DEFAULT_STATE_DIR);
  const log = options.log ?? (() => {});
  fs.mkdirSync(layout.root, { recursive: true });
  const report = await withLock(layout.lock, async (): Promise<Omit<WikiStartReport, 'elapsedMs'>> => {
    const running = runningServer(layout);
    if (running && options.port && options.port !== running.port) {
      throw new Error(`the wiki in ${layout.root} already runs on port ${running.port}; stop it first`);
    }
    await checkPhp();
    const tree = await ensureMediaWikiTree();
    const port = running?.port ?? (options.port || (options.port === 0 ? await freePort() : DEFAULT_PORT));
    // Before installing or seeding: a taken port should fail in a moment, not after them.
    if (!running) await assertPortFree(port);
    log(`MediaWiki ${tree.debianVersion} from ${tree.root}`);
    const installed = await installWiki(tree, layout, port);
    if (installed) log(`installed a new wiki in ${layout.root}`);
    if (!running) writeSettings(layout, port);

    const content = await loadSeedContent();
    const plan = planSeed(content, readSeedRecord(layout), options.reseed);
    if (plan.pages.length > 0 || plan.users.length > 0) {
      log(
        `seeding ${[...plan.users.map((user) => `User:${user.username}`), ...plan.pages.map((p) => p.title)].join(', ')}`,
      );
      await applySeed(tree, layout, plan);
    }
    for (const source of content.missing)
      log(`not seeded yet (missing): ${path.relative(process.cwd(), source)}`);

    const server = running ?? (await startServer(tree, layout, port));
    return {
      ...endpoints(layout, server.port, server.pid),
      started: !running,
      installed,
      seeded: plan.pages.map((page) => page.title),
      missing: content.missing,
    };
  });
  return {
    ...report,
    elapsedMs: Date.now() - started,
    users: WIKI_USERS,
    pages: WIKI_PAGES,
    templates: WIKI_TEMPLATES,
    stop: () => stopWiki(report.stateDir).then(() => undefined),
  };
}

/** Stops the wiki of `stateDir` if it runs. Returns whether it did. */
export async function stopWiki(stateDir: string = DEFAULT_STATE_DIR): Promise<boolean> {
  const layout = stateLayout(stateDir);
  if (!fs.existsSync(layout.root)) return false;
  return withLock(layout.lock, () => stopServer(layout));
}

/** The running wiki of `stateDir`, or undefined. */
export function wikiStatus(stateDir: string = DEFAULT_STATE_DIR): WikiEndpoints | undefined {
  const layout = stateLayout(stateDir);
  const running = fs.existsSync(layout.root) ? runningServer(layout) : undefined;
  return running ? endpoints(layout, running.port, running.pid) : undefined;
}

/** What only a wiki state directory holds; reset refuses to delete a directory without it. */
const STATE_SIGNATURE = ['installed.json', 'ProjectDeskSettings.php', 'LocalSettings.php', 'lock'];

/** Stops the wiki and deletes its state directory: the next start installs and seeds afresh. */
export async function resetWiki(stateDir: string = DEFAULT_STATE_DIR): Promise<void> {
  const layout = stateLayout(stateDir);
  if (!fs.existsSync(layout.root)) return;
  const entries = fs.readdirSync(layout.root);
  if (entries.length > 0 && !entries.some((entry) => STATE_SIGNATURE.includes(entry))) {
    throw new Error(`${layout.root} does not look like a wiki state directory; not deleting it`);
  }
  await stopWiki(layout.root);
  fs.rmSync(layout.root, { recursive: true, force: true });
}
