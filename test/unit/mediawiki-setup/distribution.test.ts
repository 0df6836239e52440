// Turning Debian's unpacked `mediawiki` package into one tree, on a small model of its layout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleTree, treeDirectoryName } from '../../../scripts/mediawiki/distribution';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, text = ''): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** The package's /usr/share/mediawiki as dpkg-deb -x leaves it, and mediawiki-classes' files. */
function debianLayout(): { tree: string; classes: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mediawiki-tree-'));
  dirs.push(root);
  const tree = path.join(root, 'usr/share/mediawiki');
  for (const file of [
    'index.php',
    'api.php',
    'load.php',
    'rest.php',
    'maintenance/install.php',
    'includes/Setup.php',
  ]) {
    write(path.join(tree, file));
  }
  for (const extension of ['ParserFunctions', 'TemplateData', 'Cite']) {
    write(path.join(tree, 'extensions-core', extension, 'extension.json'), '{}');
  }
  fs.symlinkSync('/var/lib/mediawiki/LocalSettings.php', path.join(tree, 'LocalSettings.php'));
  fs.symlinkSync('/var/lib/mediawiki/config', path.join(tree, 'config'));
  fs.symlinkSync('/var/lib/mediawiki/images', path.join(tree, 'images'));
  fs.symlinkSync('/var/lib/mediawiki/extensions', path.join(tree, 'extensions'));
  const classes = path.join(root, 'classes');
  write(path.join(classes, 'includes/libs/StatusValue.php'), '<?php // from mediawiki-classes');
  write(path.join(classes, 'includes/Setup.php'), '<?php // must not replace the main package file');
  return { tree, classes };
}

describe('assembleTree', () => {
  it('replaces the links into /var/lib and /etc with a tree of its own', () => {
    const { tree, classes } = debianLayout();
    assembleTree(tree, classes);
    for (const link of ['LocalSettings.php', 'config', 'images']) {
      expect(fs.existsSync(path.join(tree, link)), link).toBe(false);
    }
    const extensions = path.join(tree, 'extensions');
    expect(fs.lstatSync(extensions).isDirectory()).toBe(true);
    expect(fs.readdirSync(extensions).sort()).toEqual(['Cite', 'ParserFunctions', 'TemplateData']);
  });

  it("adds mediawiki-classes' files without replacing the main package's", () => {
    const { tree, classes } = debianLayout();
    assembleTree(tree, classes);
    expect(fs.readFileSync(path.join(tree, 'includes/libs/StatusValue.php'), 'utf8')).toContain(
      'mediawiki-classes',
    );
    expect(fs.readFileSync(path.join(tree, 'includes/Setup.php'), 'utf8')).toBe('');
  });

  it('fails loudly when a required extension is missing', () => {
    const { tree, classes } = debianLayout();
    fs.rmSync(path.join(tree, 'extensions-core/TemplateData'), { recursive: true });
    expect(() => assembleTree(tree, classes)).toThrow(/TemplateData/);
  });

  it('fails loudly when another link still leads out of the tree', () => {
    const { tree, classes } = debianLayout();
    fs.symlinkSync('/etc/mediawiki/extra', path.join(tree, 'extra'));
    expect(() => assembleTree(tree, classes)).toThrow(/extra/);
  });
});

describe('treeDirectoryName', () => {
  it('drops the epoch and keeps a name that is safe in a path', () => {
    expect(treeDirectoryName('1:1.39.17-1+deb12u2')).toBe('1.39.17-1+deb12u2');
    expect(treeDirectoryName('1.40.0~rc1')).toBe('1.40.0~rc1');
    expect(treeDirectoryName('2:1.41/x')).toBe('1.41_x');
  });
});
