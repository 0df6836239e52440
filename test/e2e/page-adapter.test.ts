import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';

const SEED_TITLES = [
  'Implement Xen PVUSB support in xl/libxl toolstack',
  'Lazy restore using memory paging',
  'HVM per-event-channel interrupts',
  'Mirage OS cloud API support',
  'Parallel xenwatch kthread',
  'openSUSE: Add Snapshot management API to libvirt Xenlight driver',
  'Improvements to the block I/O paravirtualized Xen drivers',
  'Mirage OS contributions and improvements',
];
const SEED_SECTIONS = [
  'GSoC Projects',
  'Xen related GSoC Projects by other mentoring Organizations',
  'OPW Round 8',
];

interface ChromeScripting {
  scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> };
}

let env: E2eEnvironment;
let browser: ExtensionBrowser;

beforeAll(async () => {
  env = e2eEnvironment();
  browser = await launchWithExtension({ extensionPath: env.extensionPath });
  // A page opened before the background registered the adapter would never get one.
  await adapterRegistered(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function openWikiPage(title: string, origin = env.wiki.origin): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/index.php?title=${encodeURIComponent(title.replace(/ /g, '_'))}`);
  return page;
}

const editButtons = (page: Page) => page.getByRole('button', { name: /^Edit project: / });

describe('page adapter on the seed page', () => {
  it('gives each of the 8 entries an Edit button named after its title, in page order', async () => {
    const page = await openWikiPage(env.wiki.pages.seed2014);
    await expect.poll(() => editButtons(page).count(), { timeout: 20_000 }).toBe(8);
    const names = await editButtons(page).evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('aria-label')),
    );
    expect(names).toEqual(SEED_TITLES.map((title) => `Edit project: ${title}`));
    await page.close();
  });

  it('gives each of the 3 sections holding entries a New project button', async () => {
    const page = await openWikiPage(env.wiki.pages.seed2014);
    for (const section of SEED_SECTIONS) {
      await expectVisible(page.getByRole('button', { name: `New project in ${section}`, exact: true }));
    }
    expect(await page.getByRole('button', { name: /^New project in / }).count()).toBe(3);
    await page.close();
  });

  it('puts each Edit button beside its entry’s rendered title', async () => {
    const page = await openWikiPage(env.wiki.pages.seed2014);
    const button = page.getByRole('button', { name: `Edit project: ${SEED_TITLES[1]}` });
    await expectVisible(button);
    const hostText = await button.evaluate((el) => {
      const host = (el.getRootNode() as ShadowRoot).host;
      return host.parentElement?.textContent?.replace(host.textContent ?? '', '').trim();
    });
    expect(hostText).toBe(SEED_TITLES[1]);
    await page.close();
  });

  it('keeps drafts and settings out of the wiki page’s own storage', async () => {
    const page = await openWikiPage(env.wiki.pages.seed2014);
    await expectCount(editButtons(page), 8);
    const storage = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((db) => db.name),
      localKeys: Object.keys(localStorage).filter((key) => /project.?desk/i.test(key)),
    }));
    expect(storage.databases.filter((name) => /project.?desk|y-indexeddb/i.test(name ?? ''))).toEqual([]);
    expect(storage.localKeys).toEqual([]);
    await page.close();
  });
});

describe('page adapter and the wiki’s styles', () => {
  it('keeps the wiki’s styles out of its controls, and adds no style of its own to the page', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        // A hostile wiki stylesheet: everything red and huge.
        const hostile = document.createElement('style');
        hostile.textContent =
          'button, span, * { color: rgb(255, 0, 0) !important; font-size: 40px !important; }';
        document.head.append(hostile);
      });
    });
    await page.goto(
      `${env.wiki.indexUrl}?title=${encodeURIComponent(env.wiki.pages.seed2014.replace(/ /g, '_'))}`,
    );
    const button = page.getByRole('button', { name: `Edit project: ${SEED_TITLES[0]}` });
    await expectVisible(button);
    const style = await button.evaluate((el) => {
      const computed = getComputedStyle(el);
      return { color: computed.color, fontSize: computed.fontSize };
    });
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.fontSize).toBe('12px');
    // Our styles live only inside each control's shadow root: none in the page's own document.
    const leaked = await page.evaluate(() => ({
      adopted: document.adoptedStyleSheets.length,
      ours: Array.from(document.querySelectorAll('style')).filter((s) => s.textContent?.includes(':host'))
        .length,
      extensionLinks: Array.from(document.querySelectorAll('link')).filter((l) =>
        l.href.startsWith('chrome-extension:'),
      ).length,
    }));
    expect(leaked).toEqual({ adopted: 0, ours: 0, extensionLinks: 0 });
    await page.close();
  });
});

describe('page adapter on other pages', () => {
  it('adds nothing to a page without entries', async () => {
    const page = await openWikiPage(env.wiki.pages.empty);
    await page.waitForLoadState('networkidle');
    // The adapter answers within a moment on a small page; give it that moment before checking nothing came.
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-project-desk]').count()).toBe(0);
    await page.close();
  });

  it('marks an entry it cannot read, and still offers the readable ones', async () => {
    const page = await openWikiPage(env.wiki.pages.malformed);
    const note = page.getByRole('note').filter({ hasText: "This entry can't be edited here:" });
    await expectCount(note, 1);
    expect(await note.textContent()).toMatch(/clos/i);
    await expectCount(editButtons(page), 3);
    expect(await page.getByRole('button', { name: /never closed/ }).count()).toBe(0);
    await page.close();
  });

  it('still offers entries it cannot find in the rendered page, listed at the top', async () => {
    const page = await openWikiPage(env.wiki.pages.oddTitles);
    const notice = page.getByRole('note').filter({ hasText: 'could not be found in its rendered text' });
    await expectCount(notice, 1);
    expect(await notice.textContent()).toMatch(/^2 entries of this page/);
    const inNotice = notice.getByRole('button', { name: /^Edit project: / });
    const names = await inNotice.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')));
    expect(names).toEqual(['Edit project: Idea for', 'Edit project: Hidden behind a parser function']);
    // The ordinary entry keeps its button beside its title.
    await expectVisible(page.getByRole('button', { name: 'Edit project: An ordinary idea', exact: true }));
    expect(await editButtons(page).count()).toBe(3);
    await page.close();
  });

  it('gives all 500 entries of a long page their buttons', async () => {
    const page = await openWikiPage(env.wiki.pages.generated500);
    await expect.poll(() => editButtons(page).count(), { timeout: 60_000 }).toBe(500);
    await page.close();
  });

  it('does nothing on a wiki that is not enabled (same wiki, other origin)', async () => {
    const otherOrigin = env.wiki.origin.replace('127.0.0.1', 'localhost');
    const page = await openWikiPage(env.wiki.pages.seed2014, otherOrigin);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-project-desk]').count()).toBe(0);
    const registered = await browser.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeScripting }).chrome;
      return (await api.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []);
    });
    expect(registered).toEqual([`${env.wiki.origin}/*`]);
    await page.close();
  });
});
