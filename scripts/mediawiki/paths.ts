import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: this file lives in scripts/mediawiki/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where scripts/mediawiki's own files (router, templates) are. */
export const MEDIAWIKI_SCRIPTS_DIR = path.join(REPO_ROOT, 'scripts', 'mediawiki');

/** The unpacked MediaWiki trees, one per Debian version (gitignored). */
export const MEDIAWIKI_CACHE_DIR = path.join(REPO_ROOT, '.cache', 'mediawiki');

/** The wiki the demo and `npm run wiki` use unless told otherwise (gitignored). */
export const DEFAULT_STATE_DIR = path.join(REPO_ROOT, '.state', 'wiki');

/** A port few other local services pick, so the demo wiki rarely collides. */
export const DEFAULT_PORT = 8181;

/** The router every request passes through (see router.php for what it lets through). */
export const ROUTER_SCRIPT = path.join(MEDIAWIKI_SCRIPTS_DIR, 'router.php');

/** PHP hooks our settings load (see hooks.php). */
export const HOOKS_SCRIPT = path.join(MEDIAWIKI_SCRIPTS_DIR, 'hooks.php');

/** Everything one wiki keeps, all inside the state directory the caller names. */
export interface StateLayout {
  root: string;
  /** install.php's LocalSettings.php, left as the installer wrote it. */
  installerSettings: string;
  /** Our settings (MW_CONFIG_FILE): loads the installer's file, then overrides it; rewritten on each start. */
  settings: string;
  data: string;
  uploads: string;
  cache: string;
  opcache: string;
  tmp: string;
  logs: string;
  serverLog: string;
  /** Written once install.php has finished: a state without it is a failed install and is redone. */
  installMarker: string;
  /** The pid file: the running server's process (group) id and port. */
  serverRecord: string;
  /** What was seeded, by content hash, so unchanged content is not written again. */
  seedRecord: string;
  /** Held while one process starts, seeds or stops this wiki. */
  lock: string;
}

export function stateLayout(stateDir: string): StateLayout {
  const root = path.resolve(stateDir);
  const cache = path.join(root, 'cache');
  const logs = path.join(root, 'logs');
  return {
    root,
    installerSettings: path.join(root, 'LocalSettings.php'),
    settings: path.join(root, 'ProjectDeskSettings.php'),
    data: path.join(root, 'data'),
    uploads: path.join(root, 'images'),
    cache,
    opcache: path.join(cache, 'opcache'),
    tmp: path.join(root, 'tmp'),
    logs,
    serverLog: path.join(logs, 'server.log'),
    installMarker: path.join(root, 'installed.json'),
    serverRecord: path.join(root, 'server.json'),
    seedRecord: path.join(root, 'seed.json'),
    lock: path.join(root, 'lock'),
  };
}
