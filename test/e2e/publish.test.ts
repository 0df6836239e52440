// Publishing from the editor panel in the real browser, with the user's own wiki session (logged in
// through the wiki's login form; third-party cookies blocked), to a fresh copy of the seed page per test.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WikiApiSession } from '../support/wiki';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectVisible } from './support/expect';
import {
  expectStatus,
  field,
  fillLoginForm,
  freshPage,
  LAZY,
  launchAsMentor,
  openPagePublish,
  openPanel,
  openPublishDialog,
  openWikiPage,
  replaceOnce,
  revisions,
  SEED,
  savedOnDevice,
} from './support/publish';
import { adapterRegistered } from './support/ready';

let env: E2eEnvironment;
let browser: ExtensionBrowser;
let mentor: WikiApiSession;

beforeAll(async () => {
  env = e2eEnvironment();
  mentor = await WikiApiSession.login(env.wiki.apiUrl, 'mentor');
  browser = await launchAsMentor(env);
});
afterAll(async () => {
  await browser?.close();
});

const PVUSB = 'Implement Xen PVUSB support in xl/libxl toolstack';
const HARD = (text: string) => replaceOnce(text, '|Difficulty=Medium\n', '|Difficulty=Hard\n');

describe('publishing a draft to the wiki', () => {
  it('publishes an edited entry once (even double-clicked): only the edited value changes, byte for byte', async () => {
    const { title } = await freshPage(mentor, 'edit');
    const page = await openWikiPage(browser.context, env, title);
    const frame = await openPanel(page, `Edit project: ${LAZY}`);
    await field(frame, 'Difficulty').fill('Hard');
    await savedOnDevice(frame);
    const dialog = await openPublishDialog(frame);
    expect(await dialog.getByLabel('Edit summary').inputValue()).toBe(`Update project: ${LAZY}`);
    // The diff: only the changed line goes and comes (with a few lines of context around it).
    const diff = dialog.getByRole('region', { name: 'Changes to the wikitext' });
    expect(await diff.locator('del').allTextContents()).toEqual(['- |Difficulty=Medium\n']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['+ |Difficulty=Hard\n']);
    await expectVisible(dialog.getByRole('region', { name: 'Preview' }).getByText(LAZY));
    await dialog.getByRole('button', { name: 'Publish', exact: true }).dblclick();
    await expectStatus(dialog, /^Published/);
    expect(await mentor.wikitext(title)).toBe(HARD(SEED));
    const history = await revisions(mentor, title);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      user: env.wiki.users.mentor.username,
      comment: `Update project: ${LAZY}`,
    });
    // The draft is marked published: no draft badge on the page, `Published` on the dashboard.
    await frame.getByRole('button', { name: 'Close editor', exact: true }).click();
    const edit = page.getByRole('button', { name: `Edit project: ${LAZY}`, exact: true });
    await expect.poll(() => edit.getAttribute('aria-expanded')).toBe('false');
    // Another entry's unpublished draft: once its badge shows, the badges are up to date.
    const other = `Edit project: ${PVUSB}`;
    const otherFrame = await openPanel(page, other);
    await field(otherFrame, 'Difficulty').fill('Easy');
    await savedOnDevice(otherFrame);
    await otherFrame.getByRole('button', { name: 'Close editor', exact: true }).click();
    const otherButton = page.getByRole('button', { name: other, exact: true });
    await expect.poll(() => otherButton.getAttribute('aria-describedby')).toBe('project-desk-draft-badge');
    expect(await edit.getAttribute('aria-describedby')).not.toBe('project-desk-draft-badge');
    const dashboard = await browser.openExtensionPage('dashboard.html');
    const row = dashboard.getByRole('row').filter({ hasText: title }).filter({ hasText: LAZY });
    await expect
      .poll(async () => (await row.count()) === 1 && (await row.textContent()))
      .toContain('Published');
    await dashboard.close();
    await page.close();
  });

  it('is a dialog for the keyboard: focus on its title, Esc closes it alone and focus returns to the button', async () => {
    const { title } = await freshPage(mentor, 'keyboard');
    const page = await openWikiPage(browser.context, env, title);
    const frame = await openPanel(page, `Edit project: ${LAZY}`);
    await field(frame, 'Difficulty').fill('Hard');
    await savedOnDevice(frame);
    const dialog = await openPublishDialog(frame);
    const focused = () => frame.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('Publish to wiki');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expectVisible(frame.getByRole('form', { name: `Project draft: ${LAZY}` }));
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    expect(await focused()).toBe('Publish to wiki');
    expect(await mentor.wikitext(title)).toBe(SEED);
    await page.close();
  });

  it('blocks publishing on a validation error, not on a warning', async () => {
    const { title } = await freshPage(mentor, 'invalid');
    const page = await openWikiPage(browser.context, env, title);
    const frame = await openPanel(page, `Edit project: ${LAZY}`);
    await field(frame, 'Difficulty').fill('Impossible');
    await field(frame, 'Project').fill('');
    await savedOnDevice(frame);
    let dialog = await openPublishDialog(frame);
    await expectVisible(dialog.getByRole('region', { name: 'Errors (fix these to publish)' }));
    await expectVisible(dialog.getByRole('region', { name: 'Warnings' }));
    const publish = dialog.getByRole('button', { name: 'Publish', exact: true });
    expect(await publish.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await field(frame, 'Project').fill(LAZY);
    await savedOnDevice(frame);
    dialog = await openPublishDialog(frame);
    expect(await dialog.getByRole('region', { name: 'Errors (fix these to publish)' }).count()).toBe(0);
    await expectVisible(dialog.getByRole('region', { name: 'Warnings' }));
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /^Published/);
    expect(await mentor.wikitext(title)).toBe(
      replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Impossible\n'),
    );
    await page.close();
  });

  it('moves the draft’s base to the new revision: publishing again sends only what changed since', async () => {
    const { title } = await freshPage(mentor, 'twice');
    const page = await openWikiPage(browser.context, env, title);
    const frame = await openPanel(page, `Edit project: ${LAZY}`);
    await field(frame, 'Difficulty').fill('Hard');
    await savedOnDevice(frame);
    let dialog = await openPublishDialog(frame);
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /^Published/);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await field(frame, 'Skills Needed').fill('C');
    await savedOnDevice(frame);
    dialog = await openPublishDialog(frame);
    const diff = dialog.getByRole('region', { name: 'Changes to the wikitext' });
    expect(await diff.locator('ins').allTextContents()).toEqual(['+ |Skills=C\n']);
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /^Published/);
    expect(await mentor.wikitext(title)).toBe(
      HARD(SEED).replace(/\|Skills=A good understanding[^\n]*\n/, '|Skills=C\n'),
    );
    expect(await revisions(mentor, title)).toHaveLength(3);
    await page.close();
  });

  it('publishes every draft of the page at once from the page’s own `Publish to wiki`', async () => {
    const { title } = await freshPage(mentor, 'page');
    const page = await openWikiPage(browser.context, env, title);
    expect(await page.getByRole('button', { name: 'Publish to wiki', exact: true }).isVisible()).toBe(false);
    for (const [name, value] of [
      [LAZY, 'Hard'],
      [PVUSB, 'Easy'],
    ] as const) {
      const frame = await openPanel(page, `Edit project: ${name}`);
      await field(frame, 'Difficulty').fill(value);
      await savedOnDevice(frame);
      await frame.getByRole('button', { name: 'Close editor', exact: true }).click();
    }
    const dialog = await openPagePublish(page);
    expect(await dialog.getByLabel('Edit summary').inputValue()).toBe(`Update projects: ${PVUSB}, ${LAZY}`);
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /^Published/);
    const pvusb = 'Student: Bo Cao\n|Difficulty=';
    expect(await mentor.wikitext(title)).toBe(replaceOnce(HARD(SEED), `${pvusb}\n`, `${pvusb}Easy\n`));
    expect(await revisions(mentor, title)).toHaveLength(2);
    // Nothing is left to publish: closing the dialog, the page's button goes.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Publish to wiki', exact: true }).isVisible())
      .toBe(false);
    await page.close();
  });

  it('adds a new entry at the end of its section, in the page’s style', async () => {
    const { title } = await freshPage(mentor, 'add');
    const page = await openWikiPage(browser.context, env, title);
    const frame = await openPanel(page, 'New project in GSoC Projects');
    await field(frame, 'Project').fill('A new idea');
    await field(frame, 'Difficulty').fill('Easy');
    await field(frame, 'Description').fill('Text.');
    await savedOnDevice(frame);
    const dialog = await openPublishDialog(frame);
    expect(await dialog.getByLabel('Edit summary').inputValue()).toBe('Add project: A new idea');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /^Published/);
    const last = '* benchmark report of with and without.\n}}\n';
    const entry =
      '{{project\n|Project=A new idea\n|Date=\n|Verified=\n|Contact=\n|Difficulty=Easy\n|Skills=\n|GSoC=\n|Desc=Text.\n|Outcomes=\n}}';
    expect(await mentor.wikitext(title)).toBe(replaceOnce(SEED, last, `${last}\n${entry}\n`));
    await page.close();
  });

  it('says so when not logged in, with a link to the wiki’s login; the draft stays and publishes once logged in', async () => {
    const { title } = await freshPage(mentor, 'anonymous');
    const anonymous = await launchWithExtension({ extensionPath: env.extensionPath });
    try {
      await adapterRegistered(anonymous);
      const page = await openWikiPage(anonymous.context, env, title);
      let frame = await openPanel(page, `Edit project: ${LAZY}`);
      await field(frame, 'Difficulty').fill('Hard');
      await savedOnDevice(frame);
      let dialog = await openPublishDialog(frame);
      const login = dialog.getByRole('link', { name: 'Log in', exact: true });
      await expectVisible(login);
      expect(await dialog.getByRole('alert').textContent()).toContain('You are not logged in to the wiki');
      const href = new URL((await login.getAttribute('href'))!);
      expect([href.searchParams.get('title'), href.searchParams.get('returnto')]).toEqual([
        'Special:UserLogin',
        title,
      ]);
      expect(await dialog.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
      expect(await mentor.wikitext(title)).toBe(SEED);

      await login.click();
      await page.waitForURL(/Special(:|%3A)UserLogin/);
      await fillLoginForm(page, env.wiki.users.mentor);
      await expectVisible(page.getByRole('button', { name: `Edit project: ${LAZY}`, exact: true }));
      frame = await openPanel(page, `Edit project: ${LAZY}`);
      expect(await field(frame, 'Difficulty').inputValue()).toBe('Hard');
      dialog = await openPublishDialog(frame);
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await expectStatus(dialog, /^Published/);
      expect(await mentor.wikitext(title)).toBe(HARD(SEED));
    } finally {
      await anonymous.close();
    }
  });
});

describe('when the network fails', () => {
  it('loses nothing and never publishes twice when the answer to the edit is lost', async () => {
    const { title } = await freshPage(mentor, 'lost-answer');
    const page = await openWikiPage(browser.context, env, title);
    let frame = await openPanel(page, `Edit project: ${LAZY}`);
    await field(frame, 'Difficulty').fill('Hard');
    await savedOnDevice(frame);
    let dialog = await openPublishDialog(frame);
    // The edit reaches the wiki and is saved; its answer never comes back, and the network goes.
    let cut = 0;
    await page.route(/api\.php/, async (route) => {
      const body = route.request().postData() ?? '';
      if (
        route.request().method() !== 'POST' ||
        new URLSearchParams(body).get('action') !== 'edit' ||
        cut > 0
      )
        return route.fallback();
      cut += 1;
      await route.fetch();
      await browser.context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /never saved twice/);
    expect(cut).toBe(1);
    expect(await field(frame, 'Difficulty').inputValue()).toBe('Hard');
    expect(await revisions(mentor, title)).toHaveLength(2);

    // The tab goes (as in a crash); back online, the journal still knows the publish and asks the wiki.
    await browser.context.setOffline(false);
    await page.unroute(/api\.php/);
    await page.reload();
    frame = await openPanel(page, `Edit project: ${LAZY}`);
    expect(await field(frame, 'Difficulty').inputValue()).toBe('Hard');
    dialog = await openPublishDialog(frame);
    await expectVisible(
      dialog.getByRole('note').filter({ hasText: 'An earlier publish of this draft did not finish' }),
    );
    expect(await dialog.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    const again = dialog.getByRole('button', { name: 'Publish now', exact: true });
    await expect.poll(() => again.isEnabled(), { timeout: 20_000 }).toBe(true);
    await again.click();
    await expectStatus(dialog, /^Published.*saved already/);
    expect(await mentor.wikitext(title)).toBe(HARD(SEED));
    expect(await revisions(mentor, title)).toHaveLength(2);
    await page.close();
  });

  it('queues a publish made offline and sends it only when the user confirms, back online', async () => {
    const { title } = await freshPage(mentor, 'offline');
    const page = await openWikiPage(browser.context, env, title);
    const frame = await openPanel(page, `Edit project: ${LAZY}`);
    await field(frame, 'Difficulty').fill('Hard');
    await savedOnDevice(frame);
    const dialog = await openPublishDialog(frame);
    await browser.context.setOffline(true);
    try {
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await expectStatus(dialog, /^Queued/);
    } finally {
      await browser.context.setOffline(false);
    }
    const confirm = dialog.getByRole('button', { name: 'Publish now', exact: true });
    await expect.poll(() => confirm.isEnabled(), { timeout: 20_000 }).toBe(true);
    await expectStatus(dialog, /^Queued/);
    expect(await mentor.wikitext(title)).toBe(SEED);
    await confirm.click();
    await expectStatus(dialog, /^Published/);
    expect(await mentor.wikitext(title)).toBe(HARD(SEED));
    expect(await revisions(mentor, title)).toHaveLength(2);
    await page.close();
  });
});
