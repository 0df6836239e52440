// What the publish tests share: a browser logged in to the wiki through its own login form, a fresh
// copy of the seed page per test, the editor panel of an entry, and the publish dialog in it.
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WikiAccount, WikiApiSession } from '../../support/wiki';
import { SEED } from '../../unit/publish/drafts';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import type { E2eEnvironment } from './environment';
import { expectCount, expectVisible } from './expect';
import { adapterRegistered } from './ready';

export { replaceOnce, SEED } from '../../unit/publish/drafts';

export const LAZY = 'Lazy restore using memory paging';

export const pageUrl = (env: E2eEnvironment, title: string) =>
  `${env.wiki.indexUrl}?title=${encodeURIComponent(title.replace(/ /g, '_'))}`;

/** A browser with the extension, its page adapter registered, logged in to the wiki as the Mentor. */
export async function launchAsMentor(env: E2eEnvironment): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ extensionPath: env.extensionPath });
  await adapterRegistered(browser);
  await logInThroughForm(browser.context, env, env.wiki.users.mentor);
  return browser;
}

/** Logs the browser in as a user through the wiki's own login form (the extension never sees it). */
export async function logInThroughForm(
  context: BrowserContext,
  env: E2eEnvironment,
  account: WikiAccount,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${env.wiki.indexUrl}?title=Special:UserLogin`);
  await fillLoginForm(page, account);
  await page.close();
}

export async function fillLoginForm(page: Page, account: WikiAccount): Promise<void> {
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  // Logged in, the wiki leaves its login page (for the page named by returnto, or its main page).
  await page.waitForURL((url) => !decodeURIComponent(url.href).includes('Special:UserLogin'), {
    timeout: 30_000,
  });
}

/** A page of the test's own holding the seed text: its title and revision. */
export async function freshPage(
  mentor: WikiApiSession,
  name: string,
  text = SEED,
): Promise<{ title: string; revisionId: number }> {
  const title = `Publish e2e ${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { title, revisionId: await mentor.edit(title, text, 'test page') };
}

export async function openWikiPage(
  context: BrowserContext,
  env: E2eEnvironment,
  title: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pageUrl(env, title));
  await expectCount(page.getByRole('button', { name: /^Edit project: / }), 8);
  return page;
}

const panelFrames = (page: Page) =>
  page.frames().filter((frame) => frame.url().includes('/panel.html#') && !frame.url().endsWith('#standby'));

/** Clicks an in-page button and returns the editor panel it opened, once its form shows. */
export async function openPanel(page: Page, buttonName: string): Promise<Frame> {
  const before = new Map(panelFrames(page).map((frame) => [frame, frame.url()]));
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = panelFrames(page).find((f) => before.get(f) !== f.url())), { timeout: 20_000 })
    .toBeTruthy();
  await expectVisible(frame!.getByRole('form', { name: /^Project draft: / }));
  return frame!;
}

export const field = (frame: Frame, label: string) => frame.getByLabel(label, { exact: true });

export async function savedOnDevice(frame: Frame): Promise<void> {
  await expectVisible(frame.getByRole('status').filter({ hasText: 'Saved on this device' }));
}

/** Opens the publish dialog of the panel and waits until it shows its plan (or why there is none). */
export async function openPublishDialog(frame: Frame): Promise<Locator> {
  await frame.getByRole('button', { name: 'Publish to wiki', exact: true }).click();
  const dialog = frame.getByRole('dialog', { name: 'Publish to wiki' });
  await expectVisible(dialog);
  await expect
    .poll(async () => (await dialog.textContent())?.includes('Comparing your draft with the wiki') ?? true, {
      timeout: 20_000,
    })
    .toBe(false);
  return dialog;
}

export const dialogStatus = (dialog: Locator) => dialog.getByRole('status');

export async function expectStatus(dialog: Locator, text: string | RegExp, timeout = 30_000): Promise<void> {
  await expect.poll(async () => (await dialogStatus(dialog).textContent()) ?? '', { timeout }).toMatch(text);
}

/** The page's revisions, newest first. */
export async function revisions(
  session: WikiApiSession,
  title: string,
): Promise<{ revid: number; user: string; comment: string }[]> {
  const answer = await session.get({
    action: 'query',
    prop: 'revisions',
    titles: title,
    rvprop: 'ids|user|comment',
    rvlimit: 50,
  });
  return (answer.query as { pages: { revisions: { revid: number; user: string; comment: string }[] }[] })
    .pages[0]!.revisions;
}

/** The page's own `Publish to wiki` (shown once it has drafts): the panel frame it opens, in page mode. */
export async function openPagePublish(page: Page): Promise<Locator> {
  const button = page.getByRole('button', { name: 'Publish to wiki', exact: true });
  await expectVisible(button);
  const before = new Map(panelFrames(page).map((frame) => [frame, frame.url()]));
  await button.click();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = panelFrames(page).find((f) => before.get(f) !== f.url())), { timeout: 20_000 })
    .toBeTruthy();
  const dialog = frame!.getByRole('dialog', { name: 'Publish to wiki' });
  await expectVisible(dialog);
  await expect
    .poll(async () => (await dialog.textContent())?.includes('Comparing your draft with the wiki') ?? true, {
      timeout: 20_000,
    })
    .toBe(false);
  return dialog;
}
