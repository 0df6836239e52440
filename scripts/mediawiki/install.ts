import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MediaWikiTree } from './distribution';
import type { StateLayout } from './paths';
import { runMaintenance } from './php';
import { mediaWikiTimestamp, renderSiteSettings } from './settings';
import { WIKI_ADMIN } from './users';

export const SITE_NAME = 'Project Desk Wiki';

const InstallRecordSchema = z.object({
  debianVersion: z.string(),
  installedAt: z.string(),
});
export type InstallRecord = z.infer<typeof InstallRecordSchema>;

export function readInstallRecord(layout: StateLayout): InstallRecord | undefined {
  if (!fs.existsSync(layout.installMarker)) return undefined;
  return InstallRecordSchema.parse(JSON.parse(fs.readFileSync(layout.installMarker, 'utf8')));
}

/** Entries of a state directory that survive a redone install: the lock we hold, and the logs. */
const KEPT_ON_REINSTALL = new Set(['lock', 'logs']);

/**
 * Runs install.php into the state directory unless a finished install is there. A state directory
 * without the install marker is what a crashed install leaves behind: it is cleared and done again.
 * Returns whether it installed.
 */
export async function installWiki(tree: MediaWikiTree, layout: StateLayout, port: number): Promise<boolean> {
  const existing = readInstallRecord(layout);
  if (existing) {
    if (existing.debianVersion !== tree.debianVersion) {
      // Debian's security updates keep the schema of 1.39; update.php applies what they do change.
      writeSettings(layout, port);
      await runMaintenance(tree, layout, 'update', ['--quick']);
      writeInstallRecord(layout, tree.debianVersion);
    }
    return false;
  }
  fs.mkdirSync(layout.root, { recursive: true });
  for (const entry of fs.readdirSync(layout.root)) {
    if (!KEPT_ON_REINSTALL.has(entry))
      fs.rmSync(path.join(layout.root, entry), { recursive: true, force: true });
  }
  for (const dir of [layout.data, layout.uploads, layout.cache, layout.opcache, layout.tmp, layout.logs]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  await runMaintenance(tree, layout, 'install', [
    '--dbtype=sqlite',
    `--dbpath=${layout.data}`,
    `--confpath=${layout.root}`,
    `--server=http://127.0.0.1:${port}`,
    '--scriptpath=',
    '--lang=en',
    '--skins=Vector',
    `--pass=${WIKI_ADMIN.password}`,
    SITE_NAME,
    WIKI_ADMIN.username,
  ]);
  writeSettings(layout, port);
  // Built now rather than by the first page view, which would otherwise take seconds.
  await runMaintenance(tree, layout, 'rebuildLocalisationCache', ['--lang=en', '--quiet']);
  writeInstallRecord(layout, tree.debianVersion);
  return true;
}

function writeInstallRecord(layout: StateLayout, debianVersion: string): void {
  const record: InstallRecord = { debianVersion, installedAt: new Date().toISOString() };
  fs.writeFileSync(layout.installMarker, `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Writes our settings for this port. The file is only rewritten when its content changes, and then
 * with a new cache epoch: an unchanged file keeps the parser cache of every page valid.
 */
export function writeSettings(layout: StateLayout, port: number): void {
  const epochPattern = /\$wgCacheEpoch = '(\d{14})';/;
  const current = fs.existsSync(layout.settings) ? fs.readFileSync(layout.settings, 'utf8') : undefined;
  const currentEpoch = current?.match(epochPattern)?.[1];
  if (current && currentEpoch) {
    const unchanged = renderSiteSettings({ layout, port, cacheEpoch: currentEpoch });
    if (unchanged === current) return;
  }
  const next = renderSiteSettings({ layout, port, cacheEpoch: mediaWikiTimestamp(new Date()) });
  const temporary = `${layout.settings}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, next);
  fs.renameSync(temporary, layout.settings);
}
