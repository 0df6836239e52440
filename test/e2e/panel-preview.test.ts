import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WikiApiSession } from '../support/wiki';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';

/** The panel's Preview tab (the wiki's own rendering, sanitised) and its note on a page that moved on. */
let env: E2eEnvironment;
let browser: ExtensionBrowser;

beforeAll(async () => {
  env = e2eEnvironment();
  browser = await launchWithExtension({ extensionPath: env.extensionPath });
  await adapterRegistered(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(title: string, entries: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${env.wiki.indexUrl}?title=${encodeURIComponent(title.replace(/ /g, '_'))}`);
  await expectCount(page.getByRole('button', { name: /^Edit project: / }), entries);
  return page;
}

/** Frames showing a draft (a frame kept on standby for the next panel shows none). */
const panelFrames = (page: Page) =>
  page.frames().filter((frame) => frame.url().includes('/panel.html#') && !frame.url().endsWith('#standby'));

async function openPanel(page: Page, buttonName: string): Promise<Frame> {
  // A panel is a frame that shows a link it did not show before (frames are reused for new panels).
  const before = new Map(panelFrames(page).map((frame) => [frame, frame.url()]));
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = panelFrames(page).find((f) => before.get(f) !== f.url())), { timeout: 20_000 })
    .toBeTruthy();
  await expectVisible(frame!.getByRole('form', { name: /^Project draft: / }));
  return frame!;
}

const field = (frame: Frame, label: string) => frame.getByLabel(label, { exact: true });

/** What the wiki itself renders for a piece of wikitext on the seed page (no extension involved). */
async function wikiRendering(wikitext: string): Promise<string> {
  const body = new URLSearchParams({
    action: 'parse',
    format: 'json',
    formatversion: '2',
    title: env.wiki.pages.seed2014,
    text: wikitext,
    contentmodel: 'wikitext',
    prop: 'text',
  });
  const answer = (await (await fetch(env.wiki.apiUrl, { method: 'POST', body })).json()) as {
    parse: { text: string };
  };
  return answer.parse.text;
}

describe('the preview tab', () => {
  it('shows the draft as the wiki renders it, sanitised, and a hostile value runs nothing', async () => {
    const page = await openPage(env.wiki.pages.seed2014, 8);
    const frame = await openPanel(page, 'Edit project: Lazy restore using memory paging');
    const hostile =
      '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">' +
      '<span onclick="window.__pwned = 3" style="color: red">styled span</span> ' +
      '[javascript:window.__pwned=4 a link] <svg onload="window.__pwned = 5"></svg>';
    await field(frame, 'Outcomes').fill(`Hostile outcome: ${hostile}`);
    await field(frame, 'Difficulty').fill('Hard');
    await frame.getByRole('tab', { name: 'Preview' }).click();
    const preview = frame.getByRole('tabpanel', { name: 'Preview' });
    await expectVisible(preview.getByText('styled span'));
    const text = (await preview.textContent()) ?? '';
    // The wiki's rendering: the template's labels and the values as MediaWiki formats them.
    expect(text).toContain('Lazy restore using memory paging');
    expect(text).toMatch(/Technical contact:\s*Mentor: Andres Lagar-Cavilla/);
    expect(text).toMatch(/Difficulty:\s*Hard/);
    expect(text).toMatch(/Outcomes:\s*Hostile outcome:/);
    expect(await preview.locator('b', { hasText: 'Description:' }).count()).toBe(1);
    expect(await preview.locator('li', { hasText: 'Mainline patches for libxc and libxl' }).count()).toBe(0);
    // MediaWiki escaped the script as text; nothing ran, and what the sanitiser drops is gone.
    expect(text).toContain('<script>window.__pwned = 1</script>');
    await page.waitForTimeout(300);
    expect(await frame.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const dropped = await preview.evaluate((root) => ({
      scripts: root.querySelectorAll('script, iframe, object, embed, form, svg, style').length,
      handlers: Array.from(root.querySelectorAll('*')).filter((el) =>
        Array.from(el.attributes).some((a) => /^on/i.test(a.name)),
      ).length,
      styled: root.querySelectorAll('[style]').length,
      badLinks: Array.from(root.querySelectorAll('a[href]')).filter(
        (a) => !/^https?:/.test(a.getAttribute('href') ?? ''),
      ).length,
    }));
    expect(dropped).toEqual({ scripts: 0, handlers: 0, styled: 0, badLinks: 0 });
    // The wiki's own HTML for the same value does carry style attributes and a span: the sanitiser ran.
    const raw = await wikiRendering(`{{project|Project=x|Outcomes=${hostile}}}`);
    expect(raw).toMatch(/style="/);
    expect(raw).toContain('styled span');
    await page.close();
  });

  it('shows the draft as plain text when the wiki cannot be reached', async () => {
    const page = await openPage(env.wiki.pages.seed2014, 8);
    const frame = await openPanel(page, 'Edit project: Parallel xenwatch kthread');
    await field(frame, 'Skills Needed').fill('C, <b>Linux</b> kernel');
    await browser.context.setOffline(true);
    try {
      await frame.getByRole('tab', { name: 'Preview' }).click();
      const preview = frame.getByRole('tabpanel', { name: 'Preview' });
      await expectVisible(
        preview.getByRole('note').filter({ hasText: 'The wiki could not render the draft' }),
      );
      const text = (await preview.textContent()) ?? '';
      expect(text).toMatch(/Skills Needed\s*C, <b>Linux<\/b> kernel/);
      expect(text).toMatch(/Project\s*Parallel xenwatch kthread/);
      expect(await preview.locator('b').count()).toBe(0);
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });
});

describe('a draft whose page changed on the wiki', () => {
  it('says so in the panel, and still opens the draft', async () => {
    const title = `Panel behind test ${Date.now()}`;
    const text = (extra: string) =>
      `== Ideas ==\n{{project\n|Project=Behind alpha\n|Date=2014-01-20\n|Desc=First idea.\n}}\n\n{{project\n|Project=Behind beta\n|Desc=Second idea.${extra}\n}}\n`;
    const mentor = await WikiApiSession.login(env.wiki.apiUrl, 'mentor');
    const first = await mentor.edit(title, text(''));
    let page = await openPage(title, 2);
    let frame = await openPanel(page, 'Edit project: Behind alpha');
    expect(await frame.getByRole('note').filter({ hasText: 'The wiki page has changed' }).count()).toBe(0);
    await field(frame, 'Description').fill('First idea, drafted here.');
    await expectVisible(frame.getByRole('status').filter({ hasText: 'Saved on this device' }));
    await page.close();
    const second = await mentor.edit(title, text(' Edited on the wiki.'));
    expect(second).toBeGreaterThan(first);
    page = await openPage(title, 2);
    const button = page.getByRole('button', { name: 'Edit project: Behind alpha', exact: true });
    await expect
      .poll(() =>
        button.evaluate(
          (el) => (el.getRootNode() as ShadowRoot).getElementById('project-desk-draft-badge')?.textContent,
        ),
      )
      .toBe('Draft · page changed since');
    frame = await openPanel(page, 'Edit project: Behind alpha');
    const note = frame
      .getByRole('note')
      .filter({ hasText: 'The wiki page has changed since this draft was started' });
    await expectVisible(note);
    expect(await note.textContent()).toContain(`revision ${first}, now ${second}`);
    expect(await field(frame, 'Description').inputValue()).toBe('First idea, drafted here.');
    await page.close();
  });
});
