import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Builds the Chrome extension for the tests, with the given wikis pre-enabled; returns its directory. */
export function buildExtension(wikis: readonly string[], outDir = '.output/e2e'): string {
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, PROJECT_DESK_WIKIS: wikis.join(','), PROJECT_DESK_OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  return path.join(ROOT, outDir, 'chrome-mv3');
}

/**
 * Chromium silently refuses an extension whose scripts are not valid UTF-8 or carry a noncharacter
 * such as U+FFFF; fail the run with the file's name instead of a page adapter that never appears.
 */
export function assertLoadableScripts(extensionPath: string): void {
  const files = readdirSync(extensionPath, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.js'),
  );
  for (const file of files) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      readFileSync(path.join(extensionPath, file)),
    );
    if (/[\uFFFE\uFFFF]/.test(text))
      throw new Error(`${file} contains a Unicode noncharacter: Chromium would refuse it`);
  }
}
