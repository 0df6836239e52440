// The settings we write for MediaWiki, checked by loading them in PHP with MediaWiki's loaders stubbed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stateLayout } from '../../../scripts/mediawiki/paths';
import { mediaWikiTimestamp, phpString, renderSiteSettings } from '../../../scripts/mediawiki/settings';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface LoadedSettings {
  globals: Record<string, unknown>;
  extensions: string[];
  skins: string[];
  hooksLoaded: boolean;
}

/** Writes the settings into a fresh state directory (its name given) and loads them as MediaWiki would. */
function loadSettings(stateName: string, port: number): LoadedSettings {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-test-'));
  dirs.push(root);
  const layout = stateLayout(path.join(root, stateName));
  fs.mkdirSync(layout.root, { recursive: true });
  // What install.php would have written, reduced to one setting ours must override.
  fs.writeFileSync(layout.installerSettings, "<?php\n$wgServer = 'http://installer.example';\n");
  const hooksFile = path.join(root, 'hooks.php');
  fs.writeFileSync(hooksFile, "<?php\n$GLOBALS['hooksLoaded'] = true;\n");
  fs.writeFileSync(
    layout.settings,
    renderSiteSettings({ layout, port, cacheEpoch: '20250101000000', hooksFile }),
  );
  const program = `
    define( 'MEDIAWIKI', true );
    define( 'CACHE_NONE', 0 );
    $extensions = []; $skins = [];
    function wfLoadExtension( $name ) { $GLOBALS['extensions'][] = $name; }
    function wfLoadSkin( $name ) { $GLOBALS['skins'][] = $name; }
    require ${phpString(layout.settings)};
    $globals = [];
    foreach ( $GLOBALS as $name => $value ) {
      if ( str_starts_with( $name, 'wg' ) ) { $globals[$name] = $value; }
    }
    echo json_encode( [ 'globals' => $globals, 'extensions' => $extensions, 'skins' => $skins,
      'hooksLoaded' => $GLOBALS['hooksLoaded'] ?? false ] );`;
  return JSON.parse(execFileSync('php', ['-r', program], { encoding: 'utf8' }));
}

describe('renderSiteSettings', () => {
  it('serves on the given port of 127.0.0.1, overriding what install.php wrote', () => {
    const { globals } = loadSettings('wiki', 8765);
    expect(globals.wgServer).toBe('http://127.0.0.1:8765');
    expect(globals.wgCanonicalServer).toBe('http://127.0.0.1:8765');
  });

  it('keeps uploads, caches and temporary files in the state directory', () => {
    const { globals } = loadSettings('wiki', 8181);
    const root = path.dirname(String(globals.wgCacheDirectory));
    expect(path.basename(root)).toBe('wiki');
    expect(globals.wgUploadDirectory).toBe(path.join(root, 'images'));
    expect(globals.wgTmpDirectory).toBe(path.join(root, 'tmp'));
    expect(globals.wgLocalisationCacheConf).toEqual({ store: 'files' });
  });

  it('loads ParserFunctions and TemplateData, the extra skins and our hooks', () => {
    const loaded = loadSettings('wiki', 8181);
    expect(loaded.extensions).toEqual(['ParserFunctions', 'TemplateData']);
    expect(loaded.skins).toEqual(['MonoBook', 'Timeless']);
    expect(loaded.hooksLoaded).toBe(true);
    expect(loaded.globals.wgHooks).toEqual({ RejectParserCacheValue: ['projectDeskRejectStaleTemplates'] });
  });

  it('forbids anonymous editing and account creation but lets users edit without limits', () => {
    const { globals } = loadSettings('wiki', 8181);
    const rights = globals.wgGroupPermissions as Record<string, Record<string, boolean>>;
    expect(rights['*']).toMatchObject({ edit: false, createpage: false, createaccount: false });
    expect(rights.user).toMatchObject({ noratelimit: true });
    expect(globals.wgPasswordAttemptThrottle).toEqual([]);
  });

  it('sends nothing off the machine and runs jobs synchronously', () => {
    const { globals } = loadSettings('wiki', 8181);
    expect(globals).toMatchObject({
      wgEnableEmail: false,
      wgEnableUploads: false,
      wgUseInstantCommons: false,
      wgPingback: false,
      wgRunJobsAsync: false,
    });
    expect(globals.wgJobRunRate).toBeGreaterThan(0);
  });

  it('survives a state directory whose path needs quoting in PHP', () => {
    const { globals } = loadSettings("it's a \\ wiki", 8181);
    expect(path.basename(path.dirname(String(globals.wgCacheDirectory)))).toBe("it's a \\ wiki");
  });

  it('rejects ports and timestamps MediaWiki could not use', () => {
    const layout = stateLayout('/tmp/wiki');
    expect(() => renderSiteSettings({ layout, port: 0, cacheEpoch: '20250101000000' })).toThrow(RangeError);
    expect(() => renderSiteSettings({ layout, port: 70000, cacheEpoch: '20250101000000' })).toThrow(
      RangeError,
    );
    expect(() => renderSiteSettings({ layout, port: 8181, cacheEpoch: '2025-01-01' })).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('quotes PHP strings', () => {
    expect(phpString("a'b\\c")).toBe("'a\\'b\\\\c'");
  });

  it('formats MediaWiki timestamps in UTC', () => {
    expect(mediaWikiTimestamp(new Date('2025-03-04T05:06:07.890Z'))).toBe('20250304050607');
  });
});
