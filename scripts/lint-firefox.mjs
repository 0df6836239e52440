#!/usr/bin/env node
// Builds the Firefox package and runs Mozilla's addons-linter over it, as addons.mozilla.org would.
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
run('npx', ['wxt', 'build', '-b', 'firefox']);
run('npx', ['addons-linter', '--self-hosted', '.output/firefox-mv2']);
