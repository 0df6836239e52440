import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';
import { type SyncServer, startSyncServer } from './support/sync-server';
import {
  configureSync,
  expectValue,
  field,
  openEditor,
  openWikiPage,
  recordStatus,
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
    // And on Ada's wiki page, beside the entry's button (its description; its name is unchanged).
    const button = pageA.getByRole('button', { name, exact: true });
    await expect
      .poll(() => button.getAttribute('aria-describedby'), { timeout: 20_000 })
      .toContain('project-desk-presence');
    expect(await pageA.locator('#project-desk-presence').allTextContents()).toEqual(['Grace is editing']);
    await pageA.close();
    await pageB.close();
  });

  it('merge what both typed while one was offline, and sync by themselves when it is back', async () => {
    const name = 'Edit project: Parallel xenwatch kthread';
    const pageA = await openWikiPage(mentor, env, env.wiki.pages.seed2014);
    const pageB = await openWikiPage(coMentor, env, env.wiki.pages.seed2014);
    const a = await openEditor(pageA, name);
    const b = await openEditor(pageB, name);
    await waitForStatus(a, 'Synced');
    await waitForStatus(b, 'Synced');
    const outcomes = await field(a, 'Outcomes').inputValue();
    const statusOfB = await recordStatus(b);
    await coMentor.context.setOffline(true);
    await waitForStatus(b, 'Offline');
    await field(a, 'Difficulty').fill('Hard');
    await typeAtEnd(a, 'Outcomes', ' Online-Ada.');
    await field(a, 'Verified').fill('Checked by Ada');
    await typeAtEnd(b, 'Technical contact', ' (Grace offline)');
    await typeAtEnd(b, 'Outcomes', ' Offline-Grace.');
    await field(b, 'Verified').fill('Checked by Grace');
    await waitForStatus(b, 'Offline');
    await waitForStatus(a, 'Synced');
    await coMentor.context.setOffline(false);
    // No click: the connection comes back and the waiting changes go out.
    await waitForStatus(b, 'Synced', 60_000);
    const seen = await statusOfB();
    expect(seen.indexOf('Offline')).toBeGreaterThanOrEqual(0);
    expect(seen.lastIndexOf('Synced')).toBeGreaterThan(seen.indexOf('Offline'));
    for (const frame of [a, b]) {
      await expectValue(frame, 'Difficulty', 'Hard');
      await expectValue(frame, 'Technical contact', / \(Grace offline\)$/);
      await expectValue(frame, 'Outcomes', /Online-Ada\./);
      await expectValue(frame, 'Outcomes', /Offline-Grace\./);
    }
    const merged = await field(a, 'Outcomes').inputValue();
    expect(await field(b, 'Outcomes').inputValue()).toBe(merged);
    expect(merged.length).toBe(outcomes.length + ' Online-Ada.'.length + ' Offline-Grace.'.length);
    // Both wrote Verified: one value wins (Yjs decides by client id), and the other writer is told,
    // with their value still at hand.
    await expect
      .poll(
        async () => (await field(a, 'Verified').inputValue()) === (await field(b, 'Verified').inputValue()),
      )
      .toBe(true);
    const winner = await field(a, 'Verified').inputValue();
    expect(['Checked by Ada', 'Checked by Grace']).toContain(winner);
    const [loser, mine] = winner === 'Checked by Ada' ? [b, 'Checked by Grace'] : [a, 'Checked by Ada'];
    const notice = loser.getByRole('alert').filter({ hasText: 'Verified was changed elsewhere' });
    await expectVisible(notice);
    expect(await notice.textContent()).toContain(`your “${mine}”`);
    expect(await notice.locator('li').count()).toBe(1);
    await notice.getByRole('button', { name: 'Use mine' }).click();
    await expectValue(a, 'Verified', mine);
    await expectValue(b, 'Verified', mine);
    await pageA.close();
    await pageB.close();
  });

  it('lose nothing when the server is killed mid-editing and restarted on its data', async () => {
    const name = 'Edit project: HVM per-event-channel interrupts';
    const pageA = await openWikiPage(mentor, env, env.wiki.pages.seed2014);
    const pageB = await openWikiPage(coMentor, env, env.wiki.pages.seed2014);
    const a = await openEditor(pageA, name);
    const b = await openEditor(pageB, name);
    await waitForStatus(a, 'Synced');
    await waitForStatus(b, 'Synced');
    await typeAtEnd(a, 'Skills Needed', ' before-kill');
    await expectValue(b, 'Skills Needed', / before-kill$/);
    await typeAtEnd(b, 'Outcomes', ' B-before-kill');
    await expectValue(a, 'Outcomes', / B-before-kill$/);
    await server.kill();
    // Typed while the server is dead (right after the kill, and once the panels noticed).
    await typeAtEnd(a, 'Outcomes', ' A-during-outage');
    await field(b, 'Difficulty').fill('Medium');
    await waitForStatus(a, /^(\d+ changes? waiting|Offline|The sync server cannot be reached\.)$/);
    await server.restart();
    await waitForStatus(a, 'Synced', 60_000);
    await waitForStatus(b, 'Synced', 60_000);
    for (const frame of [a, b]) {
      await expectValue(frame, 'Skills Needed', / before-kill$/);
      await expectValue(frame, 'Difficulty', 'Medium');
      await expectValue(frame, 'Outcomes', / B-before-kill A-during-outage$/);
    }
    expect(await field(a, 'Outcomes').inputValue()).toBe(await field(b, 'Outcomes').inputValue());
    await pageA.close();
    await pageB.close();
  });

  it('send what waited once the stopped service worker starts again, with no panel open', async () => {
    const name = 'Edit project: Improvements to the block I/O paravirtualized Xen drivers';
    const pageA = await openWikiPage(mentor, env, env.wiki.pages.seed2014);
    const pageB = await openWikiPage(coMentor, env, env.wiki.pages.seed2014);
    const a = await openEditor(pageA, name);
    const b = await openEditor(pageB, name);
    await waitForStatus(a, 'Synced');
    await waitForStatus(b, 'Synced');
    await server.stop();
    await typeAtEnd(a, 'Skills Needed', ' waited-for-the-worker');
    await waitForStatus(a, /^(\d+ changes? waiting|Offline|The sync server cannot be reached\.)$/);
    await pageA.close();
    // The worker stops (as Chrome stops an idle one); the alarm that wakes it is registered.
    const worker = mentor.context.serviceWorkers().at(-1)!;
    const alarm = await worker.evaluate(async () => {
      type Alarms = { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
      return (
        await (globalThis as unknown as { chrome: Alarms }).chrome.alarms.get('project-desk-sync-resume')
      )?.periodInMinutes;
    });
    expect(alarm).toBe(1);
    // A mark in the running worker: one started afresh does not have it.
    type Marked = { __projectDeskSyncMark?: boolean };
    await worker.evaluate(() => {
      (globalThis as Marked).__projectDeskSyncMark = true;
    });
    const blank = await mentor.context.newPage();
    const cdp = await mentor.context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await server.restart();
    // Any wake-up of the worker resumes sync: here a page of the wiki with no entries, whose adapter
    // asks the background about it (and nothing opens the draft's document but resume()).
    const again = await mentor.context.newPage();
    await again.goto(
      `${env.wiki.indexUrl}?title=${encodeURIComponent(env.wiki.pages.empty.replace(/ /g, '_'))}`,
    );
    await expectValue(b, 'Skills Needed', / waited-for-the-worker$/, 60_000);
    const current = mentor.context.serviceWorkers().at(-1)!;
    expect(await current.evaluate(() => (globalThis as Marked).__projectDeskSyncMark === true)).toBe(false);
    await waitForStatus(b, 'Synced');
    await again.close();
    await blank.close();
    await pageB.close();
  });

  it('say how many changes wait while the server stalls, then Offline, then Synced by themselves', async () => {
    const name = 'Edit project: Lazy restore using memory paging';
    const pageA = await openWikiPage(mentor, env, env.wiki.pages.seed2014);
    const a = await openEditor(pageA, name);
    await waitForStatus(a, 'Synced');
    const statusOfA = await recordStatus(a);
    server.pause();
    try {
      await typeAtEnd(a, 'Outcomes', ' stalled');
      await waitForStatus(a, 'Offline');
    } finally {
      server.resume();
    }
    await waitForStatus(a, 'Synced', 60_000);
    const seen = await statusOfA();
    const waiting = seen.findIndex((text) => /^\d+ changes? waiting$/.test(text));
    expect(waiting, seen.join(' | ')).toBeGreaterThan(0);
    expect(seen.indexOf('Offline', waiting)).toBeGreaterThan(waiting);
    expect(seen.at(-1)).toBe('Synced');
    await pageA.close();
  });

  it('seed an entry both open first at the same moment once, not twice', async () => {
    const name = 'Edit project: openSUSE: Add Snapshot management API to libvirt Xenlight driver';
    const pageA = await openWikiPage(mentor, env, env.wiki.pages.seed2014);
    const pageB = await openWikiPage(coMentor, env, env.wiki.pages.seed2014);
    const [a, b] = await Promise.all([openEditor(pageA, name), openEditor(pageB, name)]);
    await waitForStatus(a, 'Synced');
    await waitForStatus(b, 'Synced');
    await typeAtEnd(a, 'Outcomes', ' (A)');
    await typeAtEnd(b, 'Skills Needed', ' (B)');
    await expectValue(a, 'Skills Needed', / \(B\)$/);
    await expectValue(b, 'Outcomes', / \(A\)$/);
    // A second seed of the same text would show as the field's text twice over.
    for (const frame of [a, b]) {
      const project = await field(frame, 'Project').inputValue();
      expect(project).toBe('openSUSE: Add Snapshot management API to libvirt Xenlight driver');
      const outcomes = await field(frame, 'Outcomes').inputValue();
      expect(outcomes.match(/ \(A\)/g)).toHaveLength(1);
      const description = await field(frame, 'Description').inputValue();
      const firstLine = description.split('\n')[0] ?? '';
      expect(firstLine.length).toBeGreaterThan(10);
      expect(description.split(firstLine)).toHaveLength(2);
    }
    await pageA.close();
    await pageB.close();
  });
});
