import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.PROJECT_DESK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network of this closed machine, and what running as root needs. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--metrics-recording-only',
];

const PARTITIONING = 'ThirdPartyStoragePartitioning';
/** playwright-core 1.65.1's own --disable-features list (pinned in package.json; re-check on upgrade). */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  PARTITIONING,
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

export interface LaunchOptions {
  extensionPath: string;
  /** Reuse a profile (e.g. to relaunch after a kill); a fresh one is made when omitted. */
  userDataDir?: string;
  /** Block third-party cookies, as users have it (default true). */
  blockThirdPartyCookies?: boolean;
  /** Keep Chromium's storage partitioning (Playwright switches it off by default; default true: keep it). */
  storagePartitioning?: boolean;
  /** PROJECT_DESK_HEADED=1 shows the browser, to watch a test. */
  headless?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Opens one of the extension's pages, e.g. 'options.html'. */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

async function writePreferences(userDataDir: string, blockThirdPartyCookies: boolean): Promise<void> {
  const dir = path.join(userDataDir, 'Default');
  await mkdir(dir, { recursive: true });
  // cookie_controls_mode 1 = block third-party cookies (Chromium's own setting, as a user sets it).
  const prefs = {
    profile: {
      cookie_controls_mode: blockThirdPartyCookies ? 1 : 0,
      block_third_party_cookies: blockThirdPartyCookies,
    },
  };
  await writeFile(path.join(dir, 'Preferences'), JSON.stringify(prefs));
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'project-desk-profile-')));
  if (ownsProfile) await writePreferences(userDataDir, options.blockThirdPartyCookies ?? true);
  const ignoreDefaultArgs = ['--disable-extensions'];
  const args = [...QUIET_FLAGS];
  if (options.storagePartitioning ?? true) {
    // Playwright switches storage partitioning off; users have it on, so put its default back without that.
    ignoreDefaultArgs.push(`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`);
    args.push(
      `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.filter((f) => f !== PARTITIONING).join(',')}`,
    );
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? process.env.PROJECT_DESK_HEADED !== '1',
    ignoreDefaultArgs,
    args: [
      ...args,
      `--disable-extensions-except=${options.extensionPath}`,
      `--load-extension=${options.extensionPath}`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async openExtensionPage(file: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
