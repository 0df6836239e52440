import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';

const IDEA_TITLES = [
  'Reproducible toolstack builds',
  'Structured logging for the control daemon',
  'Interactive guide to the boot process',
  'Man pages from the command reference',
];

let env: E2eEnvironment;
let browser: ExtensionBrowser;

beforeAll(async () => {
  env = e2eEnvironment();
  browser = await launchWithExtension({ extensionPath: env.extensionPath });
});
afterAll(async () => {
  await browser?.close();
});

async function wikiItem(options: Page) {
  const item = options.getByRole('listitem', { name: env.wiki.origin });
  await expectVisible(item);
  return item;
}

describe('options page', () => {
  it('lists the wiki this build enabled', async () => {
    const options = await browser.openExtensionPage('options.html');
    const item = await wikiItem(options);
    expect(await item.textContent()).toContain('enabled by this build');
    await options.close();
  });

  it('refuses an address that is not a web address, saying why', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('textbox', { name: 'Wiki address' }).fill('wiki.example.org/no scheme');
    await options.getByRole('button', { name: 'Enable wiki' }).click();
    const alert = options.getByRole('alert');
    await expectVisible(alert);
    expect(await alert.textContent()).toMatch(/not a web address/);
    await options.close();
  });

  it('says so when the named template has no TemplateData, and keeps the old profile', async () => {
    const options = await browser.openExtensionPage('options.html');
    const item = await wikiItem(options);
    await item.getByRole('textbox', { name: 'Entry template' }).fill('Plain idea');
    await item.getByRole('button', { name: 'Use template' }).click();
    const status = item.getByRole('status');
    await expect.poll(async () => status.getAttribute('class'), { timeout: 20_000 }).toBe('error');
    expect(await status.textContent()).toMatch(/Plain idea.*TemplateData|TemplateData.*Plain idea/);
    await options.close();
    const page = await browser.context.newPage();
    await page.goto(
      `${env.wiki.indexUrl}?title=${encodeURIComponent(env.wiki.pages.seed2014.replace(/ /g, '_'))}`,
    );
    await expectCount(page.getByRole('button', { name: /^Edit project: / }), 8);
    await page.close();
  });

  it('builds a profile from another template’s TemplateData, and the adapter finds those entries', async () => {
    const options = await browser.openExtensionPage('options.html');
    const item = await wikiItem(options);
    await item.getByRole('textbox', { name: 'Entry template' }).fill('Idea');
    await item.getByRole('button', { name: 'Use template' }).click();
    await expect
      .poll(async () => (await item.getByRole('status').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/\{\{Idea\}\} transclusions, with 5 fields from its TemplateData/);
    await options.close();

    const page = await browser.context.newPage();
    await page.goto(
      `${env.wiki.indexUrl}?title=${encodeURIComponent(env.wiki.pages.ideas2025.replace(/ /g, '_'))}`,
    );
    const buttons = page.getByRole('button', { name: /^Edit project: / });
    await expectCount(buttons, 4);
    const names = await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')));
    expect(names).toEqual(IDEA_TITLES.map((title) => `Edit project: ${title}`));
    for (const section of ['Toolstack', 'Documentation']) {
      await expectVisible(page.getByRole('button', { name: `New project in ${section}`, exact: true }));
    }
    // Each button sits in the table cell that shows its idea's title: a second rendering of entries.
    const cells = await buttons.evaluateAll((all) =>
      all.map(
        (b) => ((b.getRootNode() as ShadowRoot).host.parentElement as HTMLElement).closest('td, th')?.tagName,
      ),
    );
    expect(cells).toEqual(['TD', 'TD', 'TD', 'TD']);
    await page.close();

    // Back to the Xen template: the seed page's entries come back.
    const again = await browser.openExtensionPage('options.html');
    const sameItem = await wikiItem(again);
    await sameItem.getByRole('textbox', { name: 'Entry template' }).fill('Project');
    await sameItem.getByRole('button', { name: 'Use template' }).click();
    await expect
      .poll(async () => (await sameItem.getByRole('status').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/built-in Xen profile/);
    await again.close();
  });
});
