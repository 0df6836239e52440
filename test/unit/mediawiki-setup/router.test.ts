// The router's decision (scripts/mediawiki/route.php), run by PHP itself over a small fake tree.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIAWIKI_SCRIPTS_DIR } from '../../../scripts/mediawiki/paths';

let docRoot: string;

const FILES = [
  'index.php',
  'api.php',
  'load.php',
  'rest.php',
  'thumb.php',
  'img_auth.php',
  'opensearch_desc.php',
  'composer.json',
  'maintenance/install.php',
  'mw-config/index.php',
  'includes/WebStart.php',
  'vendor/autoload.php',
  'resources/assets/logo.svg',
  'resources/lib/jquery/jquery.js',
  'skins/Vector/resources/print.css',
  'skins/Vector/skin.json',
  'skins/Vector/includes/SkinVector.php',
  'extensions/TemplateData/modules/icon.png',
  'extensions/TemplateData/extension.json',
  'extensions/TemplateData/includes/Hooks.php',
  'extensions/TemplateData/.htaccess',
];

/** What route.php decides for each request URI: true = served, false = 404. */
function decide(uris: string[]): Record<string, boolean> {
  const program = `
    require ${JSON.stringify(path.join(MEDIAWIKI_SCRIPTS_DIR, 'route.php'))};
    $result = [];
    foreach ( json_decode( stream_get_contents( STDIN ), true ) as $uri ) {
      $result[$uri] = projectDeskMayServe( $uri, ${JSON.stringify(docRoot)} );
    }
    echo json_encode( $result );`;
  return JSON.parse(execFileSync('php', ['-r', program], { input: JSON.stringify(uris), encoding: 'utf8' }));
}

beforeAll(() => {
  docRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'router-test-'));
  for (const file of FILES) {
    fs.mkdirSync(path.join(docRoot, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(docRoot, file), '');
  }
});

afterAll(() => {
  fs.rmSync(docRoot, { recursive: true, force: true });
});

describe('the wiki router', () => {
  it("serves MediaWiki's four web entry points, with query strings and path info", () => {
    const uris = [
      '/',
      '/index.php',
      '/index.php?title=Main_Page&action=edit',
      '/index.php/Main_Page',
      '/api.php?action=query&meta=siteinfo',
      '/load.php?modules=startup&only=scripts',
      '/rest.php/v1/page/Main_Page',
    ];
    expect(decide(uris)).toEqual(Object.fromEntries(uris.map((uri) => [uri, true])));
  });

  it('serves static files under resources/, skins/ and extensions/', () => {
    const uris = [
      '/resources/assets/logo.svg',
      '/resources/lib/jquery/jquery.js?1234',
      '/skins/Vector/resources/print.css',
      '/extensions/TemplateData/modules/icon.png',
    ];
    expect(decide(uris)).toEqual(Object.fromEntries(uris.map((uri) => [uri, true])));
  });

  it('refuses maintenance scripts, code, configuration, other entry points and missing files', () => {
    const uris = [
      '/maintenance/install.php',
      '/mw-config/index.php',
      '/includes/WebStart.php',
      '/vendor/autoload.php',
      '/thumb.php',
      '/img_auth.php',
      '/opensearch_desc.php',
      '/composer.json',
      '/LocalSettings.php',
      '/skins/Vector/skin.json',
      '/skins/Vector/includes/SkinVector.php',
      '/extensions/TemplateData/extension.json',
      '/extensions/TemplateData/includes/Hooks.php',
      '/extensions/TemplateData/.htaccess',
      '/resources/assets/missing.svg',
      '/resources',
      '/favicon.ico',
      '/index.php5',
      '/api.php.bak',
    ];
    expect(decide(uris)).toEqual(Object.fromEntries(uris.map((uri) => [uri, false])));
  });

  it('refuses paths that climb out of an allowed directory, however they are spelled', () => {
    const uris = [
      '/skins/../maintenance/install.php',
      '/skins/Vector/../../includes/WebStart.php',
      '/index.php/../maintenance/install.php',
      '/resources/..%2fmaintenance%2finstall.php',
      '/resources/%2e%2e/maintenance/install.php',
      '/resources//assets/logo.svg',
      '/resources/./assets/logo.svg',
      '/resources/assets/logo.svg%00.php',
      '/resources\\..\\maintenance\\install.php',
    ];
    expect(decide(uris)).toEqual(Object.fromEntries(uris.map((uri) => [uri, false])));
  });
});
