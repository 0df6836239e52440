import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DraftsFile } from '../../lib/drafts/transfer';
import { readReply } from '../../lib/messaging/channel';
import { exportDraftsFile } from '../../lib/messaging/dashboard-protocol';
import { contentOf, draftsFile } from '../unit/dashboard/drafts-file';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';

/**
 * The dashboard in the real browser, against the real background. Drafts are made the way a user
 * brings them in without a wiki: by importing a drafts file (built from the seed page's wikitext as
 * the panel builds drafts). Every test starts from a fresh browser profile.
 */
let env: E2eEnvironment;
let browser: ExtensionBrowser | undefined;

beforeAll(() => {
  env = e2eEnvironment();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const OTHER_WIKI = 'https://wiki.example.org';
/** As long as support/expect.ts waits: this machine is shared and slow at times. */
const WAIT = { timeout: 20_000 };

function sampleFile(): DraftsFile {
  const wiki = env.wiki.origin;
  return draftsFile([
    {
      page: { wiki, page: env.wiki.pages.seed2014, baseRevision: 1 },
      entries: [
        { ordinal: 2, edits: { Desc: 'Restore pages lazily, as the guest touches them.' } },
        { ordinal: 4 },
        { ordinal: 8, status: 'conflict' },
      ],
    },
    {
      page: { wiki, page: env.wiki.pages.empty, baseRevision: 1 },
      entries: [],
      newEntries: [{ section: ['Ideas'], values: { Project: 'Mentor matching board' } }],
    },
    { page: { wiki: OTHER_WIKI, page: 'GSoC 2015', baseRevision: 9 }, entries: [{ ordinal: 5 }] },
  ]);
}

/** Newest first, as the dashboard sorts them (the fixture's times grow in file order). */
const NEWEST_FIRST = [
  'Parallel xenwatch kthread',
  'Mentor matching board',
  'Mirage OS contributions and improvements',
  'Mirage OS cloud API support',
  'Lazy restore using memory paging',
];

async function openDashboard(): Promise<Page> {
  browser = await launchWithExtension({ extensionPath: env.extensionPath });
  const page = await browser.openExtensionPage('dashboard.html');
  await expectVisible(page.getByRole('heading', { name: 'Project Desk drafts' }));
  return page;
}

/** The listed drafts' titles, in list order (each title is the link that opens the draft on its page). */
const titles = (page: Page) => page.getByRole('rowheader').getByRole('link').allTextContents();
const importInput = (page: Page) => page.getByLabel('Import drafts');

async function importText(page: Page, text: string, name = 'drafts.json'): Promise<void> {
  await importInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function importSample(page: Page): Promise<DraftsFile> {
  const file = sampleFile();
  await importText(page, JSON.stringify(file));
  await expectVisible(page.getByText('Imported 5 drafts from 3 pages.'));
  await expectCount(page.getByRole('rowheader'), 5);
  return file;
}

/** Everything the background holds, through the dashboard's own export request. */
async function exported(page: Page): Promise<DraftsFile> {
  const raw = await page.evaluate(
    (name) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ channel: 'project-desk', name, payload: {} }),
    exportDraftsFile.name,
  );
  return readReply(exportDraftsFile, raw);
}

async function chooseStatus(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label });
}

describe('dashboard', () => {
  it('of a fresh profile says there are no drafts, saved on this device', async () => {
    const page = await openDashboard();
    await expectVisible(page.getByText('No drafts yet.'));
    expect(await page.getByRole('status').textContent()).toBe('Saved on this device');
    expect(await page.getByRole('table').count()).toBe(0);
    expect((await exported(page)).drafts).toEqual([]);
  });

  it('lists imported drafts across wikis and pages, newest first, each opening on its page', async () => {
    const page = await openDashboard();
    const file = await importSample(page);
    // The default view leaves out nothing but discarded drafts: the conflict is listed too.
    expect(await titles(page)).toEqual(NEWEST_FIRST);

    const lazy = page.getByRole('row', { name: /Lazy restore using memory paging/ });
    const cells = await lazy.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual([new URL(env.wiki.origin).host, env.wiki.pages.seed2014, 'Draft']);
    const record = file.drafts.find((draft) => draft.title === 'Lazy restore using memory paging')!;
    expect(await lazy.locator('time').getAttribute('datetime')).toBe(
      new Date(record.updatedAt).toISOString(),
    );
    await expect
      .poll(async () => lazy.getByRole('cell').nth(4).textContent(), WAIT)
      .toMatch(/^(No problems|\d+ (error|warning)s?.*)$/);
    const elsewhere = page.getByRole('row', { name: /Parallel xenwatch kthread/ });
    await expect
      .poll(async () => elsewhere.getByRole('cell').nth(4).textContent(), WAIT)
      .toBe('Not checked: its wiki is not enabled');
    expect(
      await page
        .getByRole('row', { name: /Mirage OS contributions/ })
        .getByRole('cell')
        .nth(2)
        .textContent(),
    ).toBe('Conflict');

    const link = lazy.getByRole('link', { name: 'Lazy restore using memory paging' });
    const href = `${env.wiki.origin}/index.php?title=Archived/2014_GSoC_and_OPW_Round_8_Projects#project-desk-edit=r1-e2`;
    expect(await link.getAttribute('href')).toBe(href);
    const [wikiPage] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await wikiPage.waitForLoadState('domcontentloaded');
    // The fragment is the panel's to act on (and perhaps to clear); the page is the one linked.
    expect(wikiPage.url().split('#')[0]).toBe(href.split('#')[0]);
    expect(await page.getByRole('status').textContent()).toBe('Saved on this device');
  });

  it('searches and filters by status', async () => {
    const page = await openDashboard();
    await importSample(page);
    const search = page.getByRole('searchbox', { name: 'Search drafts' });
    await search.fill('MIRAGE');
    await expect
      .poll(() => titles(page), WAIT)
      .toEqual(['Mirage OS contributions and improvements', 'Mirage OS cloud API support']);
    await chooseStatus(page, 'Conflict');
    await expect.poll(() => titles(page), WAIT).toEqual(['Mirage OS contributions and improvements']);
    await chooseStatus(page, 'Published');
    await expectVisible(page.getByText('No drafts match this search and status.'));
    await search.fill('');
    await chooseStatus(page, 'Draft');
    await expect
      .poll(() => titles(page), WAIT)
      .toEqual(NEWEST_FIRST.filter((title) => !title.includes('contributions')));
    await search.fill('wiki.example.org');
    await expect.poll(() => titles(page), WAIT).toEqual(['Parallel xenwatch kthread']);
  });

  it('discards a draft and, by keyboard, undoes it: the draft is back exactly as it was', async () => {
    const page = await openDashboard();
    await importSample(page);
    const before = await exported(page);
    const title = 'Mirage OS cloud API support';
    const discard = page.getByRole('button', { name: `Discard ${title}` });
    await discard.focus();
    await page.keyboard.press('Enter');
    await expectCount(page.getByRole('rowheader', { name: title }), 0);
    await expectVisible(page.getByText(`Discarded “${title}”.`));
    // The focus left with the row; it is on the offer's Undo, visibly.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), WAIT).toBe('Undo');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    const discarded = (await exported(page)).drafts.find((draft) => draft.title === title);
    expect(discarded?.status).toBe('discarded');

    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('rowheader', { name: title }));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), WAIT)
      .toBe(`Discard ${title}`);
    expect(await page.getByText(`Discarded “${title}”.`).count()).toBe(0);
    expect(contentOf(await exported(page)).drafts).toEqual(contentOf(before).drafts);
  });

  it('exports to a file, and after discarding everything importing that file restores it all', async () => {
    const page = await openDashboard();
    await importSample(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^project-desk-drafts-[\dT:-]+Z\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    const saved = JSON.parse(text) as DraftsFile;
    expect(saved.drafts).toHaveLength(5);
    expect(contentOf(saved)).toEqual(contentOf(await exported(page)));

    await chooseStatus(page, 'All');
    await page.getByRole('button', { name: 'Discard all shown (5)' }).click();
    await expectVisible(page.getByText('Discarded 5 drafts.'));
    await chooseStatus(page, 'Not discarded');
    await expectVisible(page.getByText('No drafts match this search and status.'));
    expect((await exported(page)).drafts.every((draft) => draft.status === 'discarded')).toBe(true);

    await importText(page, text, download.suggestedFilename());
    await expectVisible(
      page.getByText('Imported 5 drafts from 3 pages. 5 discarded drafts were brought back.'),
    );
    await expectCount(page.getByRole('rowheader'), 5);
    expect(await titles(page)).toEqual(NEWEST_FIRST);
    expect(contentOf(await exported(page))).toEqual(contentOf(saved));
  });

  const badFiles: [string, (file: DraftsFile) => string, RegExp][] = [
    ['not JSON', () => 'project ideas, one per line\n', /This file is not JSON/],
    [
      'of another version',
      (file) => JSON.stringify({ ...file, version: 3 }),
      /not a valid drafts file[\s\S]*version/,
    ],
    [
      'with a record of a status that does not exist',
      (file) =>
        JSON.stringify({
          ...file,
          drafts: file.drafts.map((d, i) => (i === 1 ? { ...d, status: 'lost' } : d)),
        }),
      /not a valid drafts file[\s\S]*drafts\[1\]\.status/,
    ],
    [
      'with a document that is not Yjs',
      (file) =>
        JSON.stringify({
          ...file,
          docs: file.docs.map((d, i) => (i === 2 ? { ...d, state: btoa('{"entries": {}}') } : d)),
        }),
      /docs\[2\] .* the state is not a Yjs document/,
    ],
  ];

  it('refuses bad files, saying why, and changes nothing', async () => {
    const page = await openDashboard();
    await importSample(page);
    const before = await exported(page);
    const good = JSON.stringify(before);
    for (const [what, make, reason] of badFiles) {
      await importText(page, make(before), 'bad.json');
      const alert = page.getByRole('alert');
      await expectVisible(alert);
      const said = (await alert.textContent()) ?? '';
      expect(said, what).toMatch(/^Nothing was imported from bad\.json\./);
      expect(said, what).toMatch(reason);
      expect(contentOf(await exported(page)), what).toEqual(contentOf(before));
      await expectCount(page.getByRole('rowheader'), 5);
      // A valid import (of what is there already) clears the alert: the next bad file's alert is its own.
      await importText(page, good);
      await expectCount(page.getByRole('alert'), 0);
    }
  });

  it('keeps up with changes made elsewhere: another dashboard’s discard shows without a reload', async () => {
    const page = await openDashboard();
    await importSample(page);
    const other = await browser!.openExtensionPage('dashboard.html');
    await expectCount(other.getByRole('rowheader'), 5);
    await other.getByRole('button', { name: 'Discard Lazy restore using memory paging' }).click();
    await expectVisible(other.getByText('Discarded “Lazy restore using memory paging”.'));
    await expectCount(page.getByRole('rowheader', { name: 'Lazy restore using memory paging' }), 0);
    await chooseStatus(page, 'Discarded');
    await expect.poll(() => titles(page), WAIT).toEqual(['Lazy restore using memory paging']);
    await other.getByRole('button', { name: 'Undo' }).click();
    await expectVisible(page.getByText('No drafts match this search and status.'));
  });

  it('lists a damaged record as damaged, with the reason, beside the drafts', async () => {
    const page = await openDashboard();
    await importSample(page);
    // Damage one record in storage, as a buggy build or a broken disk would.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('project-desk');
          open.onsuccess = () => {
            const tx = open.result.transaction('drafts', 'readwrite');
            tx.objectStore('drafts').put({ id: 'damaged-draft', wiki: 'not a wiki', status: 'lost' });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.reload();
    const damaged = page.getByRole('listitem', { name: 'Damaged record "damaged-draft"' });
    await expectVisible(damaged);
    expect(await damaged.textContent()).toMatch(/Damaged:[\s\S]*status/);
    await expectCount(page.getByRole('rowheader'), 5);
  });

  it('is reachable by keyboard, control after control', async () => {
    const page = await openDashboard();
    await importSample(page);
    const reached: string[] = [];
    for (let n = 0; n < 12; n++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
          return label ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
        }),
      );
    }
    expect(reached).toEqual(
      expect.arrayContaining([
        'Search drafts',
        'Status',
        'Export',
        'Import drafts',
        'Parallel xenwatch kthread',
        'Discard Parallel xenwatch kthread',
      ]),
    );
  });
});
