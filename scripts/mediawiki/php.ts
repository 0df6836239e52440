import fs from 'node:fs';
import path from 'node:path';
import type { MediaWikiTree } from './distribution';
import type { StateLayout } from './paths';
import { type CommandResult, runCommand } from './processes';

export const PHP_BINARY = process.env.PROJECT_DESK_PHP ?? 'php';

/**
 * PHP settings for both the server and the maintenance scripts. OPcache is off for the CLI by default;
 * switched on with a file cache in the state directory, compiled MediaWiki survives restarts, which is
 * most of what makes a second start quick.
 */
export function phpIniArgs(layout: StateLayout): string[] {
  return [
    '-d',
    'opcache.enable_cli=1',
    '-d',
    `opcache.file_cache=${layout.opcache}`,
    '-d',
    'opcache.memory_consumption=192',
    '-d',
    'opcache.max_accelerated_files=20000',
    '-d',
    'memory_limit=512M',
    '-d',
    'display_errors=stderr',
    // With a PHP output buffer below MediaWiki's, MediaWiki cannot hand the response to the client
    // before its post-send work (deferred updates, the jobs of $wgJobRunRate) is done: php -S has no
    // fastcgi_finish_request(), so without this an edit's response arrives while the pages that use the
    // edited template are still stale.
    '-d',
    'output_buffering=On',
  ];
}

/**
 * The environment every PHP process of this wiki runs in: MW_CONFIG_FILE points at our settings, and
 * MW_INSTALL_PATH at our tree (a value left over from elsewhere would send maintenance scripts there).
 */
export function wikiEnvironment(tree: MediaWikiTree, layout: StateLayout): NodeJS.ProcessEnv {
  return { ...process.env, MW_CONFIG_FILE: layout.settings, MW_INSTALL_PATH: tree.root };
}

/** Runs one of MediaWiki's maintenance scripts (`maintenance/<script>.php`) against this wiki. */
export function runMaintenance(
  tree: MediaWikiTree,
  layout: StateLayout,
  script: string,
  args: readonly string[],
  input?: string,
): Promise<CommandResult> {
  fs.mkdirSync(layout.opcache, { recursive: true });
  const scriptPath = path.join(tree.root, 'maintenance', `${script}.php`);
  return runCommand(PHP_BINARY, [...phpIniArgs(layout), scriptPath, ...args], {
    cwd: tree.root,
    env: wikiEnvironment(tree, layout),
    ...(input === undefined ? {} : { input }),
  });
}
