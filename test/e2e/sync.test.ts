import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { type SyncServer, startSyncServer } from './support/sync-server';
import {
  adapterRegistered,
  configureSync,
  expectValue,
  field,
  openEditor,
  openWikiPage,
  typeAtEnd,
  waitForStatus,
} from './support/sync-ui';

/**
 * Two people (two browser profiles: mentor and co-mentor) on one sync server edit one entry; their
 * drafts converge, through the network going away and the server being killed.
 */
let env: E2eEnvironment;
let server: SyncServer;
let mentor: ExtensionBrowser;
let coMentor: ExtensionBrowser;

async function person(name: string, colour: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ extensionPath: env.extensionPath });
  await adapterRegistered(browser);
  const options = await configureSync(browser, {
    server: server.url,
    token: server.token({ role: 'editor', name }),
    name,
    colour,
  });
  await options.close();
  return browser;
}

beforeAll(async () => {
  env = e2eEnvironment();
  server = await startSyncServer();
  mentor = await person('Ada', '#aa3377');
  coMentor = await person('Grace', '#228833');
});
afterAll(async () => {
  await mentor?.close();
  await coMentor?.close();
  await server?.dispose();
});

describe('two people on one sync server', () => {
  it('edit one entry and converge, each seeing the other in the panel', async () => {
    const name = 'Edit project: Mirage OS cloud API support';
    const pageA = await openWikiPage(mentor, env, env.wiki.pages.seed2014);
    const pageB = await openWikiPage(coMentor, env, env.wiki.pages.seed2014);
    const a = await openEditor(pageA, name);
    await waitForStatus(a, 'Synced');
    const b = await openEditor(pageB, name);
    await waitForStatus(b, 'Synced');
    await typeAtEnd(a, 'Verified', ' (Ada)');
    await expectValue(b, 'Verified', 'Not updated in 2016 (Ada)');
    await typeAtEnd(b, 'Outcomes', ' Grace was here.');
    await expectValue(a, 'Outcomes', / Grace was here\.$/);
    await waitForStatus(a, 'Synced');
    await waitForStatus(b, 'Synced');
    expect(await field(a, 'Outcomes').inputValue()).toBe(await field(b, 'Outcomes').inputValue());
    // Presence: Grace's caret is in Outcomes, as Ada's panel says.
    await expect
      .poll(async () => (await a.getByRole('list', { name: 'Also here' }).textContent()) ?? '', {
        timeout: 20_000,
      })
      .toMatch(/Grace is editing Outcomes/);
    await pageA.close();
    await pageB.close();
  });
});
