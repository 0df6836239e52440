import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ensureMediaWikiTree } from '../../scripts/mediawiki/distribution.ts';

/**
 * Runs the reference readers of test/reference/ (MediaWiki's own preprocessor through PHP, and
 * mwparserfromhell as a second opinion) and parses what they print.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PREPROCESS_SCRIPT = path.join(HERE, 'preprocess.php');
const MWPFH_SCRIPT = path.join(HERE, 'mwparserfromhell.py');

/** The extension tags the agreement tests give both readers: a bare 1.39 plus the common extensions. */
export const REFERENCE_EXTENSION_TAGS = [
  'pre',
  'nowiki',
  'gallery',
  'indicator',
  'langconvert',
  'ref',
  'references',
  'syntaxhighlight',
  'source',
  'math',
  'poem',
  'templatedata',
] as const;

export const ReferenceParamSchema = z.object({
  name: z.string(),
  value: z.string(),
  positional: z.boolean(),
  valueStart: z.number().int().optional(),
  valueEnd: z.number().int().optional(),
});
export type ReferenceParam = z.infer<typeof ReferenceParamSchema>;

export const ReferenceTransclusionSchema = z.object({
  template: z.string(),
  nested: z.boolean(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  section: z.array(z.string()).optional(),
  params: z.array(ReferenceParamSchema),
});
export type ReferenceTransclusion = z.infer<typeof ReferenceTransclusionSchema>;

const BatchSchema = z.record(z.string(), z.array(ReferenceTransclusionSchema));

/** True when a `php` binary runs here. */
export function phpAvailable(): boolean {
  return spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }).status === 0;
}

/** Debian's python3 (where python3-mwparserfromhell lives), or the first python3 on the path. */
function pythonWithMwparserfromhell(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import mwparserfromhell'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

/** The MediaWiki tree whose includes/parser the PHP script loads: $MW_INSTALL_PATH, or our own unpacked copy. */
export async function mediaWikiDirectory(): Promise<string> {
  const fromEnvironment = process.env.MW_INSTALL_PATH;
  if (fromEnvironment) return fromEnvironment;
  return (await ensureMediaWikiTree()).root;
}

function runJson(command: string, args: string[], what: string): unknown {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Results keyed by file: the scripts print a bare array for one file, so always pass two or more. */
function batch(files: readonly string[], output: unknown): Map<string, ReferenceTransclusion[]> {
  const parsed =
    files.length === 1
      ? { [files[0]!]: z.array(ReferenceTransclusionSchema).parse(output) }
      : BatchSchema.parse(output);
  return new Map(files.map((file) => [file, parsed[file] ?? []]));
}

export interface ReferenceOptions {
  template: string;
  aliases?: readonly string[];
  extensionTags?: readonly string[];
}

function nameArguments({ template, aliases = [] }: ReferenceOptions): string[] {
  return [`--template=${template}`, ...aliases.map((alias) => `--alias=${alias}`)];
}

/** MediaWiki's reading of every file, through test/reference/preprocess.php. */
export function runPreprocessor(
  mediaWiki: string,
  files: readonly string[],
  options: ReferenceOptions,
): Map<string, ReferenceTransclusion[]> {
  const tags = options.extensionTags ?? REFERENCE_EXTENSION_TAGS;
  const args = [
    PREPROCESS_SCRIPT,
    `--mw=${mediaWiki}`,
    ...nameArguments(options),
    `--tags=${tags.join(',')}`,
  ];
  return batch(files, runJson('php', [...args, ...files], 'preprocess.php'));
}

/** mwparserfromhell's reading of every file, or null when Debian's python3-mwparserfromhell is missing. */
export function runMwparserfromhell(
  files: readonly string[],
  options: ReferenceOptions,
): Map<string, ReferenceTransclusion[]> | null {
  const python = pythonWithMwparserfromhell();
  if (!python) return null;
  const args = [MWPFH_SCRIPT, ...nameArguments(options), ...files];
  return batch(files, runJson(python, args, 'mwparserfromhell.py'));
}

/** Every `.wikitext` file directly in a directory, sorted by name. */
export function wikitextFiles(directory: string): string[] {
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.wikitext'))
    .sort()
    .map((name) => path.join(directory, name));
}
