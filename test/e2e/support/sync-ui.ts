import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './browser';
import type { E2eEnvironment } from './environment';
import { expectCount, expectVisible } from './expect';

/**
 * What the sync tests do as a user does: set the sync options on the options page, open an entry's
 * panel on the wiki page, type, and read the `role=status` region. Everything by role and name.
 */
export const panelFrames = (page: Page) =>
  page.frames().filter((frame) => frame.url().includes('/panel.html#') && !frame.url().endsWith('#standby'));

export const field = (frame: Frame, label: string) => frame.getByLabel(label, { exact: true });

/** The panel's status region (the form's; the panel has one). */
export const panelStatus = (frame: Frame) => frame.getByRole('status').first();

export async function waitForStatus(frame: Frame, text: string | RegExp, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => (await panelStatus(frame).textContent())?.trim() ?? '', { timeout })
    .toMatch(
      typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : text,
    );
}

export async function configureSync(
  browser: ExtensionBrowser,
  settings: { server: string; token: string; name: string; colour?: string },
): Promise<Page> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Sync server' }).fill(settings.server);
  await options.getByRole('textbox', { name: 'Access token' }).fill(settings.token);
  await options.getByRole('textbox', { name: 'Display name' }).fill(settings.name);
  if (settings.colour) await options.getByLabel('Colour', { exact: true }).fill(settings.colour);
  await options.getByRole('button', { name: 'Save' }).click();
  await expectVisible(options.getByRole('alert').filter({ hasText: /^Saved\./ }));
  return options;
}

export async function openWikiPage(
  browser: ExtensionBrowser,
  env: E2eEnvironment,
  title: string,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${env.wiki.indexUrl}?title=${encodeURIComponent(title.replace(/ /g, '_'))}`);
  await expectCount(page.getByRole('button', { name: /^Edit project: / }), 8);
  return page;
}

export async function openPanel(page: Page, buttonName: string): Promise<Frame> {
  const before = new Map(panelFrames(page).map((frame) => [frame, frame.url()]));
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = panelFrames(page).find((f) => before.get(f) !== f.url())), { timeout: 20_000 })
    .toBeTruthy();
  return frame!;
}

export async function openEditor(page: Page, buttonName: string): Promise<Frame> {
  const frame = await openPanel(page, buttonName);
  await expectVisible(frame.getByRole('form', { name: /^Project draft: / }));
  return frame;
}

/** Types at the end of a field, one keystroke per character, as a user does. */
export async function typeAtEnd(frame: Frame, label: string, text: string): Promise<void> {
  await field(frame, label).focus();
  await frame.page().keyboard.press('ControlOrMeta+End');
  await frame.page().keyboard.type(text);
}

export async function expectValue(frame: Frame, label: string, value: string | RegExp, timeout = 30_000) {
  const read = () => field(frame, label).inputValue();
  if (typeof value === 'string') await expect.poll(read, { timeout }).toBe(value);
  else await expect.poll(read, { timeout }).toMatch(value);
}

/**
 * Records every text the panel's status region shows from now on (a state may last only a moment,
 * too short to be sure a poll sees it); the returned function reads the record.
 */
export async function recordStatus(frame: Frame): Promise<() => Promise<string[]>> {
  await frame.evaluate(() => {
    const form = document.querySelector('form');
    const log: string[] = [];
    (globalThis as { __projectDeskStatusLog?: string[] }).__projectDeskStatusLog = log;
    const read = () => {
      const text = form?.querySelector('[role=status]')?.textContent?.trim() ?? '';
      if (log.at(-1) !== text) log.push(text);
    };
    read();
    if (form)
      new MutationObserver(read).observe(form, { subtree: true, childList: true, characterData: true });
  });
  return () =>
    frame.evaluate(() => (globalThis as { __projectDeskStatusLog?: string[] }).__projectDeskStatusLog ?? []);
}
