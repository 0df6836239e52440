import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WikiApiSession } from '../support/wiki';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { commentOn, commentsFrame, thread } from './support/comments';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';
import { type SyncServer, startSyncServer } from './support/sync-server';
import { configureSync, field, openEditor, waitForStatus } from './support/sync-ui';

/**
 * A reviewer and a mentor (two browser profiles) on one real sync server: the reviewer's comments,
 * replies and resolutions reach the mentor, also after being offline; the reviewer's token lets it
 * write comments but not drafts, and the editor says so.
 */
let env: E2eEnvironment;
let server: SyncServer;
let reviewer: ExtensionBrowser;
let mentor: ExtensionBrowser;
let title: string;

const ENTRY = 'Lazy restore using memory paging';
const PHRASE = 'the entire memory footprint of a VM is read from IO';
const WIKITEXT = `== Ideas ==
{{project
|Project=${ENTRY}
|Contact=Mentor: Andres Lagar-Cavilla
|Desc=VM Save/restore results in a boatload of IO and non-trivial downtime as ${PHRASE}.
}}
`;

async function person(role: 'editor' | 'reviewer', name: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ extensionPath: env.extensionPath });
  await adapterRegistered(browser);
  const options = await configureSync(browser, {
    server: server.url,
    token: server.token({ role, name }),
    name,
  });
  await options.close();
  return browser;
}

beforeAll(async () => {
  env = e2eEnvironment();
  title = `Comments sync E2E ${Date.now()}`;
  await (await WikiApiSession.login(env.wiki.apiUrl, 'mentor')).edit(title, WIKITEXT);
  server = await startSyncServer();
  reviewer = await person('reviewer', 'Rita Reviewer');
  mentor = await person('editor', 'Mia Mentor');
});
afterAll(async () => {
  await reviewer?.close();
  await mentor?.close();
  await server?.dispose();
});

async function openPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${env.wiki.indexUrl}?title=${encodeURIComponent(title.replace(/ /g, '_'))}`);
  await expectCount(page.getByRole('button', { name: /^Edit project: / }), 1);
  return page;
}

const status = (frame: Frame) => frame.getByRole('status').first();
async function waitForCommentsStatus(frame: Frame, text: string): Promise<void> {
  await expect.poll(async () => (await status(frame).textContent())?.trim(), { timeout: 30_000 }).toBe(text);
}

describe('comments between two profiles through the sync server', () => {
  it('reach the other profile live: the comment, a reply, a resolution; and after being offline', async () => {
    const reviewerPage = await openPage(reviewer);
    const mine = await commentOn(reviewerPage, ENTRY, PHRASE, 'Which IO exactly, @Mia Mentor?');
    await waitForCommentsStatus(mine, 'Synced');

    const mentorPage = await openPage(mentor);
    const badge = mentorPage.getByRole('button', { name: `1 comment on ${ENTRY}`, exact: true });
    await expectVisible(badge, 30_000);
    await badge.click();
    const theirs = await commentsFrame(mentorPage, ENTRY);
    const seen = thread(theirs, PHRASE);
    await expectVisible(seen, 30_000);
    expect(await seen.textContent()).toContain('Rita Reviewer');
    expect(await seen.textContent()).toContain('Which IO exactly, @Mia Mentor?');

    // The mentor replies: it shows in the reviewer's open frame.
    await seen.getByRole('button', { name: 'Reply', exact: true }).click();
    await seen.getByLabel('Reply text', { exact: true }).fill('Reading the whole image at once.');
    await seen.getByRole('button', { name: 'Post reply', exact: true }).click();
    await expect
      .poll(() => thread(mine, PHRASE).textContent(), { timeout: 30_000 })
      .toContain('Reading the whole image at once.');

    // Offline, the reviewer replies and resolves; back online, both reach the mentor by themselves.
    await reviewer.context.setOffline(true);
    await waitForCommentsStatus(mine, 'Offline');
    const own = thread(mine, PHRASE);
    await own.getByRole('button', { name: 'Reply', exact: true }).click();
    await own.getByLabel('Reply text', { exact: true }).fill('Thanks, written offline.');
    await own.getByRole('button', { name: 'Post reply', exact: true }).click();
    await own.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expectVisible(own.getByRole('button', { name: 'Reopen', exact: true }));
    expect(await seen.textContent()).not.toContain('Thanks, written offline.');
    await reviewer.context.setOffline(false);
    await waitForCommentsStatus(mine, 'Synced');
    await expect.poll(() => seen.textContent(), { timeout: 30_000 }).toContain('Thanks, written offline.');
    await expectVisible(seen.getByRole('button', { name: 'Reopen', exact: true }), 30_000);
    expect(await seen.textContent()).toContain('Resolved by Rita Reviewer.');
    await reviewerPage.close();
    await mentorPage.close();
  });

  it('lets the reviewer read the draft but not change it, and says why', async () => {
    const mentorPage = await openPage(mentor);
    const draft = await openEditor(mentorPage, `Edit project: ${ENTRY}`);
    await waitForStatus(draft, 'Synced');
    const reviewerPage = await openPage(reviewer);
    const readOnly = await openEditor(reviewerPage, `Edit project: ${ENTRY}`);
    await expect
      .poll(() => field(readOnly, 'Project').getAttribute('aria-readonly'), { timeout: 30_000 })
      .toBe('true');
    expect(await field(readOnly, 'Project').isEditable()).toBe(false);
    expect(await field(readOnly, 'Project').isDisabled()).toBe(false);
    expect(await field(readOnly, 'Project').inputValue()).toBe(ENTRY);
    await expectVisible(
      readOnly.getByText(/^Read only: your access token’s role may read this page’s drafts/),
    );
    await reviewerPage.close();
    await mentorPage.close();
  });
});
