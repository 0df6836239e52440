#!/usr/bin/env node
// `npm start`: the product, running. Installs what is missing, starts the demo wiki (when PHP is
// available), builds the extension with that wiki enabled, and waits; Ctrl-C stops what it started.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureNodeModules, ensureSystemPackages, ROOT } from './ensure-deps.mjs';

const DEMO_PORT = process.env.PROJECT_DESK_DEMO_PORT ?? '8181';
const DEMO_STATE = path.join(ROOT, '.state/wiki');

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

console.log(`
Project Desk is built: load ${path.join(ROOT, '.output/chrome-mv3')} in chrome://extensions (Developer mode → Load unpacked).`);
if (wikiUp) {
  console.log(`The demo wiki is enabled in this build: ${wikiOrigin}/index.php?title=Archived/2014_GSoC_and_OPW_Round_8_Projects
Wiki users: Mentor and Reviewer (passwords in test/support/wiki.ts). Press Ctrl-C to stop the demo wiki.`);
  const stop = () => {
    run('npx', [...wikiArgs.slice(0, 2), 'stop', ...wikiArgs.slice(2)]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}
