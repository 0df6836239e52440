import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectVisible } from './support/expect';
import { type SyncServer, startSyncServer } from './support/sync-server';
import {
  adapterRegistered,
  configureSync,
  expectValue,
  field,
  openEditor,
  openWikiPage,
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
});
