#!/usr/bin/env node
// `npm run bench [name…]`: runs every bench/*.ts (or those whose file name contains one of the names),
// one after another, each in its own `npx tsx --expose-gc` process so that one cannot warm or
// clutter the heap of the next. Exits non-zero when a benchmark failed or missed one of its bars.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
const benches = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
  .sort();

if (benches.length === 0) {
  console.error(`npm run bench: no bench/*.ts matches ${filters.join(', ') || '(any)'}`);
  process.exit(2);
}

const failed = [];
for (const name of benches) {
  console.log(`\n=== bench/${name}`);
  const result = spawnSync('npx', ['tsx', '--expose-gc', path.join('bench', name)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nnpm run bench: failed or missed a bar: ${failed.join(', ')}`);
  process.exit(1);
}
