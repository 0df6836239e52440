#!/usr/bin/env node
// `npm test`: every check the project has, in the order that fails fastest.
// Each step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { ensureNodeModules, ensureSystemPackages, ROOT } from './ensure-deps.mjs';

process.chdir(ROOT);
if (!ensureSystemPackages())
  console.warn('Some system packages are missing: the end-to-end tests will say which.');
ensureNodeModules();

const steps = [
  ['format and lint', 'npx', ['biome', 'check', '.']],
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['firefox build + addons-linter', 'node', ['scripts/lint-firefox.mjs']],
  ['end-to-end tests', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

const only = process.argv.slice(2);
const failed = [];
for (const [name, command, args] of steps) {
  if (only.length && !only.some((word) => name.includes(word))) continue;
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failed.push(name);
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds}s`);
}
if (failed.length) {
  console.error(`\nnpm test: failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nnpm test: all checks passed');
