import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WikiApiSession } from '../support/wiki';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { commentOn, commentsFrame, highlightBoxes, phraseBox, selectText, thread } from './support/comments';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';
import { field, openEditor } from './support/sync-ui';

/** Reviewer comments in the real browser on the real wiki: rendered text, anchors that follow edits, remarks. */
let env: E2eEnvironment;
let browser: ExtensionBrowser;
let mentor: WikiApiSession;

const TITLE = 'Lazy restore using memory paging';
const PHRASE = 'the entire memory footprint of a VM is read from IO';
const entryText = (desc: string) => `== Ideas ==
{{project
|Project=${TITLE}
|Date=01/20/2014
|Contact=Mentor: Andres Lagar-Cavilla
|Difficulty=Medium
|Desc=${desc}
|Outcomes=Mainline patches
}}

{{project
|Project=Second idea
|Desc=Something else entirely, with words of its own.
}}
`;
const DESC = `VM Save/restore results in a boatload of IO and non-trivial downtime as ${PHRASE}.

Xen memory paging support in x86 is now mature enough to allow for lazy restore.`;

beforeAll(async () => {
  env = e2eEnvironment();
  mentor = await WikiApiSession.login(env.wiki.apiUrl, 'mentor');
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

const badge = (page: Page, count: string, title: string) =>
  page.getByRole('button', { name: `${count} on ${title}`, exact: true });

describe('reviewer comments on the rendered page', () => {
  it('comments on selected text: a thread, a highlight on that text, a count on the entry', async () => {
    const title = `Comments E2E ${Date.now()}`;
    await mentor.edit(title, entryText(DESC));
    const page = await openPage(title, 2);
    const frame = await commentOn(page, TITLE, PHRASE, 'Which IO exactly? See https://example.org/io');
    const posted = thread(frame, PHRASE);
    expect(await posted.textContent()).toContain('Which IO exactly?');
    expect(await posted.textContent()).not.toContain('Detached');
    expect(await posted.getByRole('link').getAttribute('href')).toBe('https://example.org/io');
    await expectVisible(badge(page, '1 comment', TITLE));
    await expect
      .poll(async () => (await highlightBoxes(page)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const [box] = await highlightBoxes(page);
    const text = await phraseBox(page, PHRASE);
    expect(Math.abs(box!.left - text!.left)).toBeLessThan(2);
    expect(Math.abs(box!.top - text!.top)).toBeLessThan(2);
    // Nothing of the comment in the page's own DOM: only our hosts, and no text of the comment.
    expect(await page.evaluate(() => document.body.textContent?.includes('Which IO exactly?'))).toBe(false);

    // The mentor edits around the text on the wiki: after a reload the thread is still on it.
    await mentor.edit(title, entryText(`Some new words come first. ${DESC.replace('VM Save', 'A VM save')}`));
    await page.reload();
    await expectCount(page.getByRole('button', { name: /^Edit project: / }), 2);
    await expect
      .poll(async () => (await highlightBoxes(page)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const [moved] = await highlightBoxes(page);
    const now = await phraseBox(page, PHRASE);
    expect(Math.abs(moved!.left - now!.left)).toBeLessThan(2);
    expect(Math.abs(moved!.top - now!.top)).toBeLessThan(2);
    await badge(page, '1 comment', TITLE).click();
    const after = await commentsFrame(page, TITLE);
    await expectVisible(thread(after, PHRASE));
    expect(await thread(after, PHRASE).textContent()).not.toContain('Detached');

    // The mentor deletes the text: the thread is listed, detached, and nothing is highlighted.
    await mentor.edit(title, entryText('Xen memory paging support in x86 is now mature enough.'));
    await page.reload();
    await expectCount(page.getByRole('button', { name: /^Edit project: / }), 2);
    await badge(page, '1 comment', TITLE).click();
    const gone = await commentsFrame(page, TITLE);
    await expectVisible(thread(gone, PHRASE));
    expect(await thread(gone, PHRASE).textContent()).toContain('Detached');
    expect(await highlightBoxes(page)).toEqual([]);
    await page.close();
  });

  it('replies, edits and deletes own messages, resolves and reopens', async () => {
    const title = `Comments E2E threads ${Date.now()}`;
    await mentor.edit(title, entryText(DESC));
    const page = await openPage(title, 2);
    const frame = await commentOn(page, TITLE, 'non-trivial downtime', 'How much downtime?');
    const item = thread(frame, 'non-trivial downtime');
    await item.getByRole('button', { name: 'Reply', exact: true }).click();
    await item.getByLabel('Reply text', { exact: true }).fill('Seconds, on a big VM.');
    await item.getByRole('button', { name: 'Post reply', exact: true }).click();
    await expect.poll(() => item.textContent()).toContain('Seconds, on a big VM.');
    const question = item.getByRole('listitem').filter({ hasText: 'How much downtime?' });
    const answer = item.getByRole('listitem').filter({ hasText: 'Seconds, on a big VM.' });
    await question.getByRole('button', { name: 'Edit message' }).click();
    await item.getByLabel('Message text', { exact: true }).fill('How much downtime, roughly?');
    await item.getByRole('button', { name: 'Save message', exact: true }).click();
    await expect.poll(() => item.textContent()).toContain('(edited)How much downtime, roughly?');
    await answer.getByRole('button', { name: 'Delete message' }).click();
    await expect.poll(() => item.textContent()).toContain('This message was deleted.');
    await item.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expectVisible(item.getByRole('button', { name: 'Reopen', exact: true }));
    await expectCount(badge(page, '1 comment', TITLE), 0);
    await item.getByRole('button', { name: 'Reopen', exact: true }).click();
    await expectVisible(badge(page, '1 comment', TITLE));

    // The dashboard's inbox: open threads across pages, mine, and those mentioning me.
    const dashboard = await browser.openExtensionPage('dashboard.html');
    const inbox = dashboard.getByRole('region', { name: 'Comments inbox' });
    const listed = inbox.getByRole('article', { name: 'Thread on "non-trivial downtime"', exact: true });
    await expectVisible(listed);
    expect(await listed.getByRole('link', { name: title }).getAttribute('href')).toContain(
      encodeURIComponent(title.replaceAll(' ', '_')),
    );
    await inbox.getByRole('button', { name: 'Mine', exact: true }).click();
    await expectVisible(listed);
    await inbox.getByRole('button', { name: 'Mentioning me', exact: true }).click();
    await expectCount(listed, 0);
    await item.getByRole('button', { name: 'Reply', exact: true }).click();
    await item.getByLabel('Reply text', { exact: true }).fill('Note to self, @Reviewer on this device.');
    await item.getByRole('button', { name: 'Post reply', exact: true }).click();
    await dashboard.getByRole('button', { name: 'Refresh comments', exact: true }).click();
    await expectVisible(listed);
    expect(await listed.textContent()).toContain('Note to self, @Reviewer on this device.');
    await dashboard.close();
    await page.close();
  });

  it('shows comment text as text: no markup, no script, only http(s) links, bidi controls made visible, long text refused', async () => {
    const title = `Comments E2E safety ${Date.now()}`;
    await mentor.edit(title, entryText(DESC));
    const page = await openPage(title, 2);
    const hostile =
      '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b onclick="x()">bold</b> ' +
      'javascript:alert(1) [javascript:alert(2) x] https://example.org/safe abc\u202Edcba';
    // The Comment button comes right after the entry's block: next in the tab order from the entry.
    await selectText(page, 'lazy restore');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector('[data-project-desk="comment"]')?.previousElementSibling?.textContent ??
            '',
        ),
      )
      .toContain('lazy restore');
    const frame = await commentOn(page, TITLE, 'lazy restore', hostile, 'keyboard');
    const item = thread(frame, 'lazy restore');
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('<script>window.__pwned = 1</script><img src=x onerror=');
    expect(text).toContain('\u27e8U+202E\u27e9');
    expect(await item.locator('script, img, b').count()).toBe(0);
    expect(
      await item.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(['https://example.org/safe']);
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Very long input: refused with the reason, nothing posted.
    await item.getByRole('button', { name: 'Reply', exact: true }).click();
    await item.getByLabel('Reply text', { exact: true }).fill('x'.repeat(10_001));
    await item.getByRole('button', { name: 'Post reply', exact: true }).click();
    await expectVisible(item.getByRole('alert').filter({ hasText: 'at most 10,000 characters' }));
    await page.close();
  });
});

describe('comments on a draft field in the editor panel', () => {
  it('comment on selected field text; the anchor follows typing around it, and detaches when it is deleted', async () => {
    const title = `Comments E2E draft ${Date.now()}`;
    await mentor.edit(title, entryText(DESC));
    const page = await openPage(title, 2);
    const panel = await openEditor(page, `Edit project: ${TITLE}`);
    const description = field(panel, 'Description');
    await description.evaluate((element, phrase) => {
      const input = element as HTMLTextAreaElement;
      const at = input.value.indexOf(phrase);
      input.focus();
      input.setSelectionRange(at, at + phrase.length);
      input.dispatchEvent(new Event('select', { bubbles: true }));
    }, 'boatload of IO');
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();
    await panel.getByLabel('Comment text', { exact: true }).fill('How much is a boatload?');
    await panel.getByRole('button', { name: 'Post comment', exact: true }).click();
    const item = thread(panel, 'boatload of IO');
    await expectVisible(item);
    expect(await item.textContent()).not.toContain('Detached');
    // Typing before the quoted text (the anchor is a Yjs relative position in the field's text).
    await description.focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type('A boatload of IO? ');
    await expect.poll(() => description.inputValue()).toMatch(/^A boatload of IO\? VM Save/);
    expect(await item.textContent()).not.toContain('Detached');
    // The quoted words deleted: still listed, detached.
    await description.fill('Xen memory paging support in x86 is now mature enough.');
    await expect.poll(() => item.textContent()).toContain('Detached');
    await page.close();
  });
});

describe("the wiki's own remarks", () => {
  it('shows the seed page’s {{Comment}} remarks as threads with author and time from the signature', async () => {
    const page = await openPage(env.wiki.pages.seed2014, 8);
    const entry = 'Implement Xen PVUSB support in xl/libxl toolstack';
    await badge(page, '1 comment', entry).click();
    const frame = await commentsFrame(page, entry);
    const remark = frame.getByRole('article', { name: /^Thread on "\{\{Comment\|\[\[User:Lars\.kurth/ });
    await expectVisible(remark);
    const text = (await remark.textContent()) ?? '';
    expect(text).toContain('Lars.kurth');
    expect(text).toContain('Should be suitable, but the task list needs a timeline.');
    expect(await remark.locator('time').getAttribute('datetime')).toBe('2013-01-23T14:14:00.000Z');
    // Resolving it offers to remove it from the wikitext at the next publish.
    await remark.getByRole('button', { name: 'Resolve', exact: true }).click();
    const remove = remark.getByLabel('Remove the remark from the wikitext at the next publish');
    await expectVisible(remove);
    expect(await remove.isChecked()).toBe(true);
    await expectVisible(badge(page, '1 comment', 'Lazy restore using memory paging'));
    await page.close();
  });
});
