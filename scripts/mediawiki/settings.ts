import { HOOKS_SCRIPT, type StateLayout } from './paths';

export interface SiteSettingsInput {
  layout: StateLayout;
  /** Our hooks (scripts/mediawiki/hooks.php unless a test says otherwise). */
  hooksFile?: string;
  port: number;
  /**
   * When these settings last changed (MediaWiki timestamp, YYYYMMDDHHMMSS): pages cached before it are
   * parsed again, so a change of port or configuration never shows stale links.
   */
  cacheEpoch: string;
}

/** The extensions a real project wiki has (both ship in Debian's package). */
export const WIKI_EXTENSIONS = ['ParserFunctions', 'TemplateData'] as const;

/**
 * Skins besides Vector (which install.php loads): the page adapter is checked against each of them.
 * Any page can be viewed in one with `useskin=`.
 */
export const EXTRA_SKINS = ['MonoBook', 'Timeless'] as const;

/** A PHP single-quoted string literal: only backslash and quote need escaping there. */
export function phpString(value: string): string {
  return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

export function mediaWikiTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Our LocalSettings (the file MW_CONFIG_FILE names). It loads what install.php wrote and overrides what
 * a test wiki on 127.0.0.1 needs differently; it is written again on every start, so a new port is
 * picked up without reinstalling.
 */
export function renderSiteSettings({
  layout,
  port,
  cacheEpoch,
  hooksFile = HOOKS_SCRIPT,
}: SiteSettingsInput): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`not a TCP port: ${port}`);
  if (!/^\d{14}$/.test(cacheEpoch)) throw new RangeError(`not a MediaWiki timestamp: ${cacheEpoch}`);
  const lines = [
    '<?php',
    '// Written by scripts/mediawiki/settings.ts on every start of this wiki: edits here are lost.',
    "if ( !defined( 'MEDIAWIKI' ) ) {",
    '\texit;',
    '}',
    `require ${phpString(layout.installerSettings)};`,
    '',
    '// Served by `php -S` on the loopback interface only; no short URLs.',
    `$wgServer = ${phpString(`http://127.0.0.1:${port}`)};`,
    '$wgCanonicalServer = $wgServer;',
    `$wgCacheEpoch = ${phpString(cacheEpoch)};`,
    '',
    '// All state in the state directory.',
    `$wgUploadDirectory = ${phpString(layout.uploads)};`,
    `$wgCacheDirectory = ${phpString(layout.cache)};`,
    `$wgTmpDirectory = ${phpString(layout.tmp)};`,
    "$wgLocalisationCacheConf['store'] = 'files';",
    '',
    ...WIKI_EXTENSIONS.map((name) => `wfLoadExtension( ${phpString(name)} );`),
    ...EXTRA_SKINS.map((name) => `wfLoadSkin( ${phpString(name)} );`),
    "$wgDefaultSkin = 'vector';",
    '',
    '// As on real project wikis: readers may not edit, and nobody signs up here.',
    "$wgGroupPermissions['*']['edit'] = false;",
    "$wgGroupPermissions['*']['createpage'] = false;",
    "$wgGroupPermissions['*']['createaccount'] = false;",
    "$wgGroupPermissions['*']['autocreateaccount'] = false;",
    '// Tests edit quickly and log in often: no newbie edit limits, no login throttle.',
    '$wgAutoConfirmAge = 0;',
    '$wgAutoConfirmCount = 0;',
    "$wgGroupPermissions['user']['noratelimit'] = true;",
    '$wgPasswordAttemptThrottle = [];',
    '',
    '// Nothing leaves this machine.',
    '$wgEnableEmail = false;',
    '$wgEnableUserEmail = false;',
    '$wgEmailAuthentication = false;',
    '$wgEnableUploads = false;',
    '$wgUseInstantCommons = false;',
    '$wgForeignFileRepos = [];',
    '$wgAllowExternalImages = false;',
    '$wgPingback = false;',
    '',
    '// Whatever a test reads right after an edit is current. Jobs run after each page view (php -S',
    '// runs with output_buffering, so they finish before the response does); a cached rendering made',
    '// from an older template revision is refused; no 304 answers from whole-second timestamps.',
    '$wgJobRunRate = 10;',
    '$wgRunJobsAsync = false;',
    `require_once ${phpString(hooksFile)};`,
    "$wgHooks['RejectParserCacheValue'][] = 'projectDeskRejectStaleTemplates';",
    '$wgCachePages = false;',
    '',
    '// A local test wiki: show errors in full.',
    '$wgShowExceptionDetails = true;',
    '',
  ];
  return lines.join('\n');
}
