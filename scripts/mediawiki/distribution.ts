import fs from 'node:fs';
import path from 'node:path';
import { MEDIAWIKI_CACHE_DIR } from './paths';
import { PHP_BINARY } from './php';
import { CommandError, runCommand } from './processes';

/** Debian's split of MediaWiki: `mediawiki` (needs Apache, so never installed) and its classes. */
const CLASSES_PACKAGE = 'mediawiki-classes';
const MAIN_PACKAGE = 'mediawiki';
const DEBIAN_ROOT = '/usr/share/mediawiki';
const COMPLETE_MARKER = '.project-desk-complete';

export interface MediaWikiTree {
  /** The document root: index.php, api.php, maintenance/, extensions/ … */
  root: string;
  /** Debian's package version, e.g. `1:1.39.17-1+deb12u2`. */
  debianVersion: string;
}

/** A system package the wiki needs is missing; the message says how to get it. */
export class MissingSystemDependency extends Error {
  constructor(what: string) {
    super(
      `${what} is missing: run scripts/install-system-deps.sh (apt-installs php-cli and ${CLASSES_PACKAGE})`,
    );
    this.name = 'MissingSystemDependency';
  }
}

/** PHP extensions MediaWiki 1.39 on SQLite needs (Debian: php-sqlite3, php-intl, php-mbstring, php-xml). */
const REQUIRED_PHP_EXTENSIONS = ['pdo_sqlite', 'intl', 'mbstring', 'xml', 'dom'];

/** Fails with a clear message when PHP or one of the extensions MediaWiki needs is missing. */
export async function checkPhp(): Promise<void> {
  const program = `echo json_encode(array_values(array_filter(${JSON.stringify(REQUIRED_PHP_EXTENSIONS)}, fn($e) => !extension_loaded($e))));`;
  let missing: unknown;
  try {
    missing = JSON.parse((await runCommand(PHP_BINARY, ['-r', program])).stdout);
  } catch {
    throw new MissingSystemDependency(`a working \`${PHP_BINARY}\` (PHP 8 CLI)`);
  }
  if (Array.isArray(missing) && missing.length > 0) {
    throw new MissingSystemDependency(`the PHP extension(s) ${missing.join(', ')}`);
  }
}

/** The cache directory name for a Debian version: without the epoch, which holds a colon. */
export function treeDirectoryName(debianVersion: string): string {
  return debianVersion.replace(/^\d+:/, '').replace(/[^A-Za-z0-9.+~-]/g, '_');
}

async function installedClassesVersion(): Promise<string> {
  try {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} syntax, not JavaScript's.
    const format = '-f=${Status}\t${Version}';
    const { stdout } = await runCommand('dpkg-query', ['-W', format, CLASSES_PACKAGE]);
    const [status, version] = stdout.split('\t');
    if (status?.endsWith('installed') && version) return version.trim();
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
  }
  throw new MissingSystemDependency(`the Debian package ${CLASSES_PACKAGE}`);
}

/**
 * One complete MediaWiki tree of our own, served without Apache: Debian's `mediawiki` package unpacked
 * (`apt-get download` + `dpkg-deb -x`, never installed) merged with the installed `mediawiki-classes`,
 * at the very same version. Unpacked once per version into .cache/mediawiki/; later calls only check it.
 */
export async function ensureMediaWikiTree(cacheDir = MEDIAWIKI_CACHE_DIR): Promise<MediaWikiTree> {
  const debianVersion = await installedClassesVersion();
  const root = path.join(cacheDir, treeDirectoryName(debianVersion));
  if (fs.existsSync(path.join(root, COMPLETE_MARKER))) return { root, debianVersion };

  fs.mkdirSync(cacheDir, { recursive: true });
  // Unpack beside the final place and rename at the end, so a crash or a second process never
  // leaves a half tree where a complete one is expected.
  const work = fs.mkdtempSync(path.join(cacheDir, '.unpack-'));
  try {
    await runCommand('apt-get', ['download', '-q', `${MAIN_PACKAGE}=${debianVersion}`], { cwd: work }).catch(
      (error: unknown) => {
        const hint = `apt-get could not fetch ${MAIN_PACKAGE}=${debianVersion} (the version of the installed ${CLASSES_PACKAGE}); if apt's package lists are missing or stale, run apt-get update`;
        throw new Error(`${hint}\n${error instanceof Error ? error.message : String(error)}`);
      },
    );
    const deb = fs.readdirSync(work).find((name) => name.endsWith('.deb'));
    if (!deb)
      throw new Error(`apt-get download ${MAIN_PACKAGE}=${debianVersion} produced no .deb in ${work}`);
    const unpacked = path.join(work, 'unpacked');
    await runCommand('dpkg-deb', ['-x', path.join(work, deb), unpacked]);
    const tree = path.join(unpacked, DEBIAN_ROOT);
    assembleTree(tree, DEBIAN_ROOT);
    fs.writeFileSync(path.join(tree, COMPLETE_MARKER), `${JSON.stringify({ debianVersion })}\n`);
    try {
      fs.renameSync(tree, root);
    } catch (error) {
      // Another process finished first: its tree is as good as ours.
      if (!fs.existsSync(path.join(root, COMPLETE_MARKER))) throw error;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { root, debianVersion };
}

/**
 * Turns Debian's layout into one self-contained tree. The package points LocalSettings.php, config/,
 * images/ and extensions/ at /var/lib/mediawiki and /etc/mediawiki (absent here, and state belongs in
 * the caller's state directory anyway), and its extensions live in extensions-core/ behind those links.
 */
export function assembleTree(tree: string, classesRoot: string): void {
  for (const link of ['LocalSettings.php', 'config', 'images', 'extensions']) {
    const linkPath = path.join(tree, link);
    if (fs.lstatSync(linkPath, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(linkPath);
  }
  const extensions = path.join(tree, 'extensions');
  if (!fs.existsSync(extensions)) fs.renameSync(path.join(tree, 'extensions-core'), extensions);
  // mediawiki-classes holds includes/libs and a few more classes the main package leaves out.
  fs.cpSync(path.join(classesRoot, 'includes'), path.join(tree, 'includes'), {
    recursive: true,
    force: false,
    errorOnExist: false,
    dereference: true,
  });
  for (const required of [
    'index.php',
    'api.php',
    'load.php',
    'rest.php',
    'includes/libs',
    'maintenance/install.php',
  ]) {
    if (!fs.existsSync(path.join(tree, required)))
      throw new Error(`MediaWiki tree ${tree} lacks ${required}`);
  }
  for (const name of ['ParserFunctions', 'TemplateData']) {
    if (!fs.existsSync(path.join(extensions, name, 'extension.json'))) {
      throw new Error(`MediaWiki tree ${tree} lacks the ${name} extension`);
    }
  }
  const escaping = symlinksLeavingTree(tree);
  if (escaping.length > 0) throw new Error(`links out of the MediaWiki tree remain: ${escaping.join(', ')}`);
}

/** Symbolic links (top two levels, where Debian puts them) whose target is outside the tree. */
function symlinksLeavingTree(tree: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = path.resolve(dir, fs.readlinkSync(full));
        if (!target.startsWith(`${tree}${path.sep}`)) found.push(path.relative(tree, full));
      } else if (entry.isDirectory() && depth < 2) {
        visit(full, depth + 1);
      }
    }
  };
  visit(tree, 0);
  return found;
}
