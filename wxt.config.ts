import { defineConfig } from 'wxt';
import { parseBuildWikis } from './lib/model/build-wikis';
import { panelWebAccessibleResources } from './lib/panel/web-accessible';
import { originPattern } from './lib/settings/wikis';

// Wikis enabled from the start (demo and tests): PROJECT_DESK_WIKIS=<origin>[,<origin>…] npm run build.
// Without it no wiki is enabled until the user adds one on the options page.
const buildWikis = parseBuildWikis(process.env.PROJECT_DESK_WIKIS ?? '');

export default defineConfig({
  // Tests build into a directory of their own so that they never overwrite the build a person loaded.
  outDir: process.env.PROJECT_DESK_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Project Desk',
    description: 'Draft, review and publish project ideas on MediaWiki wikis, in place and offline-first.',
    // alarms: a stopped worker wakes once a minute to send offline edits (lib/background/sync-wiring.ts).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms'],
    host_permissions: buildWikis.map((origin) =>
      originPattern(origin, browser === 'firefox' ? 'firefox' : 'chrome'),
    ),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The editor panel, framed by wiki pages; see lib/panel/web-accessible.ts for why any http(s) page.
    web_accessible_resources: panelWebAccessibleResources(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'project-desk@projectdesk.org',
              strict_min_version: '142.0',
              // Drafts and comments go only to the sync server the user configures; nothing is collected.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    define: { __PROJECT_DESK_WIKIS__: JSON.stringify(buildWikis) },
    // ASCII output: Chromium silently refuses an extension whose script holds a raw U+FFFF (Dexie has one).
    build: { target: 'es2022', rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
