#!/usr/bin/env node
// `npm start`: the product, running. Installs what is missing, starts the demo wiki (when PHP is
// available), builds the extension with that wiki enabled, and waits; Ctrl-C stops what it started.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureNodeModules, ensureSystemPackages, ROOT } from './ensure-deps.mjs';

const DEMO_PORT = process.env.PROJECT_DESK_DEMO_PORT ?? '8181';
const DEMO_STATE = path.join(ROOT, '.state/wiki');
const SYNC_PORT = process.env.PROJECT_DESK_SYNC_PORT ?? '1234';
const SYNC_DATA = path.join(ROOT, '.state/sync');
const SERVER_BIN = path.join(ROOT, 'server/bin/project-desk-server.mjs');

function run(command, args, env = {}) {
  return (
    spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...env } }).status === 0
  );
}

process.chdir(ROOT);
const systemReady = ensureSystemPackages();
ensureNodeModules();

const wikiArgs = ['tsx', 'scripts/wiki.ts', '--state', DEMO_STATE, '--port', DEMO_PORT];
const wikiUp = systemReady && run('npx', [...wikiArgs.slice(0, 2), 'start', ...wikiArgs.slice(2)]);
const wikiOrigin = `http://127.0.0.1:${DEMO_PORT}`;
if (!wikiUp)
  console.warn('\nThe demo wiki is not running (PHP or MediaWiki missing, see above); building without it.');

const built = run('npx', ['wxt', 'build'], wikiUp ? { PROJECT_DESK_WIKIS: wikiOrigin } : {});
if (!built) process.exit(1);

// The sync server on its embedded default (SQLite under .state/sync), and a demo token for each role.
const server = spawn(process.execPath, [SERVER_BIN, '--port', SYNC_PORT, '--data', SYNC_DATA], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const token = (role, name) =>
  spawnSync(
    process.execPath,
    [
      SERVER_BIN,
      'token',
      '--data',
      SYNC_DATA,
      '--space',
      'demo',
      '--role',
      role,
      '--name',
      name,
      '--days',
      '30',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  ).stdout.trim();

console.log(`
Project Desk is built: load ${path.join(ROOT, '.output/chrome-mv3')} in chrome://extensions (Developer mode → Load unpacked).
Sync server: ws://127.0.0.1:${SYNC_PORT} (health: http://127.0.0.1:${SYNC_PORT}/health, data in ${SYNC_DATA}).
  editor token:   ${token('editor', 'Demo mentor')}
  reviewer token: ${token('reviewer', 'Demo reviewer')}
  To collaborate: on the extension's options page, under Sync, enter ws://127.0.0.1:${SYNC_PORT} as Sync server and a
  token as Access token, then Save (a second browser profile with the other token shows the live merge).`);
if (wikiUp) {
  console.log(`The demo wiki is enabled in this build: ${wikiOrigin}/index.php?title=Archived/2014_GSoC_and_OPW_Round_8_Projects
Wiki users: Mentor and Reviewer (passwords in test/support/wiki.ts).`);
}
console.log('Press Ctrl-C to stop the sync server and the demo wiki.');
const stop = () => {
  server.kill('SIGTERM');
  if (wikiUp) run('npx', [...wikiArgs.slice(0, 2), 'stop', ...wikiArgs.slice(2)]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  console.error(`The sync server stopped (exit ${code}).`);
});
