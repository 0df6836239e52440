// Installs what is missing before `npm start` or `npm test`: Debian packages (Chromium, PHP, MediaWiki's
// classes) when we may install them, then node_modules. Only Node's own modules are used here, because
// this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', cwd: ROOT }).status === 0;
}

/** Returns false when the system packages are missing and could not be installed. */
export function ensureSystemPackages() {
  if (process.env.PROJECT_DESK_SKIP_APT === '1') return true;
  return run('bash', [path.join(ROOT, 'scripts/install-system-deps.sh')]);
}

export function ensureNodeModules() {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  if (existsSync(marker)) return;
  console.log('node_modules missing: running npm ci');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    console.error('npm ci failed: see above.');
    process.exit(1);
  }
}
