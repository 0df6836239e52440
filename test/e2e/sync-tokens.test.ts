import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';
import { mintToken, type SyncServer, startSyncServer } from './support/sync-server';
import {
  configureSync,
  field,
  openEditor,
  openPanel,
  openWikiPage,
  typeAtEnd,
  waitForStatus,
} from './support/sync-ui';

/**
 * Tokens the server refuses, and roles that may not write drafts: each is said in words, on the
 * options page (when saving, and by Test connection) and in the panel's status; a reviewer's or
 * viewer's panel is read-only and says why.
 */
let env: E2eEnvironment;
let server: SyncServer;
let browser: ExtensionBrowser;
let otherSecret: string;

const FORGED = 'The access token was not issued by this server (or it was altered).';
const EXPIRED = 'The access token has expired: ask your organisation for a new one.';
const ENTRY = 'Edit project: Lazy restore using memory paging';

beforeAll(async () => {
  env = e2eEnvironment();
  server = await startSyncServer();
  otherSecret = await mkdtemp(path.join(tmpdir(), 'project-desk-e2e-other-secret-'));
  browser = await launchWithExtension({ extensionPath: env.extensionPath });
  await adapterRegistered(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  if (otherSecret) await rm(otherSecret, { recursive: true, force: true });
});

async function testConnection(options: Page): Promise<string> {
  await options.getByRole('button', { name: 'Test connection' }).click();
  const status = options.getByRole('status');
  await expect
    .poll(async () => (await status.textContent()) ?? '', { timeout: 20_000 })
    .not.toMatch(/^(|Testing the connection…)$/);
  return (await status.textContent()) ?? '';
}

describe('the options page', () => {
  it('says what is wrong with an address or a token, and saves nothing then', async () => {
    const options = await browser.openExtensionPage('options.html');
    const url = options.getByRole('textbox', { name: 'Sync server' });
    const token = options.getByRole('textbox', { name: 'Access token' });
    await url.fill('sync.example.org');
    await token.fill('not-a-token');
    await options.getByRole('button', { name: 'Save' }).click();
    await expectVisible(options.getByRole('alert').filter({ hasText: 'Not saved' }));
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await expectVisible(options.getByText('The sync server address is not a web address', { exact: false }));
    await expectVisible(
      options.getByText('The access token is not a Project Desk token: copy it again in full.'),
    );
    await url.fill('https://sync.example.org');
    await options.getByRole('button', { name: 'Save' }).click();
    await expectVisible(options.getByText('The sync server address starts with ws:// or wss://.'));
    await options.reload();
    // Nothing was saved: the form comes back empty.
    await expect.poll(() => url.inputValue()).toBe('');
    await options.close();
  });

  it('keeps saved settings, tells whose token it is, and tests the connection', async () => {
    const editor = server.token({ role: 'editor', name: 'Ada' });
    const options = await configureSync(browser, { server: server.url, token: editor, name: 'Ada' });
    await expectVisible(options.getByText(/^Ada, editor in space xen, valid until \d{4}-\d\d-\d\d$/));
    expect(await testConnection(options)).toBe(`Connected to ${server.url} as Ada (editor) in space xen.`);
    await options.reload();
    await expect
      .poll(() => options.getByRole('textbox', { name: 'Sync server' }).inputValue())
      .toBe(server.url);
    expect(await options.getByRole('textbox', { name: 'Access token' }).inputValue()).toBe(editor);
    expect(await options.getByRole('textbox', { name: 'Display name' }).inputValue()).toBe('Ada');
    await options.close();
  });
});

describe('refused tokens in the panel', () => {
  it('a forged token: refused, in words, on the options page and in the panel', async () => {
    const forged = mintToken(otherSecret, { role: 'editor', name: 'Mallory' });
    const options = await configureSync(browser, { server: server.url, token: forged, name: 'Mallory' });
    expect(await testConnection(options)).toBe(FORGED);
    await options.close();
    const page = await openWikiPage(browser, env, env.wiki.pages.seed2014);
    const frame = await openEditor(page, ENTRY);
    await waitForStatus(frame, FORGED);
    // Still editable on this device: nothing typed is lost while the token is refused.
    await typeAtEnd(frame, 'Outcomes', ' kept locally');
    await waitForStatus(frame, FORGED);
    await page.close();
  });

  it('an expired token: refused, in words', async () => {
    const expired = server.token({ role: 'editor', name: 'Ada', days: 0.00001 });
    // It lives one second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const options = await configureSync(browser, { server: server.url, token: expired, name: 'Ada' });
    await expectVisible(options.getByRole('alert').filter({ hasText: EXPIRED }));
    expect(await testConnection(options)).toBe(EXPIRED);
    await options.close();
    const page = await openWikiPage(browser, env, env.wiki.pages.seed2014);
    const frame = await openEditor(page, ENTRY);
    await waitForStatus(frame, EXPIRED);
    await page.close();
  });
});

describe('roles that may not write drafts', () => {
  it('a reviewer sees an editor’s draft read-only, and is told why', async () => {
    const editorOptions = await configureSync(browser, {
      server: server.url,
      token: server.token({ role: 'editor', name: 'Ada' }),
      name: 'Ada',
    });
    await editorOptions.close();
    let page = await openWikiPage(browser, env, env.wiki.pages.seed2014);
    let frame = await openEditor(page, ENTRY);
    await waitForStatus(frame, 'Synced');
    await typeAtEnd(frame, 'Skills Needed', ' (reviewed)');
    await waitForStatus(frame, 'Synced');
    await page.close();

    const options = await configureSync(browser, {
      server: server.url,
      token: server.token({ role: 'reviewer', name: 'Rita' }),
      name: 'Rita',
    });
    expect(await testConnection(options)).toBe(
      `Connected to ${server.url} as Rita (reviewer) in space xen: you may comment; drafts are read-only for your role.`,
    );
    await options.close();
    page = await openWikiPage(browser, env, env.wiki.pages.seed2014);
    frame = await openEditor(page, ENTRY);
    await waitForStatus(frame, 'Synced');
    await expectVisible(frame.getByText(/^Read only: your access token’s role may read this page’s drafts/));
    const skills = field(frame, 'Skills Needed');
    expect(await skills.inputValue()).toMatch(/ \(reviewed\)$/);
    // Read-only, not disabled: the reviewer can still select the text to comment on it.
    expect(await skills.getAttribute('aria-readonly')).toBe('true');
    expect(await skills.isEditable()).toBe(false);
    expect(await skills.isDisabled()).toBe(false);
    await page.close();
  });

  it('a viewer cannot start a draft, and the panel says why', async () => {
    const options = await configureSync(browser, {
      server: server.url,
      token: server.token({ role: 'viewer', name: 'Vic' }),
      name: 'Vic',
    });
    await options.close();
    const page = await openWikiPage(browser, env, env.wiki.pages.seed2014);
    const frame = await openPanel(page, 'Edit project: Mirage OS cloud API support');
    const alert = frame.getByRole('alert');
    await expectVisible(alert);
    expect(await alert.textContent()).toMatch(
      /The draft could not be opened: Your access token’s role may read this page’s drafts but not start one/,
    );
    await page.close();
  });

  it('says Saved on this device once no server is set', async () => {
    const options = await configureSync(browser, { server: '', token: '', name: '' });
    await options.close();
    const page = await openWikiPage(browser, env, env.wiki.pages.seed2014);
    const frame = await openEditor(page, ENTRY);
    await waitForStatus(frame, 'Saved on this device');
    expect(await field(frame, 'Skills Needed').isEditable()).toBe(true);
    await page.close();
  });
});
