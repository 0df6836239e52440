#!/usr/bin/env node
// `project-desk`: reads and edits project entries in MediaWiki wikitext (lib/cli/; `project-desk --help`).
//
// The CLI is TypeScript in lib/ and the checkout has no build step, so this file compiles it on the fly.
// Registering tsx's loader costs a worker thread and a transform per module on every start (about 1 s
// on this machine under load); instead the CLI is bundled once with esbuild (tsx's own dependency) into
// a cache keyed by the sources' paths, sizes and mtimes, and each later start imports one plain file.
// If bundling is impossible, tsx's scoped loader runs the sources directly.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'lib', 'cli', 'main.ts');

/** A stamp of every TypeScript source under lib/ (and of this file): any edit gives a new bundle. */
function sourceStamp() {
  const hash = createHash('sha256');
  const visit = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, item.name);
      if (item.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(item.name)) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  visit(join(root, 'lib'));
  const self = statSync(fileURLToPath(import.meta.url));
  hash.update(`bin\0${self.size}\0${self.mtimeMs}\n${process.version}`);
  return hash.digest('hex').slice(0, 16);
}

function cacheDir() {
  for (const dir of [
    join(root, 'node_modules', '.cache', 'project-desk'),
    join(tmpdir(), 'project-desk-cli'),
  ]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // read-only checkout: try the next place
    }
  }
  throw new Error('no writable cache directory');
}

async function bundle(file, dir) {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx'));
  const esbuild = fromTsx('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  // Write beside, then rename: a concurrent start sees either no bundle or a whole one.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, file);
  for (const old of readdirSync(dir)) {
    if (old.startsWith('cli-') && join(dir, old) !== file && !old.endsWith('.tmp'))
      rmSync(join(dir, old), { force: true });
  }
}

async function loadCli() {
  try {
    const dir = cacheDir();
    const file = join(dir, `cli-${sourceStamp()}.mjs`);
    if (!existsSync(file)) await bundle(file, dir);
    return await import(pathToFileURL(file).href);
  } catch {
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(pathToFileURL(entry).href, import.meta.url);
  }
}

const { main } = await loadCli();
main(process.argv.slice(2));
