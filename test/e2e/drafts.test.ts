import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';

/**
 * Nothing typed into a draft is lost: not on reload, a killed browser, a stopped service worker, and
 * the wiki page's own scripts never see it. Third-party cookies are blocked as users have them; the
 * whole suite runs with storage partitioning on (Chromium's default) and off (Playwright's default,
 * and what managed browsers can set), where an extension frame in a page is refused its IndexedDB.
 */
let env: E2eEnvironment;

/** Frames showing a draft (a frame kept on standby for the next panel shows none). */
const panelFrames = (page: Page) =>
  page.frames().filter((frame) => frame.url().includes('/panel.html#') && !frame.url().endsWith('#standby'));
const field = (frame: Frame, label: string) => frame.getByLabel(label, { exact: true });
const saved = (frame: Frame) =>
  expectVisible(frame.getByRole('status').filter({ hasText: 'Saved on this device' }));

async function openSeedPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(
    `${env.wiki.indexUrl}?title=${encodeURIComponent(env.wiki.pages.seed2014.replace(/ /g, '_'))}`,
  );
  await expectCount(page.getByRole('button', { name: /^Edit project: / }), 8);
  return page;
}

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

/** Types at the end of a field, one keystroke per character, as a user does. */
async function typeAtEnd(frame: Frame, label: string, text: string): Promise<void> {
  await field(frame, label).focus();
  await frame.page().keyboard.press('ControlOrMeta+End');
  await frame.page().keyboard.type(text);
}

/** The pid of the browser process Playwright started on this profile (not its renderers or helpers). */
function browserPid(userDataDir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const pids = lines
    .filter((line) => line.includes(`--user-data-dir=${userDataDir}`) && !line.includes('--type='))
    .map((line) => Number.parseInt(line.trim(), 10));
  if (pids.length !== 1)
    throw new Error(`expected one browser process on ${userDataDir}, found ${pids.length}`);
  return pids[0]!;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  env = e2eEnvironment();
});

describe.each([
  { partitioning: true, mode: 'storage partitioning on' },
  { partitioning: false, mode: 'storage partitioning off' },
])('drafts with third-party cookies blocked, $mode', ({ partitioning }) => {
  let browser: ExtensionBrowser;
  const launch = async (userDataDir?: string) => {
    const launched = await launchWithExtension({
      extensionPath: env.extensionPath,
      storagePartitioning: partitioning,
      userDataDir,
    });
    await adapterRegistered(launched);
    return launched;
  };

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps what was typed into several fields across a reload', async () => {
    const page = await openSeedPage(browser);
    const name = 'Edit project: Implement Xen PVUSB support in xl/libxl toolstack';
    let frame = await openPanel(page, name);
    await typeAtEnd(frame, 'Project', ' for 2026');
    await typeAtEnd(frame, 'Difficulty', 'Medium');
    await typeAtEnd(frame, 'Description', '\n* Task 2: document it.');
    await saved(frame);
    await page.reload();
    await expectCount(page.getByRole('button', { name: /^Edit project: / }), 8);
    const button = page.getByRole('button', { name, exact: true });
    await expect.poll(() => button.getAttribute('aria-describedby')).toBe('project-desk-draft-badge');
    frame = await openPanel(page, name);
    expect(await field(frame, 'Project').inputValue()).toBe(
      'Implement Xen PVUSB support in xl/libxl toolstack for 2026',
    );
    expect(await field(frame, 'Difficulty').inputValue()).toBe('Medium');
    expect(await field(frame, 'Description').inputValue()).toMatch(
      /Fix any upcoming issues\.[\s\S]*\n\* Task 2: document it\.$/,
    );
    await expectVisible(frame.getByText('Restored your draft from this device.'));
    await page.close();
  });

  it('keeps the draft out of the wiki page’s own storage, and in the extension’s', async () => {
    const page = await openSeedPage(browser);
    const frame = await openPanel(page, 'Edit project: Parallel xenwatch kthread');
    await typeAtEnd(frame, 'Skills Needed', ' secret-draft-text');
    await saved(frame);
    const pageView = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((db) => db.name ?? ''),
      local: Object.keys(localStorage).map((key) => [key, localStorage.getItem(key) ?? '']),
      session: Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key) ?? '']),
    }));
    expect(pageView.databases.filter((name) => /project|desk|draft|y-?indexeddb/i.test(name))).toEqual([]);
    // Keys of ours, or the draft's text under any key. (Values may name "Project Desk": the test wiki's
    // site name is "Project Desk Wiki", and MediaWiki caches its modules in localStorage.)
    expect(
      [...pageView.local, ...pageView.session].filter(
        ([key, value]) => /project.?desk/i.test(key ?? '') || /secret-draft-text/.test(`${key}=${value}`),
      ),
    ).toEqual([]);
    expect(await page.content()).not.toContain('secret-draft-text');
    // The extension's own origin holds it: the drafts index and one document per page.
    const own = await browser.context
      .serviceWorkers()
      .at(-1)!
      .evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
    expect(own).toContain('project-desk');
    expect(own.filter((name) => name.startsWith('project-desk|drafts|'))).toHaveLength(1);
    await page.close();
  });

  it('shows typing in one tab in another tab’s panel at once, and neither loses a keystroke', async () => {
    const name = 'Edit project: Mirage OS cloud API support';
    const pageA = await openSeedPage(browser);
    const pageB = await openSeedPage(browser);
    const a = await openPanel(pageA, name);
    const b = await openPanel(pageB, name);
    // A keystroke in one tab is in the other tab's input at once.
    await typeAtEnd(a, 'Verified', ' from-A');
    await expect
      .poll(() => field(b, 'Verified').inputValue(), { timeout: 5_000 })
      .toBe('Not updated in 2016 from-A');
    await typeAtEnd(b, 'Verified', ' and B');
    await expect
      .poll(() => field(a, 'Verified').inputValue(), { timeout: 5_000 })
      .toBe('Not updated in 2016 from-A and B');
    // Both type into the same text at once, keystroke for keystroke: every keystroke of both is kept.
    const base = await field(a, 'Outcomes').inputValue();
    await typeAtEnd(a, 'Outcomes', '');
    await typeAtEnd(b, 'Outcomes', '');
    const fromA = 'X'.repeat(20);
    const fromB = 'Y'.repeat(20);
    for (let index = 0; index < fromA.length; index++) {
      await pageA.keyboard.type(fromA[index]!);
      await pageB.keyboard.type(fromB[index]!);
    }
    await saved(a);
    await saved(b);
    const outcomes = async () => [
      await field(a, 'Outcomes').inputValue(),
      await field(b, 'Outcomes').inputValue(),
    ];
    await expect.poll(async () => new Set(await outcomes()).size).toBe(1);
    const [merged = ''] = await outcomes();
    const added = (char: string) =>
      [...merged].filter((c) => c === char).length - [...base].filter((c) => c === char).length;
    expect(added('X')).toBe(fromA.length);
    expect(added('Y')).toBe(fromB.length);
    expect(merged.length).toBe(base.length + fromA.length + fromB.length);
    await pageA.close();
    await pageB.close();
  });

  it('loses nothing when the service worker stops between keystrokes', async () => {
    const page = await openSeedPage(browser);
    const name = 'Edit project: openSUSE: Add Snapshot management API to libvirt Xenlight driver';
    let frame = await openPanel(page, name);
    await field(frame, 'Technical contact').fill('Mentor: Jim');
    await saved(frame);
    // A mark in the running service worker: a worker started afresh does not have it.
    const marked = () => (globalThis as { __projectDeskTestMark?: boolean }).__projectDeskTestMark === true;
    await browser.context
      .serviceWorkers()
      .at(-1)!
      .evaluate(() => {
        (globalThis as { __projectDeskTestMark?: boolean }).__projectDeskTestMark = true;
      });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await typeAtEnd(frame, 'Technical contact', ' Fehlig');
    await saved(frame);
    // The worker that stored ' Fehlig' is a new one.
    expect(await browser.context.serviceWorkers().at(-1)!.evaluate(marked)).toBe(false);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.reload();
    await expectCount(page.getByRole('button', { name: /^Edit project: / }), 8);
    frame = await openPanel(page, name);
    expect(await field(frame, 'Technical contact').inputValue()).toBe('Mentor: Jim Fehlig');
    await page.close();
  });

  it('keeps what was typed when the tab and the panel crash right after typing', async () => {
    const page = await openSeedPage(browser);
    const name = 'Edit project: Improvements to the block I/O paravirtualized Xen drivers';
    const frame = await openPanel(page, name);
    await saved(frame);
    const panelSession = await browser.context.newCDPSession(frame);
    const pageSession = await browser.context.newCDPSession(page);
    await typeAtEnd(frame, 'Skills Needed', ' Crash-proof.');
    // A crashed renderer never answers the command: wait for the crash instead.
    const crashed = page.waitForEvent('crash');
    void panelSession.send('Page.crash').catch(() => undefined);
    void pageSession.send('Page.crash').catch(() => undefined);
    await crashed;
    const again = await openSeedPage(browser);
    const restored = await openPanel(again, name);
    expect(await field(restored, 'Skills Needed').inputValue()).toMatch(/ Crash-proof\.$/);
    await page.close().catch(() => undefined);
    await again.close();
  });

  it('keeps a new project’s draft in its section across a reload', async () => {
    let page = await openSeedPage(browser);
    const button = 'New project in Xen related GSoC Projects by other mentoring Organizations';
    let frame = await openPanel(page, button);
    await typeAtEnd(frame, 'Project', 'Unikernel build service');
    await typeAtEnd(frame, 'Description', 'Build and cache unikernels on demand.');
    await saved(frame);
    await page.close();
    page = await openSeedPage(browser);
    await expect
      .poll(() => page.getByRole('button', { name: button, exact: true }).getAttribute('aria-describedby'))
      .toBe('project-desk-draft-badge');
    frame = await openPanel(page, button);
    expect(await field(frame, 'Project').inputValue()).toBe('Unikernel build service');
    expect(await field(frame, 'Description').inputValue()).toBe('Build and cache unikernels on demand.');
    await page.close();
  });

  it('keeps every keystroke when the browser is killed (SIGKILL) right after typing', async () => {
    const first = await launch();
    const { userDataDir } = first;
    try {
      const page = await openSeedPage(first);
      const name = 'Edit project: HVM per-event-channel interrupts';
      const frame = await openPanel(page, name);
      await saved(frame);
      const pid = browserPid(userDataDir);
      await typeAtEnd(frame, 'Difficulty', 'Hard');
      await typeAtEnd(frame, 'Outcomes', ' Killed-at-once.');
      // Within 200 ms of the last keystroke, without waiting for anything to say it was saved.
      const typedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      process.kill(pid, 'SIGKILL');
      expect(Date.now() - typedAt).toBeLessThan(200);
      await expect.poll(() => isAlive(pid)).toBe(false);
      // Never first.close(): it would delete the profile this test relaunches.
      const second = await launch(userDataDir);
      try {
        const again = await openSeedPage(second);
        const restored = await openPanel(again, name);
        expect(await field(restored, 'Difficulty').inputValue()).toBe('Hard');
        expect(await field(restored, 'Outcomes').inputValue()).toMatch(/ Killed-at-once\.$/);
      } finally {
        await second.context.close().catch(() => undefined);
      }
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
